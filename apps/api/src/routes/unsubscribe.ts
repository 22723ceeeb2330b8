import { AppError, stopCandidate } from "@rebound/core";
import { verifyToken } from "@rebound/domain";
import { Hono } from "hono";
import { html } from "hono/html";
import type { PlainRouteDoc } from "../documented.js";
import type { ApiEnv } from "../env.js";
import { page } from "../html-page.js";

function candidateFor(c: { get(k: "ctx"): ApiEnv["Variables"]["ctx"] }, token: string): string | null {
  const ctx = c.get("ctx");
  const check = verifyToken("unsubscribe", token, ctx.config.APP_SECRET, ctx.clock.now());
  return check.ok ? check.value.subject : null;
}

export const unsubscribeDocs: PlainRouteDoc[] = [
  {
    method: "get",
    path: "/unsubscribe/:token",
    summary: "The unsubscribe page (changes nothing; its button POSTs)",
    tags: ["public"],
    responses: {
      200: { description: "A page with one button", type: "text/html" },
      400: { description: "Link not valid", type: "text/html" },
    },
  },
  {
    method: "post",
    path: "/unsubscribe/:token",
    summary: "Unsubscribe: RFC 8058 one-click from mail clients, or the page's button",
    tags: ["public"],
    responses: {
      200: { description: "Unsubscribed (HTML for browsers, JSON otherwise)", type: "application/json" },
      400: { description: "Token not valid", type: "application/json" },
    },
  },
];

/**
 * GET shows a page with one button (link scanners must not unsubscribe people);
 * POST unsubscribes: the RFC 8058 one-click request from mail clients, or that button.
 */
export const unsubscribeRoutes = new Hono<ApiEnv>()
  .get("/unsubscribe/:token", (c) => {
    const token = c.req.param("token");
    if (!candidateFor(c, token)) {
      return c.html(
        page(
          "Link not valid",
          html`<h1>Link not valid</h1><p>This unsubscribe link is not valid. If you keep getting emails, reply STOP to any of them.</p>`,
        ),
        400,
      );
    }
    return c.html(
      page(
        "Stop Rebound emails?",
        html`<h1>Stop Rebound emails?</h1><p>You will get no further coaching emails from this program.</p>
          <form method="post" action="/unsubscribe/${token}"><button type="submit">Unsubscribe</button></form>`,
      ),
    );
  })
  .post("/unsubscribe/:token", async (c) => {
    const candidateId = candidateFor(c, c.req.param("token"));
    if (!candidateId) throw new AppError(400, "invalid_token", "unsubscribe token is not valid");
    await stopCandidate(c.get("ctx"), candidateId, "unsubscribed", "unsubscribe-link");
    if ((c.req.header("accept") ?? "").includes("text/html")) {
      return c.html(
        page(
          "You are unsubscribed",
          html`<h1>You are unsubscribed</h1><p>No further emails will be sent. Good luck with your search.</p>`,
        ),
      );
    }
    return c.json({ status: "unsubscribed" }, 200);
  });
