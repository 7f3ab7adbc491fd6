/**
 * Four versions of one story, written for these tests in the manner of the outlets that carry such
 * a story: a wire report that names everyone in full, a blog that only ever writes surnames and
 * short forms, a relay that abbreviates the newspaper, and a later rewrite.
 */
import type { Reading } from "../../src/model/index.js";
import { readArticle } from "../../src/read/index.js";
import { rawArticle } from "../../src/read/raw.js";

export const WIRE = [
  "WASHINGTON (Wire) — US Secretary of State John Kerry told a group of Syrian opposition activists that he had lost the argument for the use of force, according to a recording of the meeting obtained by The New York Times.",
  "“I lost the argument for use of force in Syria,” Mr. Kerry said during the 40-minute meeting at the Dutch mission to the United Nations.",
  "State Department spokesman John Kirby said the meeting had been private. “The secretary was speaking candidly to people who are suffering,” Kirby said.",
  "The United Nations has tried for months to broker a ceasefire in Aleppo.",
].join("\n\n");

export const BLOG = [
  "Kerry’s private admission: he lost the argument.",
  "In a leaked tape, Kerry can be heard telling activists that Washington watched the militants grow. “We were watching, we saw that they were growing in strength,” Kerry said.",
  "The Times, which obtained the recording, said Kerry spoke for about 35 minutes. His spokesman, Kirby, declined to say more.",
  "The UN has been unable to stop the bombing of Aleppo.",
].join("\n\n");

export const RELAY = [
  "According to the NY Times, Kerry met the activists on the sidelines of the UN General Assembly.",
  "“We were watching, we saw that they were growing in strength,” Kerry told them.",
  "On Friday, Mr. Kirby said the secretary had been candid.",
].join("\n\n");

export const REWRITE = [
  "John F. Kerry, the secretary of state, said diplomacy was the only path left in Syria.",
  "Kerry’s spokesman, John Kirby, said on Friday that Kerry stood by his remarks.",
].join("\n\n");

export function read(id: string, text: string): Reading {
  return readArticle(rawArticle(id, `${id}.txt`, text).article);
}

export function readAll(): Reading[] {
  return [read("wire", WIRE), read("blog", BLOG), read("relay", RELAY), read("rewrite", REWRITE)];
}
