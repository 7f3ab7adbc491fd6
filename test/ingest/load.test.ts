import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import iconv from "iconv-lite";
import { loadInputs, urlId } from "../../src/ingest/index.js";

const ARTICLE_A =
  "BEIRUT (Reuters) - A recording of a meeting between the U.S. Secretary of State and Syrian\r\n" +
  "opposition members was published on Friday.\r\n\r\n“We’re trying,” he said.\r\n";
const ARTICLE_B = `<!doctype html><html><head><meta charset="windows-1252"><title>Leak</title></head>
<body><article><h1>Leaked audio</h1><p>The café meeting lasted 40 minutes, an aide said.</p></article></body></html>`;

describe("loadInputs on files and directories", () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-ingest-"));
    mkdirSync(join(dir, "story", "more"), { recursive: true });
    writeFileSync(join(dir, "story", "b-reuters.txt"), ARTICLE_A);
    writeFileSync(join(dir, "story", "a-blog.html"), iconv.encode(ARTICLE_B, "windows-1252"));
    writeFileSync(
      join(dir, "story", "more", "c-copy.txt"),
      `<html><body><p>${"Copied text. ".repeat(20)}</p></body></html>`,
    );
    writeFileSync(join(dir, "story", "notes.md"), "# not a page\n");
    writeFileSync(join(dir, "story", ".hidden.txt"), "hidden draft\n");
    mkdirSync(join(dir, "other"));
    writeFileSync(
      join(dir, "other", "b-reuters.txt"),
      "Another outlet's version of the story, with the same file name.\n",
    );
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "blank.txt"), "\n\n   \n");
    writeFileSync(join(dir, "image.txt"), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7) % 32)));
    writeFileSync(join(dir, "big.txt"), "x".repeat(2000));
    writeFileSync(join(dir, "locked.txt"), "secret\n");
    chmodSync(join(dir, "locked.txt"), 0o000);
    mkdirSync(join(dir, "loop"));
    writeFileSync(join(dir, "loop", "page.txt"), "A page inside a directory that links to itself.\n");
    symlinkSync(join(dir, "loop"), join(dir, "loop", "self"));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("walks a directory recursively, in sorted order, keeping only page extensions", async () => {
    const { pages, failures } = await loadInputs([join(dir, "story")]);
    assert.deepEqual(failures, []);
    assert.deepEqual(
      pages.map((p) => p.id),
      ["a-blog", "b-reuters", "c-copy"],
    );
    assert.deepEqual(
      pages.map((p) => p.source),
      [
        join(dir, "story", "a-blog.html"),
        join(dir, "story", "b-reuters.txt"),
        join(dir, "story", "more", "c-copy.txt"),
      ],
    );
  });

  it("decodes, normalises line ends and sniffs HTML behind a .txt name", async () => {
    const { pages } = await loadInputs([join(dir, "story")]);
    const [blog, reuters, copy] = pages;
    assert.equal(reuters!.format, "text");
    assert.ok(!reuters!.content.includes("\r"));
    assert.match(reuters!.content, /“We’re trying,” he said\./);
    assert.equal(blog!.format, "html");
    assert.equal(blog!.encoding, "windows-1252");
    assert.equal(blog!.encodingEvidence, "meta");
    assert.match(blog!.content, /café meeting/);
    assert.equal(copy!.format, "html");
    assert.equal(reuters!.url, null);
  });

  it("gives unique ids to inputs that share a base name", async () => {
    const { pages } = await loadInputs([
      join(dir, "story", "b-reuters.txt"),
      join(dir, "other", "b-reuters.txt"),
    ]);
    assert.deepEqual(
      pages.map((p) => p.id),
      ["b-reuters", "b-reuters-2"],
    );
  });

  it("loads a file named twice (directly and via its directory) once", async () => {
    const { pages } = await loadInputs([join(dir, "story", "b-reuters.txt"), join(dir, "story")]);
    assert.equal(pages.length, 3);
  });

  it("names each unreadable input with its reason and still loads the rest", async () => {
    const inputs = ["empty.txt", "blank.txt", "image.txt", "missing.txt", "locked.txt"].map((f) =>
      join(dir, f),
    );
    const { pages, failures } = await loadInputs([...inputs, join(dir, "story", "b-reuters.txt")]);
    // root reads anything; the permission case is only checkable as another user
    const asRoot = process.getuid?.() === 0;
    assert.deepEqual(
      pages.map((p) => p.id),
      asRoot ? ["locked", "b-reuters"] : ["b-reuters"],
    );
    const reasons = new Map(failures.map((f) => [f.source, f.reason]));
    assert.match(reasons.get(inputs[0]!) ?? "", /empty/);
    assert.match(reasons.get(inputs[1]!) ?? "", /whitespace/);
    assert.match(reasons.get(inputs[2]!) ?? "", /binary/);
    assert.match(reasons.get(inputs[3]!) ?? "", /no such file/);
    if (!asRoot) assert.match(reasons.get(inputs[4]!) ?? "", /permission denied/);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const { pages, failures } = await loadInputs([join(dir, "big.txt")], { maxFileBytes: 1000 });
    assert.equal(pages.length, 0);
    assert.match(failures[0]!.reason, /2000 bytes is over the 1000-byte limit/);
  });

  it("refuses devices and a directory without pages, by name", async () => {
    mkdirSync(join(dir, "nothing"), { recursive: true });
    const { failures } = await loadInputs(["/dev/zero", join(dir, "nothing")]);
    assert.deepEqual(
      failures.map((f) => f.source),
      ["/dev/zero", join(dir, "nothing")],
    );
    assert.match(failures[0]!.reason, /not a regular file/);
    assert.match(failures[1]!.reason, /no .*txt.* files/);
  });

  it("survives a directory symlink cycle", async () => {
    const { pages } = await loadInputs([join(dir, "loop")]);
    assert.deepEqual(
      pages.map((p) => p.id),
      ["page"],
    );
  });

  it("refuses URL schemes other than http(s)", async () => {
    const { failures } = await loadInputs(["ftp://example.org/story.txt"]);
    assert.match(failures[0]!.reason, /unsupported URL scheme/);
  });

  it("hashes URLs to short stable ids", () => {
    assert.equal(urlId("https://example.org/a"), urlId("https://example.org/a"));
    assert.notEqual(urlId("https://example.org/a"), urlId("https://example.org/b"));
    assert.match(urlId("https://example.org/a"), /^[0-9a-f]{16}$/);
  });
});
