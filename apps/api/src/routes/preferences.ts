import { pauseCandidate, resumeCandidate, stopCandidate } from "@rebound/core";
import { isValidTimeZone, verifyToken } from "@rebound/domain";
import { Hono } from "hono";
import { html } from "hono/html";
import type { ApiEnv } from "../env.js";
import { errorBody } from "../errors.js";
import { page } from "../html-page.js";

const PAUSE_CHOICES = [7, 14, 30] as const;

async function candidateFor(c: { get(k: "ctx"): ApiEnv["Variables"]["ctx"] }, token: string) {
  const ctx = c.get("ctx");
  const check = verifyToken("prefs", token, ctx.config.APP_SECRET, ctx.clock.now());
  if (!check.ok) return null;
  const candidate = await ctx.db.candidate.findUnique({ where: { id: check.value.subject } });
  return candidate && candidate.status !== "erased" ? candidate : null;
}

const expired = page(
  "Link expired",
  html`<h1>This link has expired</h1><p>Use the preferences link in a more recent Rebound email, or reply PAUSE or STOP to any of them.</p>`,
);

/**
 * The preference page behind the signed link in every email's footer: pause for a
 * while, resume, change time zone, or unsubscribe. GET shows it; POST applies one action.
 */
export const preferencesRoutes = new Hono<ApiEnv>()
  .get("/preferences/:token", async (c) => {
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    const token = c.req.param("token");
    const candidate = await candidateFor(c, token);
    if (!candidate) return c.html(expired, 404);
    const action = `/preferences/${token}`;
    const state =
      candidate.status === "paused"
        ? `paused${candidate.pausedUntil ? ` until ${candidate.pausedUntil.toISOString().slice(0, 10)}` : ""}`
        : candidate.status;
    return c.html(
      page(
        "Your email preferences",
        html`<h1>Your email preferences</h1>
          <p class="muted">${candidate.email} · emails are ${state} · time zone ${candidate.timezone}</p>
          ${
            candidate.status === "paused"
              ? html`<form method="post" action="${action}"><input type="hidden" name="action" value="resume"><button>Resume my emails</button></form>`
              : candidate.status === "active"
                ? html`<form method="post" action="${action}"><input type="hidden" name="action" value="pause">
                    <label>Take a break for <select name="days">${PAUSE_CHOICES.map((d) => html`<option value="${d}">${d} days</option>`)}</select></label>
                    <button>Pause</button></form>`
                : html`<p>You are unsubscribed. To start again, sign up once more from your career centre's link.</p>`
          }
          <form method="post" action="${action}"><input type="hidden" name="action" value="timezone">
            <label>Time zone <input name="timezone" value="${candidate.timezone}" size="24"></label> <button>Save</button></form>
          ${
            candidate.status === "active" || candidate.status === "paused"
              ? html`<form method="post" action="${action}"><input type="hidden" name="action" value="unsubscribe"><button>Unsubscribe from all emails</button></form>`
              : ""
          }`,
      ),
    );
  })
  .post("/preferences/:token", async (c) => {
    const ctx = c.get("ctx");
    const token = c.req.param("token");
    const candidate = await candidateFor(c, token);
    if (!candidate) return c.json(errorBody("invalid_token", "preferences link is not valid or has expired"), 404);
    const form = await c.req.parseBody();
    const action = String(form.action ?? "");
    const actor = "preferences-page";
    if (action === "pause") {
      const days = Number(form.days);
      if (!PAUSE_CHOICES.includes(days as (typeof PAUSE_CHOICES)[number])) {
        return c.json(errorBody("invalid_days", `days must be one of ${PAUSE_CHOICES.join(", ")}`), 400);
      }
      await pauseCandidate(ctx, candidate.id, days, actor);
    } else if (action === "resume") {
      await resumeCandidate(ctx, candidate.id, actor);
    } else if (action === "unsubscribe") {
      await stopCandidate(ctx, candidate.id, "unsubscribed", actor);
    } else if (action === "timezone") {
      const tz = String(form.timezone ?? "").trim();
      if (!isValidTimeZone(tz))
        return c.json(errorBody("invalid_timezone", "time zone must be an IANA name such as Europe/Paris"), 400);
      await ctx.db.candidate.update({ where: { id: candidate.id }, data: { timezone: tz } });
    } else {
      return c.json(errorBody("invalid_action", "action must be pause, resume, timezone or unsubscribe"), 400);
    }
    return c.redirect(`/preferences/${token}`, 303);
  });
