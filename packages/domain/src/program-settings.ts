import { z } from "zod";
import { emailSchema } from "./schemas.js";

/** Text that goes into a mail header: no line breaks, no quotes or angle brackets to break out of it. */
const headerText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !/[\r\n"<>\\\p{Cc}]/u.test(v), "must be one line without quotes, backslashes or < >");

/** Free text shown in emails (a signature may have several lines). Empty means "none". */
const emailText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .transform((v) => (v === "" ? null : v));

/**
 * A program's settings as an admin changes them: every field optional (a PATCH), `null` clears
 * an optional one. Rules that need two fields (the window's start before its end) or the
 * deployment (a verified sender domain) are checked by the verb, on the merged result.
 */
export const programSettingsPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    /** Shown in the From header: "<senderName> via Rebound"; the program's name when null. */
    senderName: headerText(80).nullable(),
    /** The program's own address, on a domain configured as verified (VERIFIED_SENDER_DOMAINS). */
    fromEmail: emailSchema.nullable(),
    signature: emailText(600).nullable(),
    replyFooter: emailText(300).nullable(),
    sendWindowStart: z.number().int().min(0).max(23),
    sendWindowEnd: z.number().int().min(1).max(24),
    sendWeekdays: z
      .array(
        z
          .number()
          .int()
          .min(1, "weekdays are 1 (Monday) to 7 (Sunday)")
          .max(7, "weekdays are 1 (Monday) to 7 (Sunday)"),
      )
      .min(1, "pick at least one weekday")
      .max(7)
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    retentionMonths: z.number().int().min(1).max(120).nullable(),
  })
  .partial()
  .strict();
export type ProgramSettingsPatch = z.infer<typeof programSettingsPatchSchema>;
