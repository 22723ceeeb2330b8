import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { AppError, confirmSubscription, createPendingSubscription, declineSubscription } from "@rebound/core";
import { emailSchema, OUTCOMES, slugSchema, timezoneSchema } from "@rebound/domain";
import type { ApiEnv } from "../env.js";
import { ErrorSchema, errorResponses, validationHook } from "../errors.js";

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

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });

export const subscribeRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "post",
      path: "/v1/subscribe",
      summary: "Public signup (double opt-in): sends a confirmation email",
      request: { body: { required: true, content: { "application/json": { schema: SubscribeSchema } } } },
      responses: {
        202: json(z.object({ status: z.literal("confirmation_sent") }), "Check your inbox"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = c.get("ctx");
      const input = c.req.valid("json");
      const program = await ctx.db.program.findUnique({ where: { id: input.program } });
      if (!program) throw new AppError(404, "not_found", "program not found");
      const cohort = input.cohort
        ? await ctx.db.cohort.findUnique({ where: { programId_slug: { programId: program.id, slug: input.cohort } } })
        : null;
      if (input.cohort && !cohort) throw new AppError(404, "not_found", `cohort '${input.cohort}' not found`);
      await createPendingSubscription(ctx, {
        ...input,
        programId: program.id,
        cohortId: cohort?.id ?? null,
        source: "web",
      });
      // The same answer whether or not the address is suppressed: signups reveal nothing.
      return c.json({ status: "confirmation_sent" as const }, 202);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/subscribe/confirm",
      summary: "Confirm a signup from the link in the confirmation email",
      request: { query: z.object({ token: z.string().min(10).max(300), decline: z.literal("1").optional() }) },
      responses: {
        200: json(z.object({ status: z.string() }), "Confirmed (or declined)"),
        ...errorResponses,
        409: json(ErrorSchema, "Address cannot be enrolled"),
      },
    }),
    async (c) => {
      const { token, decline } = c.req.valid("query");
      if (decline) {
        await declineSubscription(c.get("ctx"), token);
        return c.json({ status: "declined" }, 200);
      }
      const result = await confirmSubscription(c.get("ctx"), token);
      return c.json({ status: result.alreadyConfirmed ? "already_confirmed" : "confirmed" }, 200);
    },
  );
