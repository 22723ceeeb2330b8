import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { eraseCandidate, pauseCandidate, resumeCandidate } from "@rebound/core";
import { requireApiKey } from "../auth.js";
import { ownCandidate } from "../own-candidate.js";
import type { ApiEnv } from "../env.js";
import { errorResponses, json, validationHook } from "../errors.js";

// Any id string is accepted here; a malformed id is simply not found (404), like another program's.
const params = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});

const CandidateSchema = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    timezone: z.string(),
    locale: z.string(),
    status: z.string(),
    pausedUntil: z.string().nullable(),
    cohort: z.string().nullable(),
    createdAt: z.string(),
    interviews: z.array(
      z.object({
        id: z.string(),
        company: z.string(),
        role: z.string().nullable(),
        outcome: z.string(),
        createdAt: z.string(),
      }),
    ),
    enrollments: z.array(
      z.object({
        id: z.string(),
        interviewId: z.string(),
        track: z.string(),
        status: z.string(),
        nextStep: z.string().nullable(),
        nextDueAt: z.string().nullable(),
        stopReason: z.string().nullable(),
      }),
    ),
    messages: z.array(
      z.object({
        id: z.string(),
        enrollmentId: z.string().nullable(),
        kind: z.string(),
        step: z.string(),
        status: z.string(),
        subject: z.string().nullable(),
        dueAt: z.string(),
        sentAt: z.string().nullable(),
        deliveredAt: z.string().nullable(),
        bouncedAt: z.string().nullable(),
        complainedAt: z.string().nullable(),
        openedAt: z.string().nullable(),
      }),
    ),
  })
  .openapi("Candidate");

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const getRoute = createRoute({
  method: "get",
  path: "/v1/candidates/{id}",
  summary: "A candidate: profile, status, interviews, enrolments and messages with delivery status",
  security: [{ bearer: [] }],
  middleware: [requireApiKey] as const,
  request: { params },
  responses: { 200: json(CandidateSchema, "The candidate"), ...errorResponses },
});

const action = (method: "post" | "delete", path: string, summary: string) =>
  createRoute({
    method,
    path,
    summary,
    security: [{ bearer: [] }],
    middleware: [requireApiKey] as const,
    request: {
      params,
      ...(path.endsWith("/pause")
        ? {
            body: {
              required: false,
              content: {
                "application/json": {
                  schema: z.object({ days: z.number().int().min(1).max(365).optional() }).strict(),
                },
              },
            },
          }
        : {}),
    },
    responses: { 200: json(z.object({ id: z.string(), status: z.string() }), "Done"), ...errorResponses },
  });

export const candidatesRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    const own = await ownCandidate(c, id);
    const db = c.get("ctx").db;
    const [cohort, interviews, enrollments, messages] = await Promise.all([
      own.cohortId ? db.cohort.findUnique({ where: { id: own.cohortId }, select: { slug: true } }) : null,
      db.interview.findMany({ where: { candidateId: id }, orderBy: { createdAt: "asc" } }),
      db.enrollment.findMany({ where: { candidateId: id }, orderBy: { enrolledAt: "asc" } }),
      db.message.findMany({ where: { candidateId: id }, orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }] }),
    ]);
    const nextStepOf = (e: (typeof enrollments)[number]) =>
      messages.find((m) => m.enrollmentId === e.id && m.status === "scheduled")?.step ?? null;
    return c.json(
      {
        id: own.id,
        email: own.email,
        name: own.name,
        timezone: own.timezone,
        locale: own.locale,
        status: own.status,
        pausedUntil: iso(own.pausedUntil),
        cohort: cohort?.slug ?? null,
        createdAt: own.createdAt.toISOString(),
        interviews: interviews.map((i) => ({
          id: i.id,
          company: i.company,
          role: i.role,
          outcome: i.outcome,
          createdAt: i.createdAt.toISOString(),
        })),
        enrollments: enrollments.map((e) => ({
          id: e.id,
          interviewId: e.interviewId,
          track: e.track,
          status: e.status,
          nextStep: nextStepOf(e),
          nextDueAt: iso(e.nextDueAt),
          stopReason: e.stopReason,
        })),
        messages: messages.map((m) => ({
          id: m.id,
          enrollmentId: m.enrollmentId,
          kind: m.kind,
          step: m.step,
          status: m.status,
          subject: m.subject,
          dueAt: m.dueAt.toISOString(),
          sentAt: iso(m.sentAt),
          deliveredAt: iso(m.deliveredAt),
          bouncedAt: iso(m.bouncedAt),
          complainedAt: iso(m.complainedAt),
          openedAt: iso(m.openedAt),
        })),
      },
      200,
    );
  })
  .openapi(
    action("post", "/v1/candidates/{id}/pause", "Pause a candidate's emails (optionally for N days)"),
    async (c) => {
      const { id } = c.req.valid("param");
      await ownCandidate(c, id);
      const body = (c.req.valid("json" as never) ?? {}) as { days?: number };
      await pauseCandidate(c.get("ctx"), id, body.days ?? null, `api:${c.get("programId")}`);
      return c.json({ id, status: "paused" }, 200);
    },
  )
  .openapi(action("post", "/v1/candidates/{id}/resume", "Resume a paused candidate"), async (c) => {
    const { id } = c.req.valid("param");
    await ownCandidate(c, id);
    await resumeCandidate(c.get("ctx"), id, `api:${c.get("programId")}`);
    return c.json({ id, status: "active" }, 200);
  })
  .openapi(
    action("delete", "/v1/candidates/{id}", "Erase a candidate's personal data (aggregate counts are kept)"),
    async (c) => {
      const { id } = c.req.valid("param");
      await ownCandidate(c, id);
      await eraseCandidate(c.get("ctx"), id, `api:${c.get("programId")}`);
      return c.json({ id, status: "erased" }, 200);
    },
  );
