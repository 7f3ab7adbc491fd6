import assert from "node:assert/strict";
import type { Quote, Reading } from "../../src/model/index.js";
import { readArticle } from "../../src/read/index.js";
import { makeArticle } from "../articles.js";

/** The whole read stage on a small hand-written article. */
export function read(paragraphs: string[]): Reading {
  return readArticle(makeArticle(paragraphs));
}

/** The indirect attributions of a reading. */
export function reported(r: Reading): Quote[] {
  return r.reported ?? [];
}

/** The indirect attribution whose content contains `fragment`. */
export function withContent(r: Reading, fragment: string): Quote | undefined {
  return reported(r).find((q) => q.text.includes(fragment));
}

/** The indirect attribution whose cue is exactly `cue`. */
export function withCue(r: Reading, cue: string): Quote | undefined {
  return reported(r).find((q) => q.cue === cue);
}

/** An opening paragraph that introduces "Maria Lopez", so that later ones may call her "Lopez". */
export const INTRO = "Senator Maria Lopez arrived in Denver on Monday.";

/** The indirect attribution whose content contains `fragment`; fails, listing the contents found, when none does. */
export function contentWith(r: Reading, fragment: string): Quote {
  const q = withContent(r, fragment);
  assert.ok(q, `no indirect content with «${fragment}» in ${JSON.stringify(reported(r).map((x) => x.text))}`);
  return q;
}

/** The text of a quote's speaker mention. */
export function mentionOf(r: Reading, q: Quote): string | null {
  return q.speakerMention === null
    ? null
    : r.article.body.slice(q.speakerMention.start, q.speakerMention.end);
}

/** The cue of each indirect attribution, in order. */
export function cuesOf(r: Reading): (string | null)[] {
  return reported(r).map((q) => q.cue);
}

/** A content fragment and the source mention its attribution should carry. */
export interface MentionCase {
  name: string;
  paragraphs: string[];
  content: string;
  mention: string | null;
}

/** Reads the case's paragraphs and checks the mention of the attribution holding its content. */
export function assertMention(c: MentionCase): void {
  const r = read(c.paragraphs);
  assert.equal(mentionOf(r, contentWith(r, c.content)), c.mention);
}

/** The indirect attribution whose cue is exactly `cue`; fails, listing the cues found, when none is. */
export function cueWith(r: Reading, cue: string): Quote {
  const q = withCue(r, cue);
  assert.ok(
    q,
    `no indirect attribution with cue «${cue}» in ${JSON.stringify(reported(r).map((x) => x.cue))}`,
  );
  return q;
}
