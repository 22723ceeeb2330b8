import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { actOnCandidate, candidateTimeline, ERASURE_KEEPS, listCandidates } from "@rebound/core";
import type { AdminEnv } from "../../admin/env.js";
import { adminSecurity, canRead, canWrite } from "../../admin/session.js";
import { ErrorSchema, validationHook } from "../../errors.js";
import { jsonOf, adminErrors, candidateParams, cohortParams, iso } from "./schemas.js";

const STATUSES = ["active", "paused", "unsubscribed", "bounced", "complained", "erased"] as const;

const CandidateRowSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    status: z.string(),
    step: z.string().nullable(),
    track: z.string().nullable(),
    lastReplyAt: z.string().nullable(),
    replies: z.number(),
    themes: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi("AdminCandidateRow");

const EmailEventSchema = z.object({
  type: z.literal("email"),
  at: z.string(),
  id: z.string(),
  kind: z.string(),
  step: z.string(),
  status: z.string(),
  subject: z.string().nullable(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  bouncedAt: z.string().nullable(),
  complainedAt: z.string().nullable(),
  error: z.string().nullable(),
  preview: z.object({ html: z.string(), text: z.string() }).nullable(),
});
const ReflectionEventSchema = z.object({
  type: z.literal("reflection"),
  at: z.string(),
  id: z.string(),
  step: z.string(),
  prompt: z.string(),
  text: z.string().nullable(),
  themes: z.array(z.string()),
  evidence: z.array(z.object({ theme: z.string(), phrases: z.array(z.string()) })),
  distress: z.boolean(),
  distressEvidence: z.array(z.string()),
  fromOther: z.boolean(),
});

const TimelineSchema = z
  .object({
    candidate: z.object({
      id: z.string(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      status: z.string(),
      timezone: z.string(),
      pausedUntil: z.string().nullable(),
      createdAt: z.string(),
      erasedAt: z.string().nullable(),
      cohort: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
    }),
    interviews: z.array(
      z.object({
        id: z.string(),
        company: z.string(),
        role: z.string().nullable(),
        outcome: z.string(),
        offerAt: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    enrollments: z.array(
      z.object({
        id: z.string(),
        track: z.string(),
        status: z.string(),
        nextStep: z.string().nullable(),
        nextDueAt: z.string().nullable(),
        stopReason: z.string().nullable(),
      }),
    ),
    events: z.array(z.discriminatedUnion("type", [EmailEventSchema, ReflectionEventSchema])),
    erasureKeeps: z.string(),
  })
  .openapi("CandidateTimeline");

const ListQuery = z.object({
  q: z.string().max(120).optional(),
  status: z.enum(STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const adminCandidatesRoutes = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/cohorts/{cohortId}/candidates",
      summary: "A cohort's candidates: search by name or address, filter by status, 25 a page",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      request: { params: cohortParams, query: ListQuery },
      responses: {
        200: jsonOf(
          z.object({
            candidates: z.array(CandidateRowSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          "A page of candidates",
        ),
        ...adminErrors,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const res = await listCandidates(c.get("ctx").db, c.get("programId"), c.req.valid("param").cohortId, {
        ...(q.q ? { q: q.q } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.page ? { page: q.page } : {}),
      });
      return c.json(
        {
          ...res,
          candidates: res.candidates.map((r) => ({
            ...r,
            lastReplyAt: iso(r.lastReplyAt),
            createdAt: r.createdAt.toISOString(),
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/api/candidates/{candidateId}",
      summary: "A candidate's timeline: every email (status, preview) and every reflection (themes, evidence)",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canRead] as const,
      request: { params: candidateParams },
      responses: { 200: jsonOf(TimelineSchema, "Timeline"), ...adminErrors },
    }),
    async (c) => {
      const t = await candidateTimeline(c.get("ctx").db, c.get("programId"), c.req.valid("param").candidateId);
      return c.json(
        {
          candidate: {
            ...t.candidate,
            pausedUntil: iso(t.candidate.pausedUntil),
            createdAt: t.candidate.createdAt.toISOString(),
            erasedAt: iso(t.candidate.erasedAt),
          },
          interviews: t.interviews.map((i) => ({
            ...i,
            offerAt: iso(i.offerAt),
            createdAt: i.createdAt.toISOString(),
          })),
          enrollments: t.enrollments.map((e) => ({ ...e, nextDueAt: iso(e.nextDueAt) })),
          events: t.events.map((e) =>
            e.type === "email"
              ? {
                  ...e,
                  at: e.at.toISOString(),
                  sentAt: iso(e.sentAt),
                  deliveredAt: iso(e.deliveredAt),
                  openedAt: iso(e.openedAt),
                  bouncedAt: iso(e.bouncedAt),
                  complainedAt: iso(e.complainedAt),
                }
              : { ...e, at: e.at.toISOString() },
          ),
          erasureKeeps: ERASURE_KEEPS,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/admin/api/candidates/{candidateId}/actions",
      summary: "Pause, resume, unsubscribe or erase a candidate (erasure needs confirm: true)",
      tags: ["admin"],
      security: adminSecurity,
      middleware: [canWrite] as const,
      request: {
        params: candidateParams,
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z
                .object({
                  action: z.enum(["pause", "resume", "unsubscribe", "erase"]),
                  confirm: z.boolean().optional(),
                })
                .strict()
                .openapi("CandidateAction"),
            },
          },
        },
      },
      responses: {
        200: jsonOf(z.object({ status: z.string() }), "Done; the candidate's status after it"),
        ...adminErrors,
        409: jsonOf(ErrorSchema, "Not possible in the candidate's status (e.g. resuming an unsubscribed one)"),
      },
    }),
    async (c) => {
      const ctx = c.get("ctx");
      const { action, confirm } = c.req.valid("json");
      const id = c.req.valid("param").candidateId;
      const status = await actOnCandidate(ctx, c.get("programId"), id, action, `admin:${c.get("admin").userId}`, {
        confirmed: confirm === true,
      });
      return c.json({ status }, 200);
    },
  );
