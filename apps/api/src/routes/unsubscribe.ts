import { stopCandidate } from "@rebound/core";
import { verifyToken } from "@rebound/domain";
import { Hono } from "hono";
import { html } from "hono/html";
import type { ApiEnv } from "../env.js";
import { page } from "../html-page.js";

function candidateFor(c: { get(k: "ctx"): ApiEnv["Variables"]["ctx"] }, token: string): string | null {
  const ctx = c.get("ctx");
  const check = verifyToken("unsubscribe", token, ctx.config.APP_SECRET, ctx.clock.now());
  return check.ok ? check.value.subject : null;
}

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
    if (!candidateId)
      return c.json({ error: { code: "invalid_token", message: "unsubscribe token is not valid" } }, 400);
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
