import { describe, expect, it } from "vitest";
import { htmlToText } from "../src/html-to-text.js";

describe("htmlToText", () => {
  it("turns <br>, <div> and <p> into line breaks and paragraphs", () => {
    expect(htmlToText("<div>one<br>two</div><div><br></div><div>three</div><p>four</p><p>five</p>")).toBe(
      "one\ntwo\n\nthree\n\nfour\n\nfive",
    );
  });

  it("ignores a trailing <br> at the end of a block, as browsers do", () => {
    expect(htmlToText("<div>Hello<br></div><div>World</div>")).toBe("Hello\nWorld");
  });

  it("treats Outlook's MsoNormal paragraphs as lines and &nbsp; paragraphs as blank lines", () => {
    const html =
      '<p class="MsoNormal">Line one<o:p></o:p></p><p class="MsoNormal">Line two</p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Para two</p>';
    expect(htmlToText(html)).toBe("Line one\nLine two\n\nPara two");
  });

  it("decodes named, decimal and hex entities, and windows-1252 numeric references", () => {
    expect(htmlToText("Q&amp;A &lt;3 &quot;hi&quot; caf&eacute; &#8217;&#x2014;&hellip; &#146; AT&T &bogus;")).toBe(
      'Q&A <3 "hi" café ’—… ’ AT&T &bogus;',
    );
  });

  it("collapses source whitespace but keeps words apart across tags", () => {
    expect(htmlToText("<div>\n  Hello\n   <b>big</b>\n<i>world</i>  </div>")).toBe("Hello big world");
  });

  it("marks blockquotes and client quote containers as > lines, leaving attributions to the stripper", () => {
    const html =
      '<div>Mine</div><div class="gmail_quote"><div class="gmail_attr">On Mon wrote:</div><blockquote>old <blockquote>older</blockquote> old</blockquote></div><div>after</div>';
    expect(htmlToText(html)).toBe("Mine\nOn Mon wrote:\n\n> old\n>\n>> older\n>\n> old\n\nafter");
    expect(htmlToText('<div>a</div><div id="ydp1yahoo_quoted_77" class="ydp1yahoo_quoted">quoted</div>')).toBe(
      "a\n\n> quoted",
    );
    expect(htmlToText('<div>a</div><div class="protonmail_quote">quoted</div>')).toBe("a\n\n> quoted");
    expect(htmlToText('a<blockquote type="cite">b</blockquote>c')).toBe("a\n\n> b\n\nc");
    expect(htmlToText('<div>x</div><div name="quote"><b>Gesendet:</b> Montag</div>')).toBe("x\n\n> Gesendet: Montag");
  });

  it("keeps answers typed between Gmail's quoted blocks", () => {
    const html =
      '<div class="gmail_quote"><div class="gmail_attr">On Mon wrote:</div><blockquote class="gmail_quote">1. Research?</blockquote><div>Not enough</div><blockquote class="gmail_quote">2. Skills?</blockquote><div>Fine</div></div>';
    expect(htmlToText(html)).toBe("On Mon wrote:\n\n> 1. Research?\n\nNot enough\n\n> 2. Skills?\n\nFine");
  });

  it("drops signature containers", () => {
    expect(htmlToText('<div>a</div><div class="gmail_signature" data-smartmail="gmail_signature">Sam</div>')).toBe("a");
    expect(htmlToText('<div>a</div><pre class="moz-signature">-- \nSam</pre>')).toBe("a");
    expect(htmlToText('<div>a</div><div id="Signature">Sam Lee<br>+44 7700 900123</div>')).toBe("a");
    expect(htmlToText('<div>a</div><div id="ms-outlook-mobile-signature">Get Outlook for iOS</div>')).toBe("a");
  });

  it("keeps the visible text of links and drops images", () => {
    expect(htmlToText('<div>see <a href="https://x.test/a">my portfolio</a><img src="cid:1" alt="logo"></div>')).toBe(
      "see my portfolio",
    );
  });

  it("drops any container the client marks as a signature, but not a line break so named", () => {
    expect(htmlToText('<div>a</div><div class="signature"><b>Aisha</b><div>aisha.design</div></div>')).toBe("a");
    expect(htmlToText('<div>a</div><div id="edo-signature">Sent from Edison</div>')).toBe("a");
    expect(htmlToText('<div>a</div><div class="bloop_sign">-- <br>Sent with Airmail</div>')).toBe("a");
    expect(htmlToText('<div>a</div><div name="messageSignatureSection">Sent with Spark</div>')).toBe("a");
    expect(htmlToText('<div>a<br id="lineBreakAtBeginningOfSignature">b</div>')).toBe("a\nb");
    expect(htmlToText('<div>a</div><div class="signature">b</div>', { keepSignatures: true })).toBe("a\nb");
  });

  it("marks quote containers with the mark asked for, and leaves a typed > as text", () => {
    const html = "<div>Said:<br>&gt; typed</div><blockquote>old<blockquote>older</blockquote></blockquote>";
    expect(htmlToText(html, { quoteMark: "|" })).toBe("Said:\n> typed\n\n| old\n|\n|| older\n|");
  });

  it("reads Gmail's indent (a borderless blockquote without class) as the person's text", () => {
    const html =
      '<div>List:</div><blockquote style="margin:0 0 0 40px;border:none;padding:0px"><div>one</div></blockquote>';
    expect(htmlToText(html)).toBe("List:\none");
    expect(htmlToText('<blockquote style="margin:0 0 0 .8ex;border-left:1px #ccc solid">q</blockquote>')).toBe("> q");
  });

  it("stops at Outlook's reply marker", () => {
    const html =
      '<div>Reply</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> x</div><div>old</div>';
    expect(htmlToText(html)).toBe("Reply");
  });

  it("keeps quotes when asked (forwards)", () => {
    expect(htmlToText("<div>note</div><blockquote>letter</blockquote>", { keepQuotes: true })).toBe("note\nletter");
  });

  it("skips head, style, script and comments, including Outlook conditional comments", () => {
    const html =
      "<html><head><title>t</title><style>p{color:red}</style></head><body><!--[if mso]>x<![endif]--><script>alert(1)</script><![if !supportLists]>- <![endif]>Body</body></html>";
    expect(htmlToText(html)).toBe("- Body");
  });

  it("renders lists, tables and preformatted text", () => {
    expect(htmlToText("<ul><li>one</li><li>two</li></ul>")).toBe("- one\n- two");
    expect(htmlToText("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")).toBe("a b\nc");
    expect(htmlToText("<pre>  x\n    y</pre>")).toBe("x\n    y");
  });

  it("survives broken markup", () => {
    expect(htmlToText("a < b and <div class='x>unclosed")).toBe("a < b and");
    expect(htmlToText("<div><b>bold <i>never closed")).toBe("bold never closed");
    expect(htmlToText("<head><title>no end")).toBe("");
    expect(htmlToText("<head>no closing head<div>x</div>")).toBe("no closing head\nx");
    expect(htmlToText("")).toBe("");
  });

  // A quadratic pass would not finish 100,000 blocks within the test's time-out.
  it("converts a large document completely", () => {
    const html = "<div>some <b>text</b> &amp; more</div>".repeat(100_000);
    const lines = htmlToText(html).split("\n");
    expect(lines).toHaveLength(100_000);
    expect(new Set(lines)).toEqual(new Set(["some text & more"]));
  });
});
