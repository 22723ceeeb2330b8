import { html, raw } from "hono/html";

type Html = ReturnType<typeof html>;

/** The plain page every candidate-facing screen uses (unsubscribe, preferences, log); `css` is a page's own constant styles. */
export const page = (title: string, body: Html, wide = false, css = "") => html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title} · Rebound</title>
<style>body{font-family:system-ui,sans-serif;max-width:${wide ? "44rem" : "32rem"};margin:3rem auto;padding:0 1rem;color:#1f2933;line-height:1.55}
button{font:inherit;padding:.55rem 1.1rem;border-radius:.4rem;border:0;background:#1f2933;color:#fff;cursor:pointer}
input,select{font:inherit;padding:.4rem}form{margin:1rem 0}section{border-top:1px solid #e4e7eb;padding:1rem 0}
blockquote{margin:.5rem 0;padding:.5rem 1rem;background:#f5f7fa;border-radius:.4rem;white-space:pre-wrap}
.theme{display:inline-block;margin:.1rem .3rem .1rem 0;padding:.1rem .55rem;border-radius:1rem;background:#e0f2f1;font-size:.85rem}
.muted{color:#616e7c;font-size:.9rem}${raw(css)}</style></head><body>${body}</body></html>`;
