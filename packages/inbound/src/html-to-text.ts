import { decodeEntities } from "./html-entities.js";
import { tidyText } from "./tidy-text.js";

export interface HtmlToTextOptions {
  /**
   * Keep blockquotes and client quote containers. Used for forwarded mail, where the
   * quoted part is the content (a rejection letter), not history to throw away.
   */
  keepQuotes?: boolean;
}

// Elements whose content is never text.
const SKIP_CONTENT = new Set(["script", "style", "title", "template", "noscript", "xml"]);
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"]);
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
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
const PARAGRAPH = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6"]);

// Containers that mail clients put quoted history (or the sender's signature) in.
const QUOTE_CLASSES = [
  "gmail_quote",
  "gmail_quote_container",
  "gmail_signature",
  "protonmail_quote",
  "moz-cite-prefix",
  "zmail_extra",
];
// Yahoo prefixes its ids and classes with a per-message token ("ydp3f1cyahoo_quoted_123").
const QUOTE_IDS = /yahoo_quoted|^ms-outlook-mobile-signature$|^signature$|^zwchr/i;
// Outlook marks where the quoted message begins; everything after it is history.
const CUT_IDS = /^(x_)*(appendonsend|divrplyfwdmsg|mail-editor-reference-message-container)$/i;

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: string;
  end: number;
}

/**
 * HTML mail body to plain text: paragraphs and `<br>` become line breaks, entities are
 * decoded, and (unless `keepQuotes`) blockquotes and client quote containers are dropped.
 * A single linear scan with no DOM: a 10 MB body takes well under a second.
 */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const keepQuotes = options.keepQuotes ?? false;
  const lower = html.toLowerCase();
  const out = new TextBuilder();
  const n = html.length;
  let skip: { tag: string; depth: number } | null = null;
  let pre = 0;
  // Whether each open <p> is a real paragraph or an Outlook line, so its close tag matches.
  const paragraphs: boolean[] = [];
  let i = 0;

  while (i < n) {
    const lt = html.indexOf("<", i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      if (!skip) out.text(html.slice(i, textEnd), pre > 0);
      i = textEnd;
      continue;
    }
    if (lower.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    const next = html[i + 1];
    if (next === "!" || next === "?") {
      const end = html.indexOf(">", i);
      i = end === -1 ? n : end + 1;
      continue;
    }
    const tag = readTag(html, i);
    if (!tag) {
      if (!skip) out.text("<", pre > 0);
      i += 1;
      continue;
    }
    i = tag.end;

    if (skip) {
      if (tag.name === skip.tag) {
        if (tag.closing) skip.depth -= 1;
        else if (!tag.selfClosing) skip.depth += 1;
        if (skip.depth === 0) {
          // A dropped block still separates the text around it.
          if (BLOCK.has(skip.tag)) out.block();
          skip = null;
        }
      }
      continue;
    }

    if (tag.closing) {
      if (PARAGRAPH.has(tag.name)) {
        if (paragraphs.pop() ?? true) out.paragraphEnd();
        else out.block();
        continue;
      }
      closeTag(out, tag.name);
      if (tag.name === "pre" && pre > 0) pre -= 1;
      continue;
    }

    if (SKIP_CONTENT.has(tag.name) && !tag.selfClosing) {
      const close = lower.indexOf(`</${tag.name}`, i);
      const closeEnd = close === -1 ? -1 : html.indexOf(">", close);
      i = closeEnd === -1 ? n : closeEnd + 1;
      continue;
    }
    if (tag.name === "head" && !tag.selfClosing) {
      // Skip the head when it is closed; a head that never closes is ignored, not the whole message.
      const close = lower.indexOf("</head", i);
      const closeEnd = close === -1 ? -1 : html.indexOf(">", close);
      if (closeEnd !== -1) i = closeEnd + 1;
      continue;
    }

    if (!keepQuotes) {
      const id = attribute(tag.attrs, "id");
      if (id && CUT_IDS.test(id)) break;
      if (isQuoteContainer(tag, id)) {
        if (BLOCK.has(tag.name)) out.block();
        if (!tag.selfClosing && !VOID.has(tag.name)) skip = { tag: tag.name, depth: 1 };
        continue;
      }
    }

    if (PARAGRAPH.has(tag.name) && !tag.selfClosing) paragraphs.push(!isOutlookLine(tag));
    openTag(out, tag);
    if (tag.name === "pre" && !tag.selfClosing) pre += 1;
  }
  return out.finish();
}

