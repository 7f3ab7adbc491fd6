/** HTML to block-separated text, as the clean bench reads the gold and Readability's content. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { htmlBlocks, htmlToBlockText } from "../../bench/clean/html-text.js";

describe("htmlToBlockText", () => {
  it("puts each block on its own line so boundary words do not fuse", () => {
    assert.equal(
      htmlToBlockText("<div><p>end</p><p>Start</p><h2>Head</h2><ul><li>one</li><li>two</li></ul></div>"),
      "end\nStart\nHead\none\ntwo",
    );
  });

  it("keeps inline markup inside a word and between words", () => {
    assert.equal(
      htmlToBlockText('<p>wo<b>r</b>d and <a href="/x">a <i>link</i></a>.</p>'),
      "word and a link.",
    );
  });

  it("breaks lines at <br> and keeps table cells apart", () => {
    assert.equal(htmlToBlockText("<p>line one<br>line two</p>"), "line one\nline two");
    assert.equal(
      htmlToBlockText("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>"),
      "a\nb\nc",
    );
  });

  it("drops script, style and template text", () => {
    assert.equal(
      htmlToBlockText(
        "<p>kept</p><script>var x = '<p>no</p>';</script><style>p{}</style><template><p>t</p></template>",
      ),
      "kept",
    );
  });

  it("collapses whitespace and decodes entities", () => {
    assert.equal(htmlToBlockText("<p>  fish\n\t&amp;   chips&nbsp;here </p>"), "fish & chips here");
  });

  it("keeps the line breaks of preformatted text", () => {
    assert.equal(htmlToBlockText("<pre>a  b\nc\n\n d</pre>"), "a b\nc\nd");
  });

  it("skips what the given rule skips, subtree and all", () => {
    const blocks = htmlBlocks("<p>a</p><aside><p>b</p></aside><p>c</p>", (name) => name === "aside");
    assert.deepEqual(blocks, ["a", "c"]);
  });

  it("survives unclosed and stray tags", () => {
    assert.equal(htmlToBlockText("<div><p>one<p>two</span></div></div><p>three"), "one\ntwo\nthree");
  });
});
