import {
  AppError,
  candidateByToken,
  candidateJournal,
  candidateReflection,
  deleteReflection,
  exportCandidateData,
  preferencesUrl,
} from "@rebound/core";
import type { Candidate } from "@rebound/db";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { html } from "hono/html";
import type { PlainRouteDoc } from "../documented.js";
import type { ApiEnv } from "../env.js";
import { page } from "../html-page.js";
import { journalPage, LOG_CSS } from "./log-page.js";

const tokenResponses = { 404: { description: "Link expired or not valid", type: "text/html" as const } };

export const logDocs: PlainRouteDoc[] = [
  {
    method: "get",
    path: "/log/:token",
    summary: "The candidate's own interview log, behind a signed link from every email",
    description:
      "A coaching journal: per interview the themes found, the candidate's words as evidence and actions per theme; the growing list of high points; themes over time.",
    tags: ["public"],
    responses: { 200: { description: "The log", type: "text/html" }, ...tokenResponses },
  },
  {
    method: "post",
    path: "/log/:token/export",
    summary: "Downloads everything Rebound keeps about the candidate, as a JSON attachment",
    tags: ["public"],
    responses: { 200: { description: "The candidate's data", type: "application/json" }, ...tokenResponses },
  },
  {
    method: "get",
    path: "/log/:token/reflections/:id/delete",
    summary: "Asks the candidate to confirm deleting one of their replies",
    tags: ["public"],
    responses: { 200: { description: "The confirmation page", type: "text/html" }, ...tokenResponses },
  },
  {
    method: "post",
    path: "/log/:token/reflections/:id/delete",
    summary: "Deletes one reply: its text, its analysis and its themes (the fact of a reply stays in the counts)",
    tags: ["public"],
    responses: { 303: { description: "Back to the log" }, ...tokenResponses },
  },
];

const expiredPage = page(
  "Link expired",
  html`<h1>This link has expired</h1><p>Open the link in a more recent Rebound email to read your log.</p>`,
);

const notFoundPage = (back: string) =>
  page(
    "Reply not found",
    html`<h1>That reply is not in your log</h1><p>It may have been deleted already. <a href="${back}">Back to your log</a></p>`,
  );

type C = Context<ApiEnv>;

/** Every log page: private, never cached, never referred. */
function privateHeaders(c: C) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
}

async function candidateOf(c: C): Promise<Candidate | null> {
  privateHeaders(c);
  return candidateByToken(c.get("ctx"), "log", c.req.param("token") ?? "");
}

const isMissing = (err: unknown) => err instanceof AppError && err.status === 404;

/**
 * The candidate's own log behind a signed magic link (`/log/<token>`, from the footer of every
 * email), their data as a download, and deleting one reply. Nothing else is reachable from it.
 */
export const logRoutes = new Hono<ApiEnv>()
  .use(
    "/log/:token/*",
    bodyLimit({
      maxSize: 4 * 1024,
      onError: () => {
        throw new AppError(413, "payload_too_large", "request body is too large");
      },
    }),
  )
  .get("/log/:token", async (c) => {
    const candidate = await candidateOf(c);
    if (!candidate) return c.html(expiredPage, 404);
    const ctx = c.get("ctx");
    const token = c.req.param("token");
    const journal = await candidateJournal(ctx, candidate.id);
    const notice =
      c.req.query("deleted") === "1" ? "Your reply was deleted, with everything that was read from it." : null;
    const body = journalPage(
      journal,
      {
        self: `/log/${token}`,
        exportAction: `/log/${token}/export`,
        deleteHref: (id) => `/log/${token}/reflections/${id}/delete`,
        preferences: preferencesUrl(ctx.config, candidate.id, ctx.clock.now()),
      },
      notice,
    );
    return c.html(page("Your interview log", body, true, LOG_CSS));
  })
  .post("/log/:token/export", async (c) => {
    const candidate = await candidateOf(c);
    if (!candidate) return c.html(expiredPage, 404);
    const ctx = c.get("ctx");
    const data = await exportCandidateData(ctx, candidate.id);
    const day = ctx.clock.now().toISOString().slice(0, 10);
    c.header("Content-Disposition", `attachment; filename="rebound-my-data-${day}.json"`);
    return c.json(data);
  })
  .get("/log/:token/reflections/:id/delete", async (c) => {
    const candidate = await candidateOf(c);
    if (!candidate) return c.html(expiredPage, 404);
    const back = `/log/${c.req.param("token")}`;
    try {
      const r = await candidateReflection(c.get("ctx"), candidate.id, c.req.param("id"));
      return c.html(
        page(
          "Delete this reply?",
          html`<h1>Delete this reply?</h1>
            <p>Your reply about <strong>${r.company}</strong>:</p>
            <blockquote>${r.text}</blockquote>
            <p>Deleting removes these words from your log, from what we read from them (themes, high points, the analysis), and from your coach's theme counts. Your coach still sees that you replied, but not what you wrote. This cannot be undone.</p>
            <form method="post" action="${back}/reflections/${r.id}/delete"><button>Yes, delete this reply</button></form>
            <p><a href="${back}">No, keep it and go back to my log</a></p>`,
        ),
      );
    } catch (err) {
      if (isMissing(err)) return c.html(notFoundPage(back), 404);
      throw err;
    }
  })
  .post("/log/:token/reflections/:id/delete", async (c) => {
    const candidate = await candidateOf(c);
    if (!candidate) return c.html(expiredPage, 404);
    const back = `/log/${c.req.param("token")}`;
    try {
      await deleteReflection(c.get("ctx"), candidate.id, c.req.param("id"), "log-page");
    } catch (err) {
      if (isMissing(err)) return c.html(notFoundPage(back), 404);
      throw err;
    }
    return c.redirect(`${back}?deleted=1`, 303);
  });
