/** URL ingest against a local server (loopback only, hence the private-network opt-in). */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { loadInputs, urlId } from "../../src/ingest/index.js";

const PAGE = `<!doctype html><html><head><title>Leaked audio</title></head><body><article>
<h1>Kerry audio leaked</h1><p>“We’re trying to get a diplomatic solution,” Kerry said in the 40-minute recording.</p>
</article></body></html>`;
const CYRILLIC = "<html><body><p>Министр заявил, что переговоры продолжатся.</p></body></html>";

describe("loadInputs on URLs", () => {
  let server: Server;
  let base: string;
  const open = new Set<import("node:http").ServerResponse>();

  before(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? "/";
      if (path === "/story") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(PAGE);
      } else if (path === "/cp1251") {
        res.writeHead(200, { "content-type": "text/html; charset=windows-1251" });
        res.end(iconv.encode(CYRILLIC, "windows-1251"));
      } else if (path === "/gz") {
        res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
        res.end(gzipSync(Buffer.from("Plain wire copy.\r\nSecond line.\r\n")));
      } else if (path === "/moved") {
        res.writeHead(302, { location: "/story" });
        res.end();
      } else if (path.startsWith("/loop")) {
        res.writeHead(301, { location: `/loop${path.length}` });
        res.end();
      } else if (path === "/to-other-host") {
        res.writeHead(302, { location: "http://127.0.0.2:9/story" });
        res.end();
      } else if (path === "/huge") {
        res.writeHead(200, { "content-type": "text/plain" });
        const chunk = Buffer.alloc(64 * 1024, "a");
        let sent = 0;
        const pump = () => {
          while (sent < 200 && res.write(chunk)) sent++;
          if (sent < 200) res.once("drain", pump);
          else res.end();
        };
        pump();
      } else if (path === "/slow") {
        open.add(res);
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("Breaking: ");
      } else if (path === "/image") {
        res.writeHead(200, { "content-type": "image/png" });
        res.end(Buffer.alloc(100));
      } else {
        res.writeHead(404);
        res.end("not found");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    for (const res of open) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const local = { allowPrivateNetwork: true, fetchTimeoutMs: 5000 };

  it("fetches an HTML page, ids it by URL hash and keeps the final URL", async () => {
    const url = `${base}/moved`;
    const { pages, failures } = await loadInputs([url], local);
    assert.deepEqual(failures, []);
    const page = pages[0]!;
    assert.equal(page.id, urlId(url));
    assert.equal(page.source, url);
    assert.equal(page.url, `${base}/story`);
    assert.equal(page.format, "html");
    assert.match(page.content, /40-minute recording/);
  });

  it("decodes with the Content-Type charset", async () => {
    const { pages } = await loadInputs([`${base}/cp1251`], local);
    assert.equal(pages[0]!.encoding, "windows-1251");
    assert.equal(pages[0]!.encodingEvidence, "header");
    assert.match(pages[0]!.content, /Министр заявил/);
  });

  it("decompresses gzip and normalises line ends", async () => {
    const { pages } = await loadInputs([`${base}/gz`], local);
    assert.equal(pages[0]!.content, "Plain wire copy.\nSecond line.\n");
    assert.equal(pages[0]!.format, "text");
  });

  it("refuses loopback addresses unless opted in, naming the URL", async () => {
    const url = `${base}/story`;
    const { pages, failures } = await loadInputs([url, `http://localhost:${new URL(base).port}/story`]);
    assert.equal(pages.length, 0);
    assert.equal(failures[0]!.source, url);
    assert.match(failures[0]!.reason, /loopback, private or link-local/);
    assert.match(failures[1]!.reason, /refused to connect to localhost/);
  });

  it("connects only to resolved addresses the policy allows", async () => {
    const url = `http://localhost:${new URL(base).port}/story`;
    const { pages, failures } = await loadInputs([url], { isAllowedAddress: (ip) => ip === "127.0.0.1" });
    assert.deepEqual(failures, []);
    assert.match(pages[0]!.content, /40-minute recording/);
  });

  it("checks the address again on a redirect", async () => {
    const { failures } = await loadInputs([`${base}/to-other-host`], {
      isAllowedAddress: (ip) => ip === "127.0.0.1",
    });
    assert.match(failures[0]!.reason, /refused to connect to 127\.0\.0\.2/);
  });

  it("stops after too many redirects", async () => {
    const { failures } = await loadInputs([`${base}/loop`], { ...local, maxRedirects: 3 });
    assert.match(failures[0]!.reason, /more than 3 redirects/);
  });

  it("aborts a body over the byte cap while streaming", async () => {
    const { failures } = await loadInputs([`${base}/huge`], { ...local, fetchMaxBytes: 1024 * 1024 });
    assert.match(failures[0]!.reason, /over the 1048576-byte limit/);
  });

  it("times out a server that never finishes", async () => {
    const { failures } = await loadInputs([`${base}/slow`], { ...local, fetchTimeoutMs: 300 });
    assert.match(failures[0]!.reason, /timed out after 300 ms/);
  });

  it("names HTTP errors and non-text media types, and still loads the good URL", async () => {
    const { pages, failures } = await loadInputs([`${base}/gone`, `${base}/image`, `${base}/story`], local);
    assert.equal(pages.length, 1);
    assert.match(failures[0]!.reason, /HTTP 404/);
    assert.match(failures[1]!.reason, /not a text page \(Content-Type image\/png\)/);
  });
});
