import type { Config } from "@rebound/config";
import type { Db, Prisma } from "@rebound/db";
import { feedbackMailto, type ProgramSettingsPatch, type StepKey } from "@rebound/domain";
import { renderStepEmail } from "@rebound/emails";
import { type Actor, audit } from "./audit.js";
import { type BrandedProgram, brandOf, fromHeader, isVerifiedSender, verifiedSenderDomains } from "./branding.js";
import type { AppContext } from "./context.js";
import { AppError, notFound } from "./errors.js";

type SettingsConfig = Pick<Config, "MAIL_FROM" | "VERIFIED_SENDER_DOMAINS" | "PUBLIC_URL">;

const COLUMNS = {
  name: true,
  senderName: true,
  fromEmail: true,
  signature: true,
  replyFooter: true,
  sendWindowStart: true,
  sendWindowEnd: true,
  sendWeekdays: true,
  retentionMonths: true,
} as const;

export type ProgramSettingsRow = Prisma.ProgramGetPayload<{ select: typeof COLUMNS }>;

export interface ProgramSettings extends ProgramSettingsRow {
  /** The From header every email of the program carries now. */
  from: string;
  /** Domains a `fromEmail` may be on (MAIL_FROM's and VERIFIED_SENDER_DOMAINS). */
  verifiedDomains: string[];
}

const view = (config: SettingsConfig, row: ProgramSettingsRow): ProgramSettings => ({
  ...row,
  from: fromHeader(config, row),
  verifiedDomains: verifiedSenderDomains(config),
});

export async function getProgramSettings(db: Db, config: SettingsConfig, programId: string): Promise<ProgramSettings> {
  const row = await db.program.findUnique({ where: { id: programId }, select: COLUMNS });
  if (!row) throw notFound("program");
  return view(config, row);
}

/** The settings a patch would give, checked as a whole: what the schema cannot see alone. */
function merged(config: SettingsConfig, current: ProgramSettingsRow, patch: ProgramSettingsPatch): ProgramSettingsRow {
  const next = { ...current, ...patch } as ProgramSettingsRow;
  if (next.sendWindowStart >= next.sendWindowEnd) {
    throw new AppError(
      422,
      "invalid_send_window",
      `the send window must start before it ends (${next.sendWindowStart}:00 to ${next.sendWindowEnd}:00 is empty)`,
    );
  }
  if (patch.fromEmail && !isVerifiedSender(config, patch.fromEmail)) {
    throw new AppError(
      422,
      "sender_domain_not_verified",
      `${patch.fromEmail.slice(patch.fromEmail.lastIndexOf("@") + 1)} is not a verified sending domain; mail can come from ${verifiedSenderDomains(config).join(", ")} (ask the operator to verify yours with the mail provider and add it to VERIFIED_SENDER_DOMAINS)`,
    );
  }
  return next;
}

/**
 * Changes a program's settings and branding. Bad input changes nothing (an empty window, a
 * sender address on an unverified domain); the audit log keeps who changed what, from and to.
 * Emails use the new values from their next render: steps already sent keep their bytes.
 */
export async function updateProgramSettings(
  ctx: Pick<AppContext, "db" | "config">,
  programId: string,
  patch: ProgramSettingsPatch,
  actor: Actor,
): Promise<ProgramSettings> {
  return ctx.db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Program" WHERE id = ${programId}::uuid FOR UPDATE`;
    if (!locked) throw notFound("program");
    const current = (await tx.program.findUnique({ where: { id: programId }, select: COLUMNS })) as ProgramSettingsRow;
    const next = merged(ctx.config, current, patch);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(patch) as (keyof ProgramSettingsRow)[]) {
      if (JSON.stringify(current[key]) !== JSON.stringify(next[key]))
        changes[key] = { from: current[key], to: next[key] };
    }
    if (Object.keys(changes).length === 0) return view(ctx.config, current);
    const data = Object.fromEntries(Object.keys(changes).map((k) => [k, next[k as keyof ProgramSettingsRow]]));
    await tx.program.update({ where: { id: programId }, data });
    await audit(tx, {
      programId,
      actor,
      action: "settings.updated",
      targetType: "program",
      targetId: programId,
      data: changes as Prisma.InputJsonValue,
    });
    return view(ctx.config, next);
  });
}

/** Sample recipient of the settings page's preview: nobody's real data. */
const SAMPLE = { firstName: "Maya", company: "Northwind", role: "Product Designer" };

/**
 * A drip email as the program's candidates would get it, with its settings, or with changes not
 * saved yet (the settings page shows them before saving): the From header, subject, HTML and text.
 */
export async function previewProgramEmail(
  ctx: Pick<AppContext, "db" | "config">,
  programId: string,
  step: StepKey,
  draft: ProgramSettingsPatch = {},
): Promise<{ from: string; subject: string; html: string; text: string }> {
  const current = await ctx.db.program.findUnique({ where: { id: programId }, select: COLUMNS });
  if (!current) throw notFound("program");
  const next: BrandedProgram = merged(ctx.config, current, draft);
  const brand = brandOf(ctx.config, next);
  const base = `${ctx.config.PUBLIC_URL}/preview`;
  const rendered = await renderStepEmail(
    step,
    {
      ...SAMPLE,
      feedbackMailto: feedbackMailto({
        candidateName: "Maya Chen",
        company: SAMPLE.company,
        role: SAMPLE.role,
        interviewer: null,
      }),
      unsubscribeUrl: `${base}/unsubscribe`,
      preferencesUrl: `${base}/preferences`,
      logUrl: `${base}/log`,
    },
    brand,
  );
  return { from: brand.from, ...rendered };
}
