import { randomBytes } from "node:crypto";
import type { Config } from "@rebound/config";
import type { Db } from "@rebound/db";
import { emailSchema } from "@rebound/domain";
import { createApiKey, hashSecret } from "./api-keys.js";
import { AppError } from "./errors.js";

const MAGIC_LINK_TTL_MS = 24 * 3600_000;

export async function createProgram(
  db: Db,
  config: Pick<Config, "PUBLIC_URL">,
  input: { name: string; adminEmail: string },
): Promise<{ programId: string; apiKey: string; adminLoginUrl: string }> {
  const name = input.name.trim();
  if (!name || name.length > 120) throw new AppError(400, "invalid_name", "program name must be 1-120 characters");
  const email = emailSchema.safeParse(input.adminEmail);
  if (!email.success) throw new AppError(400, "invalid_email", "admin email must be a valid email address");
  const program = await db.$transaction(async (tx) => {
    const p = await tx.program.create({ data: { name } });
    const admin = await tx.adminUser.upsert({
      where: { email: email.data },
      create: { email: email.data },
      update: {},
    });
    await tx.membership.create({ data: { programId: p.id, adminUserId: admin.id, role: "owner" } });
    await tx.auditLog.create({
      data: { programId: p.id, actor: "cli", action: "program.created", data: { admin: email.data } },
    });
    return { id: p.id, adminId: admin.id };
  });
  const { apiKey } = await createApiKey(db, program.id, "default", "cli");
  const token = randomBytes(32).toString("base64url");
  await db.adminSession.create({
    data: {
      adminUserId: program.adminId,
      tokenHash: hashSecret(token),
      kind: "magic-link",
      expiresAt: new Date(Date.now() + MAGIC_LINK_TTL_MS),
    },
  });
  return { programId: program.id, apiKey, adminLoginUrl: `${config.PUBLIC_URL}/admin/login?token=${token}` };
}

export async function createCohort(db: Db, programId: string, input: { slug: string; name: string }) {
  const existing = await db.cohort.findUnique({ where: { programId_slug: { programId, slug: input.slug } } });
  if (existing) throw new AppError(409, "cohort_exists", `cohort '${input.slug}' already exists`);
  return db.cohort.create({ data: { programId, slug: input.slug, name: input.name } });
}