function openTag(out: TextBuilder, tag: Tag): void {
  const name = tag.name;
  if (name === "br") out.newline();
  else if (PARAGRAPH.has(name)) {
    if (isOutlookLine(tag)) out.block();
    else out.paragraph();
  } else if (name === "li") {
    out.block();
    out.raw("- ");
  } else if (name === "td" || name === "th") out.space();
  else if (BLOCK.has(name) || name === "pre") out.block();
}

/** Outlook writes every line as <p class=MsoNormal> with no margin: a line, not a paragraph. */
function isOutlookLine(tag: Tag): boolean {
  return /\bmso/i.test(attribute(tag.attrs, "class") ?? "");
}

function closeTag(out: TextBuilder, name: string): void {
  if (BLOCK.has(name) || name === "li" || name === "pre") out.block();
  else if (name === "td" || name === "th") out.space();
}

function isQuoteContainer(tag: Tag, id: string | null): boolean {
  if (tag.name === "blockquote") return true;
  if (id && QUOTE_IDS.test(id)) return true;
  const cls = attribute(tag.attrs, "class");
  if (cls) {
    const classes = cls.toLowerCase().split(/\s+/);
    if (classes.some((c) => QUOTE_CLASSES.includes(c) || c.endsWith("yahoo_quoted"))) return true;
  }
  return attribute(tag.attrs, "data-smartmail") === "gmail_signature";
}

function readTag(html: string, start: number): Tag | null {
  let j = start + 1;
  const closing = html[j] === "/";
  if (closing) j += 1;
  const nameMatch = /^[a-zA-Z][a-zA-Z0-9:-]*/.exec(html.slice(j, j + 64));
  if (!nameMatch) return null;
  const name = nameMatch[0].toLowerCase();
  const attrStart = j + nameMatch[0].length;
  let k = attrStart;
  let quote: string | null = null;
  while (k < html.length) {
    const c = html[k];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      // Quotes only open inside an attribute value, right after `=`.
      if (/=\s*$/.test(html.slice(Math.max(attrStart, k - 8), k))) quote = c;
    } else if (c === ">") break;
    k += 1;
  }
  const attrs = html.slice(attrStart, k);
  return { name, closing, selfClosing: /\/\s*$/.test(attrs), attrs, end: Math.min(k + 1, html.length) };
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attribute(attrs: string, name: string): string | null {
  if (attrs === "") return null;
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i");
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  if (!m) return null;
  return decodeEntities(m[1] ?? m[2] ?? m[3] ?? "");
}

/** Accumulates text with browser-like whitespace: runs collapse, blocks start on a new line. */
class TextBuilder {
  private readonly parts: string[] = [];
  private atLineStart = true;
  private pendingSpace = false;
  private trailingNewlines = 0;
  private emitted = false;

  text(raw: string, preformatted: boolean): void {
    if (preformatted) {
      const decoded = decodeEntities(raw.replace(/\r\n?/g, "\n"));
      if (decoded === "") return;
      if (this.pendingSpace && !this.atLineStart) this.parts.push(" ");
      this.pendingSpace = false;
      this.push(decoded);
      return;
    }
    const collapsed = raw.replace(/[ \t\n\r\f]+/g, " ");
    if (collapsed.startsWith(" ")) this.pendingSpace = true;
    const decoded = decodeEntities(collapsed.trim());
    if (decoded === "") return;
    if (this.pendingSpace && !this.atLineStart) this.parts.push(" ");
    this.pendingSpace = collapsed.length > 1 && collapsed.endsWith(" ");
    this.push(decoded);
  }

  raw(s: string): void {
    this.pendingSpace = false;
    this.push(s);
  }

  space(): void {
    if (!this.atLineStart) this.pendingSpace = true;
  }

  newline(): void {
    this.parts.push("\n");
    this.atLineStart = true;
    this.pendingSpace = false;
    this.trailingNewlines += 1;
    this.emitted = true;
  }

  block(): void {
    if (!this.atLineStart) this.newline();
    this.pendingSpace = false;
  }

  paragraph(): void {
    if (!this.emitted) return;
    this.block();
    if (this.trailingNewlines < 2) this.newline();
  }

  paragraphEnd(): void {
    this.block();
    if (this.trailingNewlines < 2) this.newline();
  }

  finish(): string {
    return tidyText(this.parts.join(""));
  }

  private push(s: string): void {
    this.parts.push(s);
    this.emitted = true;
    const lastNewline = s.lastIndexOf("\n");
    if (lastNewline === s.length - 1) {
      this.atLineStart = true;
      let count = 0;
      for (let k = s.length - 1; k >= 0 && s[k] === "\n"; k -= 1) count += 1;
      this.trailingNewlines = count === s.length ? this.trailingNewlines + count : count;
    } else {
      this.atLineStart = false;
      this.trailingNewlines = 0;
    }
  }
}
