import assert from "node:assert/strict";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { isPublicAddress } from "../../src/ingest/address.js";
import {
  charsetFromContentType,
  charsetFromMeta,
  decodeBytes,
  decodePage,
  looksBinary,
  normalizeCharset,
  sniffFormat,
} from "../../src/ingest/decode.js";

const NEWS =
  "Kerry’s remarks — made at a closed meeting in New York — were “not for attribution”, " +
  "an official said on Friday. The café owner, José Núñez, told reporters he had “no idea”.\n";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("decodeBytes", () => {
  it("honours a UTF-8 BOM and strips it", () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(NEWS)]));
    assert.equal(d.encoding, "utf-8");
    assert.equal(d.evidence, "bom");
    assert.equal(d.text, NEWS);
  });

  it("decodes UTF-16LE and UTF-16BE with a BOM", () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(NEWS, "utf16le")]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(NEWS, "utf16le").swap16()]);
    assert.deepEqual([decodeBytes(le).text, decodeBytes(le).encoding], [NEWS, "utf-16le"]);
    assert.deepEqual([decodeBytes(be).text, decodeBytes(be).encoding], [NEWS, "utf-16be"]);
  });

  it("reads BOM-less UTF-16LE instead of calling it binary", () => {
    const page = decodePage(new Uint8Array(Buffer.from(NEWS, "utf16le")), "text");
    assert.ok(!("refused" in page), "not refused");
    assert.equal(page.text, NEWS);
    assert.equal(page.encoding, "utf-16le");
  });

  it("takes the HTTP charset over the bytes' own look", () => {
    const bytes = new Uint8Array(iconv.encode(NEWS, "windows-1252"));
    const d = decodeBytes(bytes, { headerCharset: "windows-1252" });
    assert.equal(d.evidence, "header");
    assert.equal(d.text, NEWS);
  });

  it("takes <meta charset> from an HTML head", () => {
    const html = `<!doctype html><html><head><meta charset="iso-8859-1"><title>Kerry</title></head><body><p>${NEWS}</p></body></html>`;
    const d = decodeBytes(new Uint8Array(iconv.encode(html, "windows-1252")), { html: true });
    assert.equal(d.evidence, "meta");
    assert.equal(d.encoding, "windows-1252");
    assert.match(d.text, /José Núñez/);
  });

  it("takes the http-equiv Content-Type declaration", () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>Москва заявила</p></body></html>`;
    const d = decodeBytes(new Uint8Array(iconv.encode(html, "windows-1251")), { html: true });
    assert.equal(d.encoding, "windows-1251");
    assert.match(d.text, /Москва заявила/);
  });

  it("detects windows-1252 when the bytes are not UTF-8", () => {
    const text = NEWS.repeat(5);
    const d = decodeBytes(new Uint8Array(iconv.encode(text, "windows-1252")));
    assert.equal(d.evidence, "detector");
    assert.equal(d.text, text);
  });

  it("keeps UTF-8 with one corrupt byte as UTF-8 with a replacement character", () => {
    const good = utf8(NEWS.repeat(3));
    const bytes = new Uint8Array([...good.subarray(0, 40), 0x92, ...good.subarray(40)]);
    const d = decodeBytes(bytes);
    assert.equal(d.encoding, "utf-8");
    assert.equal((d.text.match(/\uFFFD/g) ?? []).length, 1);
    assert.match(d.text, /José Núñez/);
  });

  it("normalises CRLF and lone CR line ends", () => {
    const d = decodeBytes(utf8("WASHINGTON —\r\nThe leak\rwas confirmed.\r\n"));
    assert.equal(d.text, "WASHINGTON —\nThe leak\nwas confirmed.\n");
  });
});

describe("charset labels", () => {
  it("maps legacy labels to what browsers decode", () => {
    assert.equal(normalizeCharset("ISO-8859-1"), "windows-1252");
    assert.equal(normalizeCharset("UTF8"), "utf-8");
    assert.equal(normalizeCharset("x-no-such-charset"), null);
  });

  it("reads the charset parameter of a Content-Type", () => {
    assert.equal(charsetFromContentType('text/html; charset="Windows-1251"'), "windows-1251");
    assert.equal(charsetFromContentType("text/html"), null);
  });

  it("treats a page declaring itself UTF-16 from inside as UTF-8", () => {
    assert.equal(charsetFromMeta(utf8('<meta charset="utf-16">')), "utf-8");
  });
});

describe("binary and empty input", () => {
  it("refuses bytes full of NULs and control codes", () => {
    const png = new Uint8Array(4096);
    for (let i = 0; i < png.length; i++) png[i] = (i * 37) % 256;
    assert.equal(looksBinary(png), true);
    const page = decodePage(png, "text");
    assert.ok("refused" in page);
    assert.match(page.refused, /binary/);
  });

  it("accepts text with tabs, form feeds and the odd stray control byte", () => {
    const bytes = utf8(`${NEWS}\t\f${NEWS}\u0007${NEWS.repeat(3)}`);
    assert.equal(looksBinary(bytes), false);
  });

  it("refuses empty and whitespace-only input", () => {
    const empty = decodePage(new Uint8Array(0), "text");
    const blank = decodePage(utf8(" \n\n\t \n"), "text");
    assert.ok("refused" in empty && /empty/.test(empty.refused));
    assert.ok("refused" in blank && /whitespace/.test(blank.refused));
  });
});

describe("sniffFormat", () => {
  it("calls a .txt holding a full HTML document HTML", () => {
    assert.equal(sniffFormat(`\n<!DOCTYPE html>\n<html><body><p>${NEWS}</p></body></html>`, "text"), "html");
  });

  it("looks past an XML prolog and a saved-from comment", () => {
    const saved = `<?xml version="1.0" encoding="utf-8"?>\n<!-- saved from url=(0042)https://example.org/ -->\n<html><p>${NEWS}</p></html>`;
    assert.equal(sniffFormat(saved, "text"), "html");
  });

  it("calls a scraped HTML fragment HTML", () => {
    const fragment = `<div class="story"><h1>Leak</h1><p>${NEWS}</p><p>More.</p><a href="/x">Read also</a></div>`;
    assert.equal(sniffFormat(fragment, "text"), "html");
  });

  it("keeps prose that mentions a tag as text", () => {
    assert.equal(sniffFormat(`The site hid the story in a <div> nobody saw. ${NEWS}`, "text"), "text");
  });

  it("calls an .html file with no markup at all text", () => {
    assert.equal(sniffFormat(NEWS, "html"), "text");
  });
});

describe("isPublicAddress", () => {
  it("refuses loopback, private, link-local and mapped addresses", () => {
    for (const ip of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fe80::1",
      "fd00::5",
      "::ffff:127.0.0.1",
      "0.0.0.0",
      "100.64.0.1",
    ]) {
      assert.equal(isPublicAddress(ip), false, ip);
    }
  });

  it("allows public addresses", () => {
    for (const ip of ["93.184.216.34", "8.8.8.8", "2606:4700::1111"])
      assert.equal(isPublicAddress(ip), true, ip);
  });
});
