import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getOutboxEmail, listOutbox, simulateReply } from "@rebound/core";
import { emailSchema } from "@rebound/domain";
import type { AdminEnv } from "../../admin/env.js";
import { adminSecurity, canRead, canWrite } from "../../admin/session.js";
import { ErrorSchema, validationHook } from "../../errors.js";
import { jsonOf, adminErrors, emailParams } from "./schemas.js";

const OutboxRowSchema = z
  .object({
    id: z.string(),
    toAddress: z.string(),
    fromAddress: z.string(),
    subject: z.string(),
    step: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("OutboxRow");

const OutboxEmailSchema = z
  .object({
    id: z.string(),
    messageId: z.string().nullable(),
    toAddress: z.string(),
    fromAddress: z.string(),
    replyTo: z.string().nullable(),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    createdAt: z.string(),
  })
  .openapi("OutboxEmail");

const notHere = { 404: jsonOf(ErrorSchema, "Not found, or no outbox (RESEND_API_KEY is set)") };

/** The local outbox (development, no RESEND_API_KEY): the program's stored mail, and replies simulated through the real inbound path. */
export const adminOutboxRoutes = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/outbox",
      summary: "The local outbox: emails stored instead of sent (only while RESEND_API_KEY is unset)",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      request: {
        query: z.object({
          q: z.string().max(120).optional(),
          page: z.coerce.number().int().min(1).max(10_000).optional(),
        }),
      },
      responses: {
        200: jsonOf(
          z.object({ emails: z.array(OutboxRowSchema), total: z.number(), page: z.number(), pageSize: z.number() }),
          "Emails, newest first",
        ),
        ...adminErrors,
        ...notHere,
      },
    }),
    async (c) => {
      const { db, config } = c.get("ctx");
      const q = c.req.valid("query");
      const res = await listOutbox(db, config, c.get("programId"), {
        ...(q.q ? { q: q.q } : {}),
        ...(q.page ? { page: q.page } : {}),
      });
      return c.json({ ...res, emails: res.emails.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/outbox/{emailId}",
      summary: "One stored email, as HTML and as text",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      request: { params: emailParams },
      responses: { 200: jsonOf(OutboxEmailSchema, "The email"), ...adminErrors, ...notHere },
    }),
    async (c) => {
      const { db, config } = c.get("ctx");
      const e = await getOutboxEmail(db, config, c.get("programId"), c.req.valid("param").emailId);
      return c.json(
        {
          id: e.id,
          messageId: e.messageId,
          toAddress: e.toAddress,
          fromAddress: e.fromAddress,
          replyTo: e.replyTo,
          subject: e.subject,
          html: e.html,
          text: e.text,
          createdAt: e.createdAt.toISOString(),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/admin/api/outbox/{emailId}/reply",
      summary: "Simulate the recipient's reply: a raw message to the email's Reply-To, through the real inbound path",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canWrite] as const,
      request: {
        params: emailParams,
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z
                .object({ text: z.string().min(1).max(20_000), from: emailSchema.optional() })
                .strict()
                .openapi("SimulatedReply"),
            },
          },
        },
      },
      responses: {
        202: jsonOf(z.object({ inboundId: z.string(), duplicate: z.boolean() }), "Queued for the inbound worker"),
        ...adminErrors,
        ...notHere,
        409: jsonOf(ErrorSchema, "The email takes no replies"),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const res = await simulateReply(c.get("ctx"), c.get("programId"), c.req.valid("param").emailId, {
        text: body.text,
        ...(body.from ? { from: body.from } : {}),
      });
      return c.json(res, 202);
    },
  );
