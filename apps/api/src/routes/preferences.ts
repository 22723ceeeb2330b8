import {
  AppError,
  candidateByToken,
  candidatePreferences,
  pauseCandidate,
  resumeCandidate,
  setCandidateSendWindow,
  setCandidateTimezone,
  stopCandidate,
} from "@rebound/core";
import { randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import type { PlainRouteDoc } from "../documented.js";
import type { ApiEnv } from "../env.js";
import { page } from "../html-page.js";
import { PAUSE_CHOICES, PREFS_CSS, preferencesPage } from "./preferences-page.js";

export const preferencesDocs: PlainRouteDoc[] = [
  {
    method: "get",
    path: "/preferences/:token",
    summary: "The candidate's preference page: pause, resume, time zone, send window, unsubscribe",
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
      description:
        "action=pause (days) | resume | timezone (timezone) | window (start, end, weekdays[]) | window-default | unsubscribe",
    },
    responses: {
      303: { description: "Done: back to the page, with a note of what changed" },
      400: { description: "Invalid change: a page that says why; nothing changed", type: "text/html" },
      404: { description: "Link expired", type: "text/html" },
    },
  },
];

const expired = page(
  "Link expired",
  html`<h1>This link has expired</h1><p>Use the preferences link in a more recent Rebound email, or reply PAUSE or STOP to any of them.</p>`,
);

const SAVED: Record<string, string> = {
  pause: "Your emails are paused.",
  resume: "Your emails are back on.",
  timezone: "Saved. Emails now follow your new time zone.",
  window: "Saved. Emails will arrive in your new window.",
  "window-default": "Saved. Emails follow your program's usual window again.",
  unsubscribe: "You are unsubscribed. No more coaching emails will be sent.",
};

type C = Context<ApiEnv>;

/** The candidate pages' policy (app.ts), plus one script by nonce. */
const pageCspWithScript = (nonce: string) =>
  `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

function refuse(c: C, back: string, message: string) {
  return c.html(
    page(
      "That did not work",
      html`<h1>That did not work</h1><p>${message}</p><p>Nothing was changed. <a href="${back}">Back to your preferences</a></p>`,
    ),
    400,
  );
}

const asInt = (v: unknown) => (typeof v === "string" && /^\d{1,2}$/.test(v) ? Number(v) : Number.NaN);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/**
 * The preference page behind the signed link in every email's footer: pause for a while, resume,
 * time zone, the hours and days emails may arrive, or unsubscribe. GET shows it; POST applies one
 * change and sends the candidate back to the page (bad input: a page saying why, nothing changed).
 */
export const preferencesRoutes = new Hono<ApiEnv>()
  .get("/preferences/:token", async (c) => {
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    const ctx = c.get("ctx");
    const token = c.req.param("token");
    const candidate = await candidateByToken(ctx, "prefs", token);
    if (!candidate) return c.html(expired, 404);
    const prefs = await candidatePreferences(ctx, candidate.id);
    const notice = SAVED[c.req.query("saved") ?? ""] ?? null;
    // This page alone runs a script (it offers the device's time zone): allowed by this response's nonce only.
    const nonce = randomBytes(16).toString("base64");
    c.header("Content-Security-Policy", pageCspWithScript(nonce));
    return c.html(
      page("Your email preferences", preferencesPage(prefs, `/preferences/${token}`, notice, nonce), false, PREFS_CSS),
    );
  })
  .post("/preferences/:token", async (c) => {
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    const ctx = c.get("ctx");
    const token = c.req.param("token");
    const back = `/preferences/${token}`;
    const candidate = await candidateByToken(ctx, "prefs", token);
    if (!candidate) return c.html(expired, 404);
    const form = await c.req.parseBody({ all: true });
    const action = String(form.action ?? "");
    const actor = "preferences-page";
    try {
      if (action === "pause") {
        const days = asInt(form.days);
        if (!PAUSE_CHOICES.includes(days as (typeof PAUSE_CHOICES)[number])) {
          return refuse(c, back, `A break can be ${PAUSE_CHOICES.join(", ")} days long.`);
        }
        await pauseCandidate(ctx, candidate.id, days, actor);
      } else if (action === "resume") {
        await resumeCandidate(ctx, candidate.id, actor);
      } else if (action === "unsubscribe") {
        await stopCandidate(ctx, candidate.id, "unsubscribed", actor);
      } else if (action === "timezone") {
        await setCandidateTimezone(ctx, candidate.id, String(form.timezone ?? "").trim(), actor);
      } else if (action === "window") {
        await setCandidateSendWindow(
          ctx,
          candidate.id,
          { startHour: asInt(form.start), endHour: asInt(form.end), weekdays: list(form.weekdays).map(asInt) },
          actor,
        );
      } else if (action === "window-default") {
        await setCandidateSendWindow(ctx, candidate.id, null, actor);
      } else {
        return refuse(c, back, "That is not a change this page can make.");
      }
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.status !== 404) {
        const message =
          err.code === "invalid_timezone"
            ? "Please choose a time zone from the list, such as Europe/Paris."
            : err.code === "not_active" || err.code === "not_paused"
              ? "Your emails are not in a state where that applies any more."
              : err.message;
        return refuse(c, back, message);
      }
      throw err;
    }
    return c.redirect(`${back}?saved=${action}`, 303);
  });
