import type { Journal, JournalAnswer, JournalInterview } from "@rebound/core";
import { html } from "hono/html";
import { themeChart } from "./theme-chart.js";

/** The HTML of the candidate's coaching journal (/log/<token>); the route hands it the journal and links. */

export interface LogLinks {
  self: string;
  exportAction: string;
  deleteHref: (reflectionId: string) => string;
  preferences: string;
}

const OUTCOME: Record<string, string> = {
  rejected: "Not this time",
  no_response: "Still waiting for an answer",
  withdrawn: "You stepped back",
  offer: "Offer",
  pending: "Waiting to hear",
};

const STEP_TITLE: Record<string, string> = {
  process: "High points",
  feedback: "Feedback",
  analyse: "Looking back",
  "keep-applying": "Keeping going",
  "follow-up-nudge": "Following up",
  "fit-reflection": "What fits you",
  congratulations: "What went right",
  "check-in": "News",
};

export const LOG_CSS = `
h1{font-size:1.7rem;line-height:1.25;margin:0 0 .3rem}
h2{font-size:1.3rem;line-height:1.3;margin:0}
h3{font-size:1rem;margin:1.4rem 0 .5rem;color:#2f6f5e;text-transform:uppercase;letter-spacing:.05em}
h4{font-size:1.05rem;margin:0 0 .3rem}
.lead{color:#52606d;margin:0 0 1.5rem}
.notice{background:#e6f4ea;border-radius:.5rem;padding:.7rem 1rem}
.card{border:1px solid #e4e7eb;border-radius:.75rem;padding:1.1rem 1.2rem;margin:1.2rem 0;background:#fff}
.summary{background:#f0f7f4;border-radius:.5rem;padding:.7rem 1rem;margin:.8rem 0 0}
.theme-card{border-left:4px solid #2f6f5e;padding:.2rem 0 .2rem .9rem;margin:1rem 0}
.repeat{color:#8a4b08;font-weight:600;margin:.1rem 0 .4rem;font-size:.95rem}
.evidence{margin:.3rem 0;padding:.4rem .8rem;background:#f5f7fa;border-radius:.4rem;font-style:italic;color:#3e4c59}
.actions{margin:.5rem 0 0;padding-left:1.3rem}.actions li{margin:.3rem 0}
.tag{display:inline-block;padding:.1rem .6rem;border-radius:1rem;background:#eef2f7;font-size:.85rem;color:#3e4c59}
.tag.offer{background:#e6f4ea;color:#1e6b3a}
.answer{margin:.8rem 0 1rem}.answer .q{color:#616e7c;font-size:.9rem;margin:.1rem 0 .4rem}
.part{margin:.4rem 0;padding:.5rem .9rem;background:#f5f7fa;border-radius:.4rem;white-space:pre-wrap;overflow-wrap:anywhere}
.part-meta{display:flex;justify-content:space-between;gap:1rem;font-size:.8rem;color:#7b8794;margin:.1rem .2rem 0}
.part-meta a{color:#7b8794}
.highpoints{padding-left:1.2rem}.highpoints li{margin:.35rem 0}
.from{color:#7b8794;font-size:.85rem;white-space:nowrap}
.chart{overflow-x:auto;margin:.5rem 0}
.chart svg{display:block;height:auto;min-width:300px}
.chart .col{font:600 12px system-ui,sans-serif;fill:#1f2933}
.chart .date,.chart .none{font:11px system-ui,sans-serif;fill:#7b8794}
.chart .row{font:13px system-ui,sans-serif;fill:#1f2933}
.chart .on{fill:#2f6f5e}.chart .off{fill:#cbd2d9}
.chart .even{fill:#f8fafb}.chart .odd{fill:#ffffff}
.small{font-size:.9rem;color:#52606d}
details.interview>summary{cursor:pointer;list-style:none}
details.interview>summary::-webkit-details-marker{display:none}
details.interview>summary h2::before{content:"▸";display:inline-block;width:1.1rem;color:#2f6f5e;transition:transform .15s}
details.interview[open]>summary h2::before{transform:rotate(90deg)}
details.interview>summary p{margin:.3rem 0 0}
.theme-tag{background:#e0f2f1;color:#1f5f52;margin:.15rem .1rem}
a{color:#2f6f5e}
@media (max-width:480px){body{margin:1.5rem auto}.card{padding:.9rem}h1{font-size:1.45rem}}
`;

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function answerBlock(a: JournalAnswer, date: (d: Date) => string, links: LogLinks) {
  return html`<div class="answer">
    <h4>${STEP_TITLE[a.step] ?? "Your reply"}</h4>
    <p class="q">${a.prompts.join(" ")}</p>
    ${a.parts.map(
      (p, i) => html`<div class="part">${p.text}</div>
      <p class="part-meta"><span>${i === 0 ? "Replied" : "Added"} ${date(p.receivedAt)}</span><a href="${links.deleteHref(p.id)}">Delete this reply</a></p>`,
    )}
  </div>`;
}

