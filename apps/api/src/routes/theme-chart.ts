import type { ThemeTimeline } from "@rebound/core";
import { html } from "hono/html";

/**
 * Themes over time as an inline SVG dot chart (no script, so it passes the pages' CSP): one row per
 * theme that ever came up, one column per interview, oldest on the left. A filled dot means the
 * theme came up in that interview; a dot that stops is progress. The same facts are given in words
 * (the SVG's description and the list under it) for screen readers and for anyone who prefers text.
 */

// Labels wrap onto two lines so three interviews fit a phone's width without shrinking the text.
const LABEL_W = 136;
const LINE_CHARS = 17;
const COL_W = 64;
const ROW_H = 40;
const HEAD_H = 46;
const MAX_COLUMNS = 8;

/** "Body language and confidence" -> ["Body language and", "confidence"]: at most two lines. */
function wrap(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= LINE_CHARS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length <= 2 ? lines : [lines[0] ?? "", short(lines.slice(1).join(" "), LINE_CHARS)];
}

const short = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);

function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function themeChart(timeline: ThemeTimeline, formatDate: (d: Date) => string) {
  const columns = timeline.interviews.slice(-MAX_COLUMNS);
  const offset = timeline.interviews.length - columns.length;
  const rows = timeline.rows
    .map((r) => ({ ...r, present: r.present.slice(offset) }))
    .filter((r) => r.present.some(Boolean));
  if (rows.length === 0 || columns.length === 0) return null;
  const width = LABEL_W + columns.length * COL_W;
  const height = HEAD_H + rows.length * ROW_H + 6;
  const x = (i: number) => LABEL_W + i * COL_W + COL_W / 2;
  const y = (j: number) => HEAD_H + j * ROW_H + ROW_H / 2;
  const sentences = rows.map((r) => {
    const at = columns.filter((_, i) => r.present[i]).map((c) => c.company);
    return `${r.label}: ${at.length} of ${columns.filter((c) => c.answered).length} (${joinWords(at)})`;
  });
  return html`<div class="chart"><svg role="img" aria-labelledby="chart-title chart-desc" width="100%" style="max-width:${width}px" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
  <title id="chart-title">Themes in your interviews, oldest on the left</title>
  <desc id="chart-desc">${sentences.join(". ")}.</desc>
  ${columns.map(
    (c, i) => html`<text x="${x(i)}" y="16" text-anchor="middle" class="col">${short(c.company, 11)}</text>
  <text x="${x(i)}" y="33" text-anchor="middle" class="date">${formatDate(c.at)}</text>`,
  )}
  ${rows.map(
    (r, j) => html`<g>
    <rect x="0" y="${HEAD_H + j * ROW_H}" width="${width}" height="${ROW_H}" class="${j % 2 ? "odd" : "even"}"></rect>
    ${(() => {
      const lines = wrap(r.label);
      const top = y(j) + 4.5 - ((lines.length - 1) * 15) / 2;
      return html`<text x="6" y="${top}" class="row">${lines.map((l, k) => html`<tspan x="6" y="${top + k * 15}">${l}</tspan>`)}</text>`;
    })()}
    ${columns.map((c, i) =>
      !c.answered
        ? html`<text x="${x(i)}" y="${y(j) + 4.5}" text-anchor="middle" class="none">–</text>`
        : r.present[i]
          ? html`<circle cx="${x(i)}" cy="${y(j)}" r="8" class="on"><title>${r.label} came up at ${c.company}</title></circle>`
          : html`<circle cx="${x(i)}" cy="${y(j)}" r="4" class="off"><title>${r.label} did not come up at ${c.company}</title></circle>`,
    )}
  </g>`,
  )}
</svg></div>`;
}
