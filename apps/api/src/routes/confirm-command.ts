import { AppError, confirmCommand, enforceRateLimit, readCommandToken } from "@rebound/core";
import { Hono } from "hono";
import { html } from "hono/html";
import { clientIp } from "../client-ip.js";
import type { PlainRouteDoc } from "../documented.js";
import type { ApiEnv } from "../env.js";
import { page } from "../html-page.js";

const WHAT: Record<string, string> = {
  stop: "stop all Rebound emails to you",
  pause: "pause your Rebound emails for a week",
  offer: "record that you got the job and end this coaching track",
};

export const confirmCommandDocs: PlainRouteDoc[] = [
  {
    method: "get",
    path: "/confirm-command/:token",
    summary: "A page asking the candidate to confirm a command that came from another address (changes nothing)",
    tags: ["public"],
    responses: {
      200: { description: "The page with the button", type: "text/html" },
      400: { description: "Link not valid", type: "text/html" },
    },
  },
  {
    method: "post",
    path: "/confirm-command/:token",
    summary: "The candidate confirms the command (the page's button)",
    tags: ["public"],
    responses: {
      200: { description: "Done", type: "text/html" },
      400: { description: "Link not valid", type: "text/html" },
    },
  },
];

const invalid = (message: string) => page("Link not valid", html`<h1>This link is not valid</h1><p>${message}</p>`);

/** A STOP, PAUSE or OFFER from another address takes effect only when the candidate confirms it here. */
export const confirmCommandRoutes = new Hono<ApiEnv>()
  .get("/confirm-command/:token", async (c) => {
    const ctx = c.get("ctx");
    await enforceRateLimit(ctx, "public", clientIp(c));
    c.header("Cache-Control", "no-store");
    const token = c.req.param("token");
    try {
      const { command } = readCommandToken(ctx, token);
      return c.html(
        page(
          "Please confirm",
          html`<h1>Please confirm</h1><p>A reply from another address asked us to ${WHAT[command]}. Press the button if that was you.</p>
            <form method="post" action="/confirm-command/${token}"><button type="submit">Yes, that was me</button></form>
            <p class="muted">If it was not you, close this page: nothing changes.</p>`,
        ),
      );
    } catch (err) {
      if (err instanceof AppError) return c.html(invalid(err.message), 400);
      throw err;
    }
  })
  .post("/confirm-command/:token", async (c) => {
    const ctx = c.get("ctx");
    await enforceRateLimit(ctx, "public", clientIp(c));
    c.header("Cache-Control", "no-store");
    try {
      const command = await confirmCommand(ctx, c.req.param("token"));
      return c.html(page("Done", html`<h1>Done</h1><p>We will ${WHAT[command]}, as you asked.</p>`));
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return c.html(invalid(err.message), 400);
      throw err;
    }
  });
