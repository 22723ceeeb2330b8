import type { candidatePreferences } from "@rebound/core";
import { html, raw } from "hono/html";

/** The HTML of the preference page (/preferences/<token>); the route hands it the candidate's settings. */

type Prefs = Awaited<ReturnType<typeof candidatePreferences>>;

export const PAUSE_CHOICES = [7, 14, 30] as const;
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export const PREFS_CSS = `
h1{font-size:1.6rem;line-height:1.25;margin:0 0 .3rem}
h2{font-size:1.1rem;margin:0 0 .4rem}
.card{border:1px solid #e4e7eb;border-radius:.75rem;padding:1rem 1.2rem;margin:1rem 0;background:#fff}
.notice{background:#e6f4ea;border-radius:.5rem;padding:.7rem 1rem}
.small{font-size:.9rem;color:#52606d}
label{display:block;margin:.4rem 0}
select{max-width:100%}#timezone{flex:1 1 14rem}
fieldset{border:0;padding:0;margin:.6rem 0}legend{font-weight:600;margin-bottom:.3rem}
.days{display:flex;flex-wrap:wrap;gap:.4rem}
.days label{display:inline-flex;align-items:center;gap:.3rem;margin:0;padding:.3rem .6rem;border:1px solid #cbd2d9;border-radius:.4rem}
.hours{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}.hours label{display:inline;margin:0}
.row{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center}
button.secondary{background:#fff;color:#1f2933;border:1px solid #9aa5b1}
#tz-detected button{padding:.25rem .8rem;margin-left:.3rem}
button.danger{background:#9b1c1c}
`;

const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;

function joinDays(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  if (sorted.join() === "1,2,3,4,5") return "Monday to Friday";
  if (sorted.join() === "1,2,3,4,5,6,7") return "every day";
  const names = sorted.map((d) => DAY_NAMES[d - 1] ?? "");
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export const windowText = (w: Prefs["window"]) => `${hour(w.startHour)}–${hour(w.endHour)}, ${joinDays(w.weekdays)}`;

/** IANA zones grouped by region (Europe, America, ...), plus UTC. */
function zonesByRegion(): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const zone of Intl.supportedValuesOf("timeZone")) {
    const region = zone.includes("/") ? (zone.split("/")[0] ?? "Other") : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  groups.set("Other", [...(groups.get("Other") ?? []), "UTC"]);
  return [...groups].sort(([a], [b]) => (a === "Other" ? 1 : b === "Other" ? -1 : a.localeCompare(b)));
}
const ZONES = zonesByRegion();
const zoneLabel = (z: string) => z.replace(/_/g, " ").replace(/\//g, " / ");

function zonePicker(current: string) {
  return html`<select name="timezone" id="timezone">
    <optgroup label="Your current time zone"><option value="${current}" selected>${zoneLabel(current)}</option></optgroup>
    ${ZONES.map(
      ([region, zones]) =>
        html`<optgroup label="${region}">${zones.filter((z) => z !== current).map((z) => html`<option value="${z}">${zoneLabel(z)}</option>`)}</optgroup>`,
    )}
  </select>`;
}

const hourOptions = (from: number, to: number, selected: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i).map(
    (h) => html`<option value="${h}"${h === selected ? html` selected` : ""}>${hour(h)}</option>`,
  );

/**
 * The one script of the candidate pages, allowed by a per-response nonce: it reads the device's time
 * zone (which no server can see) and, when it differs from the saved one, offers it. Constant text:
 * nothing of the candidate's is written into it. Without it the page works the same, by hand.
 */
const DETECT_ZONE = `(function () {
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  var select = document.getElementById("timezone");
  var hint = document.getElementById("tz-detected");
  if (!zone || !select || !hint || select.value === zone) return;
  var known = Array.prototype.some.call(select.options, function (o) { return o.value === zone; });
  if (!known) return;
  document.getElementById("tz-name").textContent = zone.replace(/_/g, " ").replace(/\\//g, " / ");
  hint.hidden = false;
  document.getElementById("tz-use").addEventListener("click", function () {
    select.value = zone;
    select.form.requestSubmit();
  });
})();`;

export function preferencesPage(p: Prefs, action: string, notice: string | null, nonce: string) {
  const state =
    p.status === "paused"
      ? `paused${p.pausedUntil ? ` until ${p.pausedUntil.toISOString().slice(0, 10)}` : ""}`
      : p.status === "active"
        ? "on"
        : "off (you unsubscribed)";
  const live = p.status === "active" || p.status === "paused";
  const form = (name: string, body: ReturnType<typeof html>) =>
    html`<form method="post" action="${action}"><input type="hidden" name="action" value="${name}">${body}</form>`;
  return html`<h1>Your email preferences</h1>
    <p class="small">${p.email ?? ""} · emails are ${state}</p>
    ${notice ? html`<p class="notice" role="status">${notice}</p>` : ""}
    ${
      live
        ? html`<section class="card"><h2>${p.status === "paused" ? "Your break" : "Take a break"}</h2>
          ${
            p.status === "paused"
              ? form("resume", html`<button>Resume my emails</button>`)
              : form(
                  "pause",
                  html`<div class="row"><label for="days">Pause for</label>
                  <select name="days" id="days">${PAUSE_CHOICES.map((d) => html`<option value="${d}">${d} days</option>`)}</select>
                  <button>Pause</button></div>`,
                )
          }</section>`
        : html`<section class="card"><p>You are unsubscribed. To start again, sign up once more from your career centre's link.</p></section>`
    }
    <section class="card"><h2>Your time zone</h2>
      <p class="small">Emails arrive by your local clock. Your current time zone is listed first; otherwise choose the place nearest you that shares your time.</p>
      ${form(
        "timezone",
        html`<p id="tz-detected" class="notice" hidden>This device is set to <strong id="tz-name"></strong>. <button type="button" id="tz-use" class="secondary">Use it</button></p>
        <label for="timezone">Time zone</label><div class="row">${zonePicker(p.timezone)}<button>Save time zone</button></div>`,
      )}
    </section>
    <section class="card"><h2>When emails arrive</h2>
      <p class="small">Now: ${windowText(p.window)}, ${zoneLabel(p.timezone)} time.${p.ownWindow ? "" : " This is your program's usual window."}</p>
      ${form(
        "window",
        html`<fieldset><legend>Hours</legend><div class="hours">
          <label for="start">from</label><select name="start" id="start">${hourOptions(0, 22, p.window.startHour)}</select>
          <label for="end">until</label><select name="end" id="end">${hourOptions(2, 24, p.window.endHour)}</select></div></fieldset>
        <fieldset><legend>Days</legend><div class="days">${DAYS.map(
          (d, i) =>
            html`<label><input type="checkbox" name="weekdays" value="${i + 1}"${p.window.weekdays.includes(i + 1) ? html` checked` : ""}> ${d}</label>`,
        )}</div></fieldset>
        <button>Save times</button>`,
      )}
      ${p.ownWindow ? form("window-default", html`<button class="secondary">Go back to the program's window (${windowText(p.programWindow)})</button>`) : ""}
    </section>
    <script nonce="${nonce}">${raw(DETECT_ZONE)}</script>
    ${live ? html`<section class="card"><h2>Stop all emails</h2>${form("unsubscribe", html`<button class="danger">Unsubscribe from all emails</button>`)}</section>` : ""}`;
}
