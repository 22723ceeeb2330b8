import { Parser } from "htmlparser2";
import { tidyText } from "./tidy-text.js";

export interface HtmlToTextOptions {
  /**
   * Keep blockquotes and client quote containers as plain text. Used for forwarded mail,
   * where the quoted part is the content (a rejection letter), not history to throw away.
   */
  keepQuotes?: boolean;
  /** Stop at the first quote container: for a top-posted reply, nothing after it is the candidate's. */
  untilQuote?: boolean;
  /**
   * What a quote container's lines start with, once per level: `>` unless told. The reply reader
   * asks for a mark no one types, so a `>` line the candidate typed stays theirs.
   */
  quoteMark?: string;
  /**
   * Keep what clients mark as the sender's signature. Some webmails let the cursor land inside
   * it, so a reply that is all "signature" is read again with this.
   */
  keepSignatures?: boolean;
}

type Attributes = Record<string, string>;
type Role = "block" | "paragraph" | "quote" | "skip" | "pre" | "item" | "cell" | "inline";

// Not <head>: a head that never closes would hide the whole message; what it holds is skipped anyway.
const SKIP = new Set(["script", "style", "title", "template", "noscript", "xml", "img", "svg", "object"]);
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "center",
  "dd",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figure",
  "footer",
  "form",
  "header",
  "hr",
  "main",
  "nav",
  "ol",
  "section",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);
const VOID = new Set(["br", "hr", "wbr", "input", "meta", "link", "area", "col", "embed", "source", "track"]);
const PARAGRAPH = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6"]);

// Containers that mail clients put quoted history in. They come out as `>` lines, so the reply
// stripper sees the same structure as in a plain-text reply and keeps answers typed between them
// (Gmail's `div.gmail_quote` holds those answers too, so only its blockquotes count).
const QUOTE_CLASSES = /(?:^|\s)(?:\S*yahoo_quoted\S*|protonmail_quote|zmail_extra)(?:\s|$)/i;
const QUOTE_IDS = /yahoo_quoted/i;
// The sender's signature, as clients mark it: a class, id or name that says so ("gmail_signature",
// "moz-signature", "signature", "edo-signature", Spark's "messageSignatureSection", Airmail's "bloop_sign").
const SIGNATURE_MARK = /signature|[_-]sig(?:n)?(?:\s|$)/i;