/** One interview; the newest is open, older ones fold to their heading and themes (no script: <details>). */
function interviewCard(i: JournalInterview, date: (d: Date) => string, links: LogLinks, open: boolean) {
  const r = i.review;
  const answered = i.answers.length > 0;
  const outcome = i.offerAt ? "Offer received" : (OUTCOME[i.outcome] ?? i.outcome);
  return html`<details class="card interview" id="interview-${i.id}"${open ? html` open` : ""}>
    <summary><h2>${i.company}${i.role ? html` <span class="from">· ${i.role}</span>` : ""}</h2>
    <p class="small">${date(i.interviewedAt ?? i.createdAt)} · <span class="tag${i.offerAt || i.outcome === "offer" ? " offer" : ""}">${outcome}</span>
    ${r.themes.map((t) => html` <span class="tag theme-tag">${t.label}</span>`)}</p></summary>
    ${r.summary ? html`<p class="summary">${r.summary}</p>` : ""}
    ${
      !answered
        ? html`<p class="small">No replies yet. Answer any Rebound email about this interview and it appears here.</p>`
        : html`<h3>What we found</h3>
          ${
            r.themes.length === 0
              ? html`<p>Nothing in your replies pointed to a clear weak spot. That is good news.</p>`
              : r.themes.map(
                  (t) => html`<div class="theme-card">
                  <h4>${t.label}</h4>
                  ${t.repeat ? html`<p class="repeat">${t.repeat}</p>` : ""}
                  ${t.evidence.map((e) => html`<p class="evidence">“${e}”</p>`)}
                  <ol class="actions">${t.actions.map((a) => html`<li>${a}</li>`)}</ol>
                </div>`,
                )
          }
          ${r.comparison ? html`<p class="small"><strong>Compared with before:</strong> ${r.comparison}</p>` : ""}
          <h3>Your replies</h3>
          ${i.answers.map((a) => answerBlock(a, date, links))}`
    }
  </details>`;
}

export function journalPage(j: Journal, links: LogLinks, notice: string | null) {
  const date = (d: Date) =>
    new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: j.timezone }).format(
      d,
    );
  const shortDate = (d: Date) =>
    new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: j.timezone }).format(d);
  const replies = j.interviews.reduce((n, i) => n + i.answers.reduce((m, a) => m + a.parts.length, 0), 0);
  const first = j.name?.trim().split(/\s+/)[0];
  const chart = themeChart(j.timeline, shortDate);
  return html`<h1>${first ? `${first}, your interview log` : "Your interview log"}</h1>
    <p class="lead">${plural(j.interviews.length, "interview")} · ${plural(replies, "reply", "replies")}. Every reply you send to a Rebound email is kept here, with what it tells you and what to try next.</p>
    ${notice ? html`<p class="notice" role="status">${notice}</p>` : ""}
    ${
      j.highPoints.length
        ? html`<section class="card"><h2>Your high points</h2>
          <p class="small">A list that grows with every interview. Read it before the next one.</p>
          <ul class="highpoints">${j.highPoints.map((h) => html`<li>${upperFirst(h.text)}<br><span class="from">${h.company} · ${shortDate(h.at)}</span></li>`)}</ul></section>`
        : ""
    }
    ${
      chart
        ? html`<section class="card"><h2>Themes over time</h2>
          <p class="small">Each dot is a theme that came up in an interview, oldest on the left. A row whose dots stop is something you have moved past.</p>
          ${chart}</section>`
        : ""
    }
    ${j.interviews.length > 1 ? html`<p class="small">Your interviews, newest first. Tap an older one to open it.</p>` : ""}
    ${j.interviews.map((i, n) => interviewCard(i, date, links, n === 0))}
    <section class="card"><h2>Your data</h2>
      <p class="small">Download everything Rebound keeps about you (your profile, interviews, replies and their analysis, and when each email was sent) as a JSON file. To remove one reply, use “Delete this reply” under it.</p>
      <form method="post" action="${links.exportAction}"><button>Download my data</button></form>
      <p class="small">To pause, change when emails arrive, or stop them, open your <a href="${links.preferences}">email preferences</a>.</p>
    </section>`;
}
