import type { Config } from "@rebound/config";
import type { Db } from "@rebound/db";
import { emailSchema } from "@rebound/domain";
import { issueLoginLink } from "./admin/admin-mail.js";
import { createApiKey } from "./api-keys.js";
import { audit } from "./audit.js";
import { AppError } from "./errors.js";

/**
 * A new program (better-auth's organization) with its first owner and an API key. The owner's
 * `adminLoginUrl` is a single-use magic link (an hour) that signs them in and leads them to set
 * a password; an existing admin keeps their account and gains the membership.
 */
export async function createProgram(
  db: Db,
  config: Pick<Config, "PUBLIC_URL" | "APP_SECRET" | "NODE_ENV" | "ADMIN_DEV_URL">,
  input: { name: string; adminEmail: string },
): Promise<{ programId: string; apiKey: string; adminLoginUrl: string }> {
  const name = input.name.trim();
  if (!name || name.length > 120) throw new AppError(400, "invalid_name", "program name must be 1-120 characters");
  const email = emailSchema.safeParse(input.adminEmail);
  if (!email.success) throw new AppError(400, "invalid_email", "admin email must be a valid email address");
  const programId = await db.$transaction(async (tx) => {
    const p = await tx.program.create({ data: { name } });
    const admin = await tx.adminUser.upsert({
      where: { email: email.data },
      create: { email: email.data, emailVerified: true },
      update: {},
    });
    await tx.membership.create({ data: { programId: p.id, adminUserId: admin.id, role: "owner" } });
    await audit(tx, { programId: p.id, actor: "cli", action: "program.created", data: { admin: email.data } });
    return p.id;
  });
  const { apiKey } = await createApiKey(db, programId, "default", "cli");
  const adminLoginUrl = await issueLoginLink({ db, config }, email.data, "/admin/welcome");
  return { programId, apiKey, adminLoginUrl };
}

export async function createCohort(db: Db, programId: string, input: { slug: string; name: string }) {
  const existing = await db.cohort.findUnique({ where: { programId_slug: { programId, slug: input.slug } } });
  if (existing) throw new AppError(409, "cohort_exists", `cohort '${input.slug}' already exists`);
  return db.cohort.create({ data: { programId, slug: input.slug, name: input.name } });
}