/**
 * HTML mail body to plain text, on htmlparser2 (tokenising and entities): blocks and `<br>`
 * become line breaks as a browser draws them, links keep their visible text, images and
 * signature containers are dropped, and quoted history comes out as `>` lines (unless
 * `keepQuotes`), cut at Outlook's reply marker. One streaming pass, no DOM.
 */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const keepQuotes = options.keepQuotes ?? false;
  const keepSignatures = options.keepSignatures ?? false;
  const source = keepQuotes ? withoutHead(html) : upToHistory(withoutHead(html), options.untilQuote ?? false);
  const out = new TextBuilder(options.quoteMark ?? ">");
  const roles: Role[] = [];
  let skipping = 0;
  let pre = 0;
  const lists: { ordered: boolean; next: number }[] = [];

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const role = skipping > 0 ? "skip" : roleOf(name, attributes, keepQuotes, keepSignatures);
        roles.push(role);
        switch (role) {
          case "skip":
            skipping += 1;
            break;
          case "quote":
            out.paragraph();
            out.quoteDepth += 1;
            break;
          case "paragraph":
            out.paragraph();
            break;
          case "pre":
            out.block();
            pre += 1;
            break;
          case "item": {
            out.block();
            const list = lists.at(-1);
            out.literal(list?.ordered ? `${list.next++}. ` : "- ");
            break;
          }
          case "cell":
            out.space();
            break;
          case "block":
            out.block();
            if (name === "ul" || name === "ol") lists.push({ ordered: name === "ol", next: 1 });
            break;
          default:
            if (name === "br") out.lineBreak();
        }
      },
      ontext(text) {
        if (skipping === 0) out.text(text, pre > 0);
      },
      onclosetag(name) {
        const role = roles.pop();
        switch (role) {
          case "skip":
            skipping -= 1;
            break;
          case "quote":
            out.quoteDepth -= 1;
            out.paragraph();
            break;
          case "paragraph":
            out.paragraph();
            break;
          case "pre":
            pre -= 1;
            out.block();
            break;
          case "cell":
            out.space();
            break;
          case "block":
          case "item":
            out.block();
            if (name === "ul" || name === "ol") lists.pop();
            break;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(source);
  return out.finish();
}

const BODY_TAG = /<body[\s>]/i;
// Outlook's reply marker, and (for a top-posted reply) the first quote container, found without parsing.
const CUT_MARKER =
  /<(?:div|span|hr)\b[^>]*?\bid\s*=\s*["']?(?:x_)*(?:appendonsend|divRplyFwdMsg|mail-editor-reference-message-container)\b/i;
// Outlook desktop draws its quoted header under a border-top rule of one of two colours.
const FIRST_QUOTE =
  /<blockquote\b|<div\b[^>]*?border-top:\s*solid\s+#(?:E1E1E1|B5C4DF)|<div\b[^>]*?(?:\b(?:class|id)\s*=\s*["']?[^"'>]*(?:gmail_quote|yahoo_quoted|protonmail_quote|zmail_extra)|\bname\s*=\s*["']?quote\b)|<(?:div|span|hr)\b[^>]*?\bid\s*=\s*["']?(?:x_)*(?:appendonsend|divRplyFwdMsg|mail-editor-reference-message-container)\b/i;

/** The head holds no text, and Outlook's is kilobytes of CSS: parsing starts at `<body>` when there is one. */
function withoutHead(html: string): string {
  const body = BODY_TAG.exec(html);
  return body ? html.slice(body.index) : html;
}

function upToHistory(html: string, untilQuote: boolean): string {
  const cut = (untilQuote ? FIRST_QUOTE : CUT_MARKER).exec(html);
  return cut ? html.slice(0, cut.index) : html;
}

function roleOf(name: string, attributes: Attributes, keepQuotes: boolean, keepSignatures: boolean): Role {
  if (SKIP.has(name)) return "skip";
  const cls = attributes.class ?? "";
  const id = attributes.id ?? "";
  const marked = cls !== "" || id !== "";
  // An element that holds text, not Apple's `<br id="lineBreakAtBeginningOfSignature">`.
  if (!keepSignatures && !VOID.has(name) && isSignature(cls, id, attributes)) return "skip";
  const quote =
    (name === "blockquote" && !isIndent(attributes)) ||
    (name === "div" && ((marked && (QUOTE_CLASSES.test(cls) || QUOTE_IDS.test(id))) || attributes.name === "quote"));
  if (quote) return keepQuotes ? "block" : "quote";
  // Outlook writes every line as <p class=MsoNormal> with no margin: a line, not a paragraph.
  if (PARAGRAPH.has(name)) return /mso/i.test(cls) ? "block" : "paragraph";
  if (BLOCK.has(name)) return "block";
  if (name === "pre") return "pre";
  if (name === "li") return "item";
  if (name === "td" || name === "th") return "cell";
  return "inline";
}

// Gmail's and Outlook's "indent" button: a blockquote with no border, no class and no type, the
// person's own text moved right. A quote is drawn with a rule or marked by the client.
const BORDERLESS = /\bborder(?:-left)?\s*:\s*(?:none|0(?:px)?)\s*(?:;|$)/i;

function isIndent(attributes: Attributes): boolean {
  const style = attributes.style;
  return (
    style !== undefined && attributes.class === undefined && attributes.type === undefined && BORDERLESS.test(style)
  );
}

function isSignature(cls: string, id: string, attributes: Attributes): boolean {
  const name = attributes.name ?? "";
  const smartmail = attributes["data-smartmail"] ?? "";
  if (cls === "" && id === "" && name === "" && smartmail === "") return false;
  return (
    SIGNATURE_MARK.test(cls) || SIGNATURE_MARK.test(id) || SIGNATURE_MARK.test(name) || SIGNATURE_MARK.test(smartmail)
  );
}

// A run that is not already a single space: only then is there anything to collapse.
const HTML_SPACE_RUN = /[\t\n\r\f]| {2}/;

/** Accumulates lines with browser-like whitespace; each line remembers how deep in a quote it is. */
class TextBuilder {
  quoteDepth = 0;
  constructor(private readonly mark: string) {}
  private readonly lines: string[] = [];
  private line = "";
  private lineDepth = 0;
  private pendingSpace = false;
  // A <br> draws a line only if something follows it in its block ("<div>Hello<br></div>" is one line).
  private pendingBreak = false;

  text(raw: string, preformatted: boolean): void {
    if (preformatted) {
      const parts = raw.replace(/\r\n?/g, "\n").split("\n");
      parts.forEach((part, i) => {
        if (i > 0) this.newline();
        if (part !== "") this.append(part);
      });
      return;
    }
    // HTML whitespace only: a no-break space is text ("<b>Von:</b>&nbsp;Rebound").
    const collapsed = HTML_SPACE_RUN.test(raw) ? raw.replace(/[ \t\n\r\f]+/g, " ") : raw;
    const start = collapsed.startsWith(" ") ? 1 : 0;
    const end = collapsed.length > start && collapsed.endsWith(" ") ? collapsed.length - 1 : collapsed.length;
    if (start === 1 && this.line !== "") this.pendingSpace = true;
    if (end > start) this.append(collapsed.slice(start, end));
    if (end < collapsed.length && this.line !== "") this.pendingSpace = true;
  }

  literal(s: string): void {
    this.append(s);
    this.pendingSpace = false;
  }

  space(): void {
    if (this.line !== "") this.pendingSpace = true;
  }

  lineBreak(): void {
    if (this.pendingBreak) this.newline();
    this.pendingBreak = true;
  }

  /** Start a new line unless at the start of one. */
  block(): void {
    if (this.pendingBreak && this.line === "") this.newline();
    this.pendingBreak = false;
    if (this.line !== "") this.newline();
    this.pendingSpace = false;
    this.lineDepth = this.quoteDepth;
  }

  /** Start a new line after an empty one. */
  paragraph(): void {
    this.block();
    const last = this.lines.at(-1);
    if (last !== undefined && last.slice(this.markLength(last)).trim() !== "") this.lines.push(this.render(""));
    this.lineDepth = this.quoteDepth;
  }

  finish(): string {
    this.block();
    return tidyText(this.lines.join("\n"));
  }

  private append(s: string): void {
    if (this.pendingBreak) this.newline();
    if (this.line === "") this.lineDepth = this.quoteDepth;
    else if (this.pendingSpace) this.line += " ";
    this.pendingSpace = false;
    this.line += s;
  }

  private newline(): void {
    this.lines.push(this.render(this.line));
    this.line = "";
    this.lineDepth = this.quoteDepth;
    this.pendingSpace = false;
    this.pendingBreak = false;
  }

  private render(text: string): string {
    if (this.lineDepth === 0) return text;
    const marks = this.mark.repeat(this.lineDepth);
    return text === "" ? marks : `${marks} ${text}`;
  }

  /** How many characters of quote marks `line` starts with. */
  private markLength(line: string): number {
    let at = 0;
    while (line.startsWith(this.mark, at)) at += this.mark.length;
    return at;
  }
}
