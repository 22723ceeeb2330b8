import { z } from "zod";
import { isValidTimeZone } from "./send-window.js";
import { OUTCOMES } from "./tracks.js";

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .email("must be a valid email address")
  .transform((v) => v.toLowerCase());

export const timezoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, "must be an IANA time zone such as Europe/Paris");

export const slugSchema = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and dashes");

export const interviewInputSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1).max(120).optional(),
    timezone: timezoneSchema.optional(),
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, "must be a locale such as en or en-GB")
      .optional(),
    company: z.string().trim().min(1).max(160),
    role: z.string().trim().min(1).max(160).optional(),
    interviewer: z.string().trim().min(1).max(120).optional(),
    interviewedAt: z.iso.datetime({ offset: true }).optional(),
    outcome: z.enum(OUTCOMES),
    cohort: slugSchema.optional(),
  })
  .strict();
export type InterviewInput = z.infer<typeof interviewInputSchema>;

export const cohortInputSchema = z.object({ slug: slugSchema, name: z.string().trim().min(1).max(120) }).strict();
export type CohortInput = z.infer<typeof cohortInputSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
