import { AppError, pauseCandidate, resumeCandidate, stopCandidate } from "@rebound/core";
import { isValidTimeZone, verifyToken } from "@rebound/domain";
import { Hono } from "hono";
import { html } from "hono/html";
import type { ApiEnv } from "../env.js";
import type { PlainRouteDoc } from "../documented.js";
import { page } from "../html-page.js";

const PAUSE_CHOICES = [7, 14, 30] as const;

export const preferencesDocs: PlainRouteDoc[] = [
  {
    method: "get",
    path: "/preferences/:token",
    summary: "The candidate's preference page: pause, resume, time zone, unsubscribe",
    tags: ["public"],
    responses: {
      200: { description: "The page", type: "text/html" },
      404: { description: "Link expired", type: "text/html" },
    },
  },
  {
    method: "post",
    path: "/preferences/:token",
    summary: "A change from the preference page",
    tags: ["public"],
    request: {
      contentType: "application/x-www-form-urlencoded",
      description: "action=pause|resume|timezone|unsubscribe, days, timezone",
    },
    responses: {
      200: { description: "Done", type: "text/html" },
      400: { description: "Invalid change", type: "application/json" },
    },
  },
];

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
    if (!candidate) throw new AppError(404, "invalid_token", "preferences link is not valid or has expired");
    const form = await c.req.parseBody();
    const action = String(form.action ?? "");
    const actor = "preferences-page";
    if (action === "pause") {
      const days = Number(form.days);
      if (!PAUSE_CHOICES.includes(days as (typeof PAUSE_CHOICES)[number])) {
        throw new AppError(400, "invalid_days", `days must be one of ${PAUSE_CHOICES.join(", ")}`);
      }
      await pauseCandidate(ctx, candidate.id, days, actor);
    } else if (action === "resume") {
      await resumeCandidate(ctx, candidate.id, actor);
    } else if (action === "unsubscribe") {
      await stopCandidate(ctx, candidate.id, "unsubscribed", actor);
    } else if (action === "timezone") {
      const tz = String(form.timezone ?? "").trim();
      if (!isValidTimeZone(tz))
        throw new AppError(400, "invalid_timezone", "time zone must be an IANA name such as Europe/Paris");
      await ctx.db.candidate.update({ where: { id: candidate.id }, data: { timezone: tz } });
    } else {
      throw new AppError(400, "invalid_action", "action must be pause, resume, timezone or unsubscribe");
    }
    return c.redirect(`/preferences/${token}`, 303);
  });
