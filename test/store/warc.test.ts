/** WARC reading: pages out of response records, everything else counted, damage contained to one record. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { isRecordStart, readWarc, type WarcItem } from "../../src/ingest/warc.js";
import { newsHtml, type WarcSpec, warcFile, warcRecord } from "./fixtures.js";

async function all(path: string, start = 0): Promise<WarcItem[]> {
  const out: WarcItem[] = [];
  for await (const item of readWarc(path, start)) out.push(item);
  return out;
}

function kinds(items: WarcItem[]): string[] {
  return items.map((i) =>
    "page" in i.result
      ? `page:${i.url}`
      : "bad" in i.result
        ? `bad:${i.result.bad}`
        : `ignored:${i.result.ignored}`,
  );
}

const SPECS: WarcSpec[] = [
  { type: "warcinfo", body: "software: test\r\n" },
  {
    type: "request",
    url: "https://planet.example/1",
    body: "GET /1 HTTP/1.1\r\nHost: planet.example\r\n\r\n",
  },
  { url: "https://planet.example/1", body: newsHtml(1) },
  {
    url: "https://planet.example/logo.png",
    httpHeaders: { "Content-Type": "image/png" },
    body: Buffer.alloc(64, 7),
  },
  { url: "https://planet.example/2", body: newsHtml(2) },
  { type: "metadata", url: "https://planet.example/2", body: "fetchTimeMs: 12\r\n" },
  { url: "https://planet.example/missing", status: "HTTP/1.1 404 Not Found", body: "<html>gone</html>" },
  { url: "https://planet.example/3", body: newsHtml(3) },
];

describe("readWarc", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-warc-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const gzip of [true, false]) {
    it(`reads response records as pages and counts the rest (${gzip ? ".warc.gz" : ".warc"})`, async () => {
      const path = join(dir, gzip ? "a.warc.gz" : "a.warc");
      const { bytes, offsets } = warcFile(SPECS, gzip);
      writeFileSync(path, bytes);
      const items = await all(path);
      assert.deepEqual(kinds(items), [
        "ignored:warcinfo record",
        "ignored:request record",
        "page:https://planet.example/1",
        "ignored:not HTML (image/png)",
        "page:https://planet.example/2",
        "ignored:metadata record",
        "ignored:HTTP 404",
        "page:https://planet.example/3",
      ]);
      assert.deepEqual(
        items.map((i) => i.offset),
        offsets,
      );
      const first = items[2]!.result;
      assert.ok("page" in first);
      assert.equal(first.page.format, "html");
      assert.equal(first.page.url, "https://planet.example/1");
      assert.match(first.page.content, /plan number 1 on Tuesday/);
      assert.equal(first.hints.crawled, "2016-10-01T12:00:00Z");
      // Every record boundary is a place a resumed run may start, and it yields the same records.
      for (const [k, item] of items.entries()) {
        assert.ok(item.recordId);
        assert.equal(isRecordStart(path, item.offset, item.recordId), true, `record ${k}`);
      }
      const resumed = await all(path, offsets[4]);
      assert.deepEqual(kinds(resumed), kinds(items).slice(4));
      assert.equal(isRecordStart(path, offsets[4]!, items[2]!.recordId!), false);
    });
  }

  it("decodes with the HTTP charset, undoes chunked transfer and gzip content coding", async () => {
    const latin = iconv.encode(
      newsHtml(4, "<p>Le café était fermé.</p>").replace(/<meta[^>]*>/, ""),
      "windows-1252",
    );
    const html = Buffer.from(newsHtml(5), "utf8");
    const chunked = Buffer.concat([
      Buffer.from(`${(100).toString(16)}\r\n`),
      html.subarray(0, 100),
      Buffer.from(`\r\n${(html.length - 100).toString(16)}\r\n`),
      html.subarray(100),
      Buffer.from("\r\n0\r\n\r\n"),
    ]);
    const path = join(dir, "coded.warc.gz");
    writeFileSync(
      path,
      warcFile(
        [
          {
            url: "https://a.example/4",
            httpHeaders: { "Content-Type": "text/html; charset=windows-1252" },
            body: latin,
          },
          { url: "https://a.example/5", httpHeaders: { "Transfer-Encoding": "chunked" }, body: chunked },
          {
            url: "https://a.example/6",
            httpHeaders: { "Content-Encoding": "gzip" },
            body: gzipSync(newsHtml(6)),
          },
          { type: "resource", url: "https://a.example/7", contentType: "text/html", body: newsHtml(7) },
        ],
        true,
      ).bytes,
    );
    const items = await all(path);
    const pages = items.map((i) => ("page" in i.result ? i.result.page : null));
    assert.equal(pages[0]?.encoding, "windows-1252");
    assert.equal(pages[0]?.encodingEvidence, "header");
    assert.match(pages[0]?.content ?? "", /Le café était fermé/);
    assert.match(pages[1]?.content ?? "", /plan number 5 on Tuesday[\s\S]*section 5/);
    assert.doesNotMatch(pages[1]?.content ?? "", /\r\n0\r\n/);
    assert.match(pages[2]?.content ?? "", /plan number 6/);
    assert.match(pages[3]?.content ?? "", /plan number 7/);
  });

  it("names a corrupt gzip member and goes on with the next one", async () => {
    const { bytes, offsets } = warcFile(SPECS.slice(2, 5), true);
    const broken = Buffer.from(bytes);
    // Garble the deflate stream of the second member (past its 10-byte gzip header).
    for (let i = offsets[1]! + 20; i < offsets[1]! + 60; i++) broken[i] = broken[i]! ^ 0x5a;
    const path = join(dir, "corrupt.warc.gz");
    writeFileSync(path, broken);
    const items = await all(path);
    assert.deepEqual(kinds(items), [
      "page:https://planet.example/1",
      `bad:corrupt gzip member (${offsets[2]! - offsets[1]!} bytes skipped)`,
      "page:https://planet.example/2",
    ]);
    assert.equal(items[1]!.offset, offsets[1]);
  });

  it("names a truncated last member (a crawl cut off mid-write)", async () => {
    const { bytes, offsets } = warcFile(SPECS.slice(2, 5), true);
    const path = join(dir, "truncated.warc.gz");
    writeFileSync(path, bytes.subarray(0, bytes.length - 40));
    const items = await all(path);
    assert.deepEqual(kinds(items), [
      "page:https://planet.example/1",
      "ignored:not HTML (image/png)",
      "bad:gzip member is truncated or corrupt (the file ends inside it)",
    ]);
    assert.equal(items[2]!.offset, offsets[2]);
  });

  it("names a truncated record and a digest mismatch in a plain WARC, and resynchronises", async () => {
    const good = warcRecord({ url: "https://planet.example/1", body: newsHtml(1) });
    const lying = warcRecord({
      url: "https://planet.example/2",
      body: newsHtml(2),
      corruptAfterDigest: true,
    });
    const next = warcRecord({ url: "https://planet.example/3", body: newsHtml(3) });
    const cut = warcRecord({ url: "https://planet.example/4", body: newsHtml(4) });
    const path = join(dir, "damaged.warc");
    writeFileSync(path, Buffer.concat([good, lying, next, cut.subarray(0, cut.length - 100)]));
    const items = await all(path);
    assert.deepEqual(kinds(items), [
      "page:https://planet.example/1",
      "bad:block does not match its WARC-Block-Digest (sha1)",
      "page:https://planet.example/3",
      `bad:truncated response record (${cut.length - 100 - (cut.indexOf("\r\n\r\n") + 4)} of ${
        cut.length - 4 - (cut.indexOf("\r\n\r\n") + 4)
      } bytes)`,
    ]);
  });

  it("resynchronises after a record whose headers are not a WARC record's", async () => {
    const garbage = Buffer.from("this is not a record\r\nat all\r\n\r\n", "latin1");
    const path = join(dir, "garbage.warc");
    writeFileSync(
      path,
      Buffer.concat([
        warcRecord({ url: "https://planet.example/1", body: newsHtml(1) }),
        garbage,
        warcRecord({ url: "https://planet.example/2", body: newsHtml(2) }),
      ]),
    );
    const items = await all(path);
    assert.equal(items.length, 3);
    assert.ok("bad" in items[1]!.result);
    assert.ok("page" in items[2]!.result);
  });

  it("reads a WARC gzipped whole (one member) and never offers a record inside it as a resume point", async () => {
    const plain = warcFile(SPECS.slice(2, 6), false).bytes;
    const path = join(dir, "whole.warc.gz");
    writeFileSync(path, gzipSync(plain));
    const items = await all(path);
    assert.equal(items.filter((i) => "page" in i.result).length, 2);
    for (const item of items.slice(1)) {
      assert.equal(isRecordStart(path, item.offset, item.recordId!), false);
    }
    const keys = new Set(items.map((i) => `${i.offset}/${i.index}`));
    assert.equal(keys.size, items.length, "offset and index tell the records apart");
  });

  it("offers a large, well-compressed record as a resume point", async () => {
    const big = newsHtml(8, `<p>${"The barrier will be twelve metres high. ".repeat(8000)}</p>`);
    const path = join(dir, "big.warc.gz");
    const { bytes, offsets } = warcFile(
      [
        { url: "https://planet.example/7", body: newsHtml(7) },
        { url: "https://planet.example/8", body: big },
        { url: "https://planet.example/9", body: newsHtml(9) },
      ],
      true,
    );
    writeFileSync(path, bytes);
    const items = await all(path);
    assert.equal(items.length, 3);
    for (const [k, item] of items.entries()) {
      assert.equal(isRecordStart(path, offsets[k]!, item.recordId!), true, `record ${k}`);
    }
  });

  it("refuses a file that is not a WARC at all without reading it whole", async () => {
    const plain = join(dir, "not.warc");
    writeFileSync(plain, Buffer.alloc(3 * 1024 * 1024, 0x41));
    const gz = join(dir, "not.warc.gz");
    writeFileSync(gz, gzipSync(Buffer.alloc(3 * 1024 * 1024, 0x42)));
    for (const path of [plain, gz]) {
      const items = await all(path);
      assert.equal(items.length, 1);
      assert.deepEqual(items[0]!.result, { bad: "not a WARC file (no WARC/ record at its start)" });
    }
  });

  it("passes over an empty file and refuses a binary payload by name", async () => {
    const empty = join(dir, "empty.warc");
    writeFileSync(empty, "");
    assert.deepEqual(await all(empty), []);
    const binary = join(dir, "binary.warc");
    writeFileSync(
      binary,
      warcRecord({
        url: "https://planet.example/x",
        httpHeaders: { "Content-Type": "text/html" },
        body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)),
      }),
    );
    const [item] = await all(binary);
    assert.ok(item && "bad" in item.result);
    assert.match(item.result.bad, /^undecodable page: binary content/);
  });
});
