/** JSON lines reading: one page per line with the record's metadata, bad lines named by number. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { type JsonlLine, readJsonl } from "../../src/ingest/jsonl.js";
import { jsonlRecord } from "./fixtures.js";

async function all(path: string, start?: { offset: number; line: number }): Promise<JsonlLine[]> {
  const out: JsonlLine[] = [];
  for await (const line of readJsonl(path, start)) out.push(line);
  return out;
}

function verdicts(lines: JsonlLine[]): string[] {
  return lines.map((l) =>
    "page" in l.result
      ? `${l.line}:page`
      : "bad" in l.result
        ? `${l.line}:bad:${l.result.bad}`
        : `${l.line}:blank`,
  );
}

describe("readJsonl", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-jsonl-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("reads text and html records with their fields, and names each bad line", async () => {
    const lines = [
      jsonlRecord(1),
      JSON.stringify({ id: 7, html: "<html><body><p>Hello there, this is a page.</p></body></html>" }),
      "",
      "{not json",
      "[1, 2]",
      JSON.stringify({ id: "x", title: "No body" }),
      JSON.stringify({ id: "y", text: 42 }),
      JSON.stringify({ id: { a: 1 }, text: "an id of the wrong type" }),
      JSON.stringify({ id: "z", text: "   " }),
      JSON.stringify({ text: "No id, a relative url", url: "/news/1", published: "not a date" }),
    ];
    const path = join(dir, "mixed.jsonl");
    writeFileSync(path, `${lines.join("\r\n")}\r\n`);
    const read = await all(path);
    assert.deepEqual(verdicts(read), [
      "1:page",
      "2:page",
      "3:blank",
      `4:bad:not valid JSON (${jsonError("{not json")})`,
      "5:bad:not a JSON object",
      '6:bad:no "text" or "html" field',
      '7:bad:field "text" must be a string',
      '8:bad:field "id" must be a string or a number',
      "9:bad:no text (only whitespace)",
      "10:page",
    ]);
    const first = read[0]!.result;
    assert.ok("page" in first);
    assert.equal(first.page.format, "text");
    assert.equal(first.page.url, "https://outlet1.example/news/1");
    assert.equal(first.page.source, "https://outlet1.example/news/1");
    assert.doesNotMatch(first.page.content, /\r/);
    assert.deepEqual(first.hints, {
      externalId: "doc-1",
      title: "Storm 1 closes the harbour",
      published: "2024-01-02",
      textGiven: true,
    });
    const html = read[1]!.result;
    assert.ok("page" in html);
    assert.equal(html.page.format, "html");
    assert.equal(html.hints.externalId, "7");
    assert.equal(html.hints.textGiven, false);
    const noUrl = read[9]!.result;
    assert.ok("page" in noUrl);
    assert.equal(noUrl.page.url, null);
    assert.equal(noUrl.page.source, `${path}:10`);
    // Offsets: each line starts where the previous ended, and the last ends at the file's end.
    for (let i = 1; i < read.length; i++) assert.equal(read[i]!.offset, read[i - 1]!.end);
    assert.equal(read.at(-1)!.end, Buffer.byteLength(`${lines.join("\r\n")}\r\n`));
  });

  it("resumes at a line's offset with the right line numbers", async () => {
    const path = join(dir, "resume.jsonl");
    writeFileSync(path, `${[1, 2, 3, 4, 5].map((n) => jsonlRecord(n)).join("\n")}\n`);
    const full = await all(path);
    const rest = await all(path, { offset: full[1]!.end, line: 2 });
    assert.deepEqual(
      rest.map((l) => [l.line, l.offset]),
      full.slice(2).map((l) => [l.line, l.offset]),
    );
  });

  it("names a last line cut off mid-record", async () => {
    const path = join(dir, "cut.jsonl");
    writeFileSync(path, `${jsonlRecord(1)}\n${jsonlRecord(2).slice(0, 40)}`);
    const read = await all(path);
    assert.equal(read.length, 2);
    assert.ok("bad" in read[1]!.result);
    assert.match(read[1]!.result.bad, /^last line is cut off/);
  });

  it("reads .jsonl.gz, and names a truncated gzip stream after the lines it could read", async () => {
    const body = `${[1, 2, 3].map((n) => jsonlRecord(n)).join("\n")}\n`;
    const path = join(dir, "a.jsonl.gz");
    writeFileSync(path, gzipSync(body));
    assert.deepEqual(verdicts(await all(path)), ["1:page", "2:page", "3:page"]);
    const big = `${Array.from({ length: 400 }, (_, n) => jsonlRecord(n)).join("\n")}\n`;
    const gz = gzipSync(big);
    const cut = join(dir, "cut.jsonl.gz");
    writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
    const read = await all(cut);
    const last = read.at(-1)!;
    assert.ok("bad" in last.result);
    assert.match(last.result.bad, /^gzip stream is truncated or corrupt after line \d+/);
    assert.ok(read.length > 10 && read.length < 400);
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  return "";
}
