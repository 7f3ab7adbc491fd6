import assert from "node:assert/strict";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { isPublicAddress } from "../../src/ingest/address.js";
import {
  charsetFromContentType,
  charsetFromMeta,
  decodeBytes,
  decodePage,
  detectorSample,
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

/** Polish and Czech news text: every letter ISO-8859-2 has and windows-1252 lacks (ł ś ż ź ą ę ř ů č). */
const CENTRAL_EUROPEAN =
  "Prezydent powiedział, że rozmowy będą kontynuowane w środę; źródła w rządzie tego nie potwierdziły. " +
  "Vláda v úterý oznámila, že jednání budou pokračovat, řekl mluvčí ministerstva zahraničí. Příliš žluťoučký kůň.";

/** Text only windows-1252 can hold among the single-byte sets: 0x93/0x94 curly quotes, 0x80 euro, 0x97 dash. */
const WESTERN = "He said “no comment” and paid €40 — at the café, José Núñez told reporters on Friday.";

const page = (body: string, head = "") =>
  `<!doctype html><html><head>${head}<title>Leak</title></head><body><article><p>${body}</p></article></body></html>`;

/** What a reader would see go wrong: replacement characters or UTF-8 read as Latin-1 (Ã©, â€œ). */
const MOJIBAKE = /\uFFFD|Ã.|â€/;

describe("charsets", () => {
  it("reads UTF-8 without a BOM by its well-formed sequences", () => {
    const d = decodeBytes(utf8(page(CENTRAL_EUROPEAN)), { html: true });
    assert.deepEqual([d.encoding, d.evidence], ["utf-8", "detector"]);
    assert.ok(d.text.includes(CENTRAL_EUROPEAN));
  });

  it("reads BOM-less UTF-16BE and UTF-16LE HTML, and sniffs it as HTML", () => {
    const le = Buffer.from(page(`${WESTERN} ${CENTRAL_EUROPEAN}`), "utf16le");
    for (const [bytes, encoding] of [
      [le, "utf-16le"],
      [Buffer.from(le).swap16(), "utf-16be"],
    ] as const) {
      const d = decodePage(new Uint8Array(bytes), "html");
      assert.ok(!("refused" in d), encoding);
      assert.deepEqual([d.encoding, d.evidence, d.format], [encoding, "detector", "html"]);
      assert.ok(d.text.includes(CENTRAL_EUROPEAN), encoding);
    }
  });

  it("reads windows-1252 curly quotes (0x93/0x94) and the euro sign (0x80) from raw bytes", () => {
    // Written byte by byte, not through iconv, so the test does not share the decoder's tables.
    const bytes = new Uint8Array([
      ...utf8("<p>He said "),
      0x93,
      ...utf8("no"),
      0x94,
      ...utf8(" and paid "),
      0x80,
      ...utf8("40 "),
      0x97,
      ...utf8(" caf"),
      0xe9,
      ...utf8(".</p>"),
    ]);
    const d = decodePage(bytes, "html");
    assert.ok(!("refused" in d));
    assert.equal(d.encoding, "windows-1252");
    assert.equal(d.text, "<p>He said “no” and paid €40 — café.</p>");
  });

  it("detects ISO-8859-2 Polish and Czech text without a declaration", () => {
    const d = decodeBytes(new Uint8Array(iconv.encode(page(CENTRAL_EUROPEAN), "iso-8859-2")), { html: true });
    assert.deepEqual([d.encoding, d.evidence], ["iso-8859-2", "detector"]);
    assert.ok(d.text.includes(CENTRAL_EUROPEAN), d.text);
  });

  it("honours declared ISO-8859-2, ISO-8859-15 and ISO-8859-1 (read as its superset windows-1252)", () => {
    const cases = [
      ["iso-8859-2", CENTRAL_EUROPEAN, "iso-8859-2"],
      ["ISO-8859-15", "Le coût : 40 € pour l’Œuvre, a déclaré le ministre.".replace("’", "'"), "iso-8859-15"],
      ["iso-8859-1", WESTERN, "windows-1252"],
    ] as const;
    for (const [label, text, expected] of cases) {
      const bytes = iconv.encode(page(text, `<meta charset="${label}">`), expected);
      const d = decodeBytes(new Uint8Array(bytes), { html: true });
      assert.deepEqual([d.encoding, d.evidence], [expected, "meta"], label);
      assert.ok(d.text.includes(text), `${label}: ${d.text}`);
    }
  });

  it("finds the charset of an article that follows 64 KB of inline script", () => {
    const script = `<script>${"var tracker = window.tracker || [];\n".repeat(2_000)}</script>`;
    const bytes = iconv.encode(page(CENTRAL_EUROPEAN, script), "iso-8859-2");
    assert.ok(bytes.indexOf(0xb3) > 64 * 1024, "the first accented letter is past the first 64 KB");
    const d = decodeBytes(new Uint8Array(bytes), { html: true });
    assert.equal(d.encoding, "iso-8859-2");
    assert.ok(d.text.includes(CENTRAL_EUROPEAN));
  });

  it("samples the bytes around non-ASCII bytes for the detector", () => {
    const bytes = utf8(`${"a".repeat(1000)}é${"b".repeat(1000)}`);
    const sample = Buffer.from(detectorSample(bytes)).toString("utf8");
    assert.ok(sample.includes("é") && sample.length < 40, sample);
  });

  it("does not take a detector's wild guess on a few bytes (one Polish word is not Shift_JIS)", () => {
    const d = decodeBytes(new Uint8Array(iconv.encode("<p>Łódź</p>", "iso-8859-2")));
    assert.notEqual(d.encoding, "shift_jis");
    assert.match(d.text, /^<p>.ód.<\/p>$/, "every ASCII letter survives");
  });

  describe("a declaration the bytes contradict", () => {
    it("<meta charset=utf-8> on windows-1252 bytes: read as windows-1252", () => {
      const bytes = iconv.encode(page(WESTERN, '<meta charset="utf-8">'), "windows-1252");
      const d = decodeBytes(new Uint8Array(bytes), { html: true });
      assert.deepEqual([d.encoding, d.evidence], ["windows-1252", "detector"]);
      assert.ok(d.text.includes(WESTERN), d.text);
    });

    it("<meta charset=windows-1252> on UTF-8 bytes: read as UTF-8", () => {
      const d = decodeBytes(utf8(page(WESTERN, '<meta charset="windows-1252">')), { html: true });
      assert.deepEqual([d.encoding, d.evidence], ["utf-8", "detector"]);
      assert.doesNotMatch(d.text, MOJIBAKE);
      assert.ok(d.text.includes(WESTERN));
    });

    it("a server's default iso-8859-1 on UTF-8 bytes: read as UTF-8", () => {
      const d = decodeBytes(utf8(page(CENTRAL_EUROPEAN)), { headerCharset: "windows-1252", html: true });
      assert.equal(d.encoding, "utf-8");
      assert.ok(d.text.includes(CENTRAL_EUROPEAN));
    });

    it("a wrong header, a right <meta>: the <meta> is used", () => {
      const bytes = iconv.encode(page(CENTRAL_EUROPEAN, '<meta charset="iso-8859-2">'), "iso-8859-2");
      const d = decodeBytes(new Uint8Array(bytes), { headerCharset: "utf-8", html: true });
      assert.deepEqual([d.encoding, d.evidence], ["iso-8859-2", "meta"]);
      assert.ok(d.text.includes(CENTRAL_EUROPEAN));
    });

    it("a single-byte header on BOM-less UTF-16: read as UTF-16, not as text full of NULs", () => {
      const bytes = new Uint8Array(Buffer.from(page(WESTERN), "utf16le"));
      const d = decodePage(bytes, "html", "windows-1252");
      assert.ok(!("refused" in d));
      assert.equal(d.encoding, "utf-16le");
      assert.ok(!d.text.includes("\u0000"));
      assert.ok(d.text.includes(WESTERN));
    });

    it("a UTF-16 header on single-byte bytes: the header is ignored", () => {
      const d = decodeBytes(utf8(page("Plain ASCII wire copy.")), { headerCharset: "utf-16", html: true });
      assert.equal(d.encoding, "utf-8");
      assert.ok(d.text.includes("Plain ASCII wire copy."));
    });

    it("keeps a true UTF-8 declaration over a few corrupt bytes, which become U+FFFD", () => {
      const good = utf8(page(CENTRAL_EUROPEAN, '<meta charset="utf-8">'));
      const at = good.indexOf(0x3c, 100);
      const bytes = new Uint8Array([...good.subarray(0, at), 0xe9, ...good.subarray(at)]);
      const d = decodeBytes(bytes, { html: true });
      assert.deepEqual([d.encoding, d.evidence], ["utf-8", "meta"]);
      assert.equal((d.text.match(/\uFFFD/g) ?? []).length, 1);
      assert.ok(d.text.includes(CENTRAL_EUROPEAN));
    });
  });

  it("turns every kind of malformed UTF-8 into U+FFFD, never an exception", () => {
    const malformed = [
      [0xc0, 0xaf], // overlong "/"
      [0xe0, 0x80, 0xaf], // overlong, 3 bytes
      [0xed, 0xa0, 0x80], // a UTF-16 surrogate encoded in UTF-8
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xf8, 0x88, 0x80, 0x80, 0x80], // 5-byte form
      [0x80], // lone continuation byte
      [0xe2, 0x82], // truncated sequence, at the very end
    ];
    const good = CENTRAL_EUROPEAN.repeat(4);
    for (const bad of malformed) {
      const d = decodeBytes(new Uint8Array([...utf8(good), ...bad]), { headerCharset: "utf-8" });
      assert.equal(d.encoding, "utf-8", bad.join(","));
      assert.ok(d.text.startsWith(good), bad.join(","));
      assert.match(d.text.slice(good.length), /^\uFFFD+$/, bad.join(","));
    }
  });

  it("ignores labels that are not web charsets (UTF-7, UTF-32)", () => {
    assert.equal(normalizeCharset("utf-7"), null);
    assert.equal(normalizeCharset("UTF-32"), null);
    const d = decodeBytes(utf8(page("+ADw-script+AD4-alert(1)", '<meta charset="utf-7">')), { html: true });
    assert.notEqual(d.encoding, "utf-7");
    assert.ok(!d.text.includes("<script>"));
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

  it("refuses random bytes behind a UTF-16 byte-order mark", () => {
    const junk = new Uint8Array(16 * 1024);
    let state = 1;
    for (let i = 0; i < junk.length; i++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      junk[i] = (state >> 16) & 0xff;
    }
    for (const bom of [
      [0xff, 0xfe],
      [0xfe, 0xff],
    ]) {
      const d = decodePage(new Uint8Array([...bom, ...junk]), "html");
      assert.ok("refused" in d, bom.join(","));
      assert.match(d.refused, /binary/);
    }
  });

  it("accepts real UTF-16 text with emoji and CJK (surrogate pairs are text)", () => {
    const text = `${NEWS}外交部发言人周二表示，谈判将继续进行。 👍🏽 📰 ${NEWS}`;
    const d = decodePage(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]), "text");
    assert.ok(!("refused" in d));
    assert.equal(d.text, text);
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
      "::7f00:1", // IPv4-compatible loopback
      "64:ff9b::a9fe:a9fe", // NAT64 of the cloud metadata address
      "2002:c0a8:101::1", // 6to4 of 192.168.1.1
      "fec0::1", // site-local
    ]) {
      assert.equal(isPublicAddress(ip), false, ip);
    }
  });

  it("allows public addresses", () => {
    for (const ip of [
      "93.184.216.34",
      "8.8.8.8",
      "2606:4700::1111",
      "::ffff:8.8.8.8",
      "64:ff9b::808:808",
      "2002:808:808::1",
    ])
      assert.equal(isPublicAddress(ip), true, ip);
  });
});
