import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  AppError,
  confirmSubscription,
  createPendingSubscription,
  declineSubscription,
  describePendingSubscription,
  enforceRateLimit,
} from "@rebound/core";
import { emailSchema, OUTCOMES, slugSchema, timezoneSchema } from "@rebound/domain";
import { html } from "hono/html";
import { clientIp } from "../client-ip.js";
import type { PlainRouteDoc } from "../documented.js";
import type { ApiEnv } from "../env.js";
import { errorResponses, json, validationHook } from "../errors.js";
import { page } from "../html-page.js";

const SubscribeSchema = z
  .object({
    program: z.uuid(),
    email: emailSchema,
    name: z.string().trim().min(1).max(120).optional(),
    company: z.string().trim().min(1).max(160),
    role: z.string().trim().min(1).max(160).optional(),
    outcome: z.enum(OUTCOMES).default("rejected"),
    timezone: timezoneSchema.optional(),
    cohort: slugSchema.optional(),
  })
  .strict()
  .openapi("SubscribeInput");

export const subscribeDocs: PlainRouteDoc[] = [
  {
    method: "get",
    path: "/v1/subscribe/confirm",
    summary: "The confirmation page of a signup (changes nothing; its button POSTs)",
    tags: ["public"],
    responses: { 200: { description: "A page with the confirm (or decline) button", type: "text/html" } },
  },
  {
    method: "post",
    path: "/v1/subscribe/confirm",
    summary: "Confirm (or decline) a signup: the confirmation page's button",
    tags: ["public"],
    request: { contentType: "application/x-www-form-urlencoded", description: "token, and action=confirm|decline" },
    responses: {
      200: { description: "Confirmed or declined (a page; JSON with Accept: application/json)", type: "text/html" },
      400: { description: "The link is not valid", type: "text/html" },
      404: { description: "The signup is no longer waiting (JSON)", type: "application/json" },
    },
  },
];

const notValid = (message: string) =>
  page(
    "Link not valid",
    html`<h1>This link is not valid</h1><p>${message}</p><p class="muted">You can sign up again from your careers team's page.</p>`,
  );

/**
 * Public signup with double opt-in. The email's link opens a page; only its button (a POST)
 * confirms, so a mail scanner that follows links confirms (or declines) nothing.
 */
export const subscribeRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "post",
      path: "/v1/subscribe",
      summary: "Public signup (double opt-in): sends a confirmation email",
      description:
        "Answers the same whether the address is new, pending, known or suppressed. Limited per IP and per address (429 with Retry-After); a pending address gets at most one more confirmation email per hour.",
      tags: ["public"],
      request: { body: { required: true, content: { "application/json": { schema: SubscribeSchema } } } },
      responses: {
        202: json(z.object({ status: z.literal("confirmation_sent") }), "Check your inbox"),
        ...errorResponses,
        429: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "Too many signups"),
      },
    }),
    async (c) => {
      const ctx = c.get("ctx");
      const input = c.req.valid("json");
      await enforceRateLimit(ctx, "subscribe-ip", clientIp(c));
      await enforceRateLimit(ctx, "subscribe-address", input.email);
      const program = await ctx.db.program.findUnique({ where: { id: input.program } });
      if (!program) throw new AppError(404, "not_found", "program not found");
      const cohort = input.cohort
        ? await ctx.db.cohort.findUnique({ where: { programId_slug: { programId: program.id, slug: input.cohort } } })
        : null;
      if (input.cohort && (!cohort || cohort.archivedAt))
        throw new AppError(404, "not_found", `cohort '${input.cohort}' not found`);
      const referer = c.req.header("referer");
      await createPendingSubscription(ctx, {
        programId: program.id,
        email: input.email,
        name: input.name ?? null,
        company: input.company,
        role: input.role ?? null,
        outcome: input.outcome,
        ...(input.timezone ? { timezone: input.timezone } : {}),
        cohortId: cohort?.id ?? null,
        source: "web",
        consentSource: referer ? `signup page ${referer.split("?")[0]}` : "signup API",
      });
      // The same answer whether or not the address is new, pending or suppressed: signups reveal nothing.
      return c.json({ status: "confirmation_sent" as const }, 202);
    },
  )
  .get("/v1/subscribe/confirm", async (c) => {
    const ctx = c.get("ctx");
    const token = c.req.query("token") ?? "";
    const decline = c.req.query("decline") === "1";
    c.header("Cache-Control", "no-store");
    let pending: Awaited<ReturnType<typeof describePendingSubscription>>;
    try {
      pending = await describePendingSubscription(ctx, token);
    } catch (err) {
      if (err instanceof AppError) return c.html(notValid(err.message), err.status === 404 ? 404 : 400);
      throw err;
    }
    if (pending.confirmed) {
      return c.html(
        page("Already confirmed", html`<h1>You are all set</h1><p>Your coaching emails are on their way.</p>`),
      );
    }
    const action = decline ? "decline" : "confirm";
    return c.html(
      page(
        decline ? "Not you?" : "Confirm your coaching emails",
        decline
          ? html`<h1>Not you?</h1><p>Someone entered this address to get coaching emails from ${pending.programName}. Press the button and we will not write to it again.</p>
            <form method="post" action="/v1/subscribe/confirm"><input type="hidden" name="token" value="${token}"><input type="hidden" name="action" value="decline"><button type="submit">This was not me</button></form>`
          : html`<h1>Confirm your coaching emails</h1><p>${pending.programName} would send you a short series of coaching emails after your interview at ${pending.company}. Each asks one question you answer by replying; you can pause or stop at any time.</p>
            <form method="post" action="/v1/subscribe/confirm"><input type="hidden" name="token" value="${token}"><input type="hidden" name="action" value="${action}"><button type="submit">Yes, start my coaching</button></form>
            <p class="muted">Not expecting this? Close this page: nothing happens without the button.</p>`,
      ),
    );
  })
  .post("/v1/subscribe/confirm", async (c) => {
    const ctx = c.get("ctx");
    const form = await c.req.parseBody();
    const token = typeof form.token === "string" ? form.token : "";
    const action = form.action === "decline" ? "decline" : "confirm";
    // The page's button gets a page; a program calling this with Accept: application/json gets JSON.
    const wantsJson = (c.req.header("accept") ?? "").includes("application/json");
    c.header("Cache-Control", "no-store");
    try {
      if (action === "decline") {
        await declineSubscription(ctx, token);
        if (wantsJson) return c.json({ status: "declined" }, 200);
        return c.html(
          page("Done", html`<h1>Done</h1><p>We will not write to this address again about this signup.</p>`),
        );
      }
      const result = await confirmSubscription(ctx, token);
      if (wantsJson) return c.json({ status: result.alreadyConfirmed ? "already_confirmed" : "confirmed" }, 200);
      return c.html(
        page(
          "Confirmed",
          html`<h1>${result.alreadyConfirmed ? "You are all set" : "Thank you: you are in"}</h1><p>Your first coaching email arrives shortly. Reply to any of them to add to your interview log.</p>`,
        ),
      );
    } catch (err) {
      if (!wantsJson && err instanceof AppError && err.status < 500) return c.html(notValid(err.message), 400);
      throw err;
    }
  });
