/** The naive scraper flattening the clean bench feeds to the text path. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { flattenHtml } from "../../bench/clean/flatten.js";

describe("flattenHtml", () => {
  it("puts blocks on their own lines with a blank line between them", () => {
    assert.equal(
      flattenHtml("<body><h1>Title</h1><div><div><p>First para.</p></div><p>Second para.</p></div></body>"),
      "Title\n\nFirst para.\n\nSecond para.",
    );
  });

  it("keeps inline text together and a <br> as a single newline", () => {
    assert.equal(
      flattenHtml('<p>He <a href="#">said</a> it was <em>un</em>believable.<br>Then left.</p>'),
      "He said it was unbelievable.\nThen left.",
    );
  });

  it("drops what a reader cannot see", () => {
    const html = [
      "<html><head><title>Tab title</title><style>body{}</style></head><body>",
      "<script>track()</script><noscript>Enable JS</noscript>",
      "<svg><text>chart label</text></svg><template><p>later</p></template>",
      "<p hidden>secret</p><div hidden><p>also secret</p></div>",
      "<p>Visible.</p></body></html>",
    ].join("");
    assert.equal(flattenHtml(html), "Visible.");
  });

  it("keeps page furniture: it is not a cleaner", () => {
    assert.equal(
      flattenHtml("<nav><ul><li>Home</li><li>World</li></ul></nav><p>Story.</p><footer>© 2024</footer>"),
      "Home\n\nWorld\n\nStory.\n\n© 2024",
    );
  });
});
