import type { Config } from "@rebound/config";
import { AppError, createCohort, createProgram } from "@rebound/core";
import type { Db } from "@rebound/db";
import { cohortInputSchema, isUuid } from "@rebound/domain";
import { parseFlags, required, UsageError } from "./args.js";

export const USAGE = `usage:
  pnpm cli program create --name NAME --admin EMAIL
  pnpm cli cohort create --program PROGRAM_ID --slug SLUG --name NAME`;

/** Runs one operator command and returns what to print as JSON. */
export async function runCommand(db: Db, config: Config, argv: string[]): Promise<unknown> {
  const [noun, verb, ...rest] = argv;
  if (noun === "program" && verb === "create") {
    const flags = parseFlags(rest, ["name", "admin"]);
    return createProgram(db, config, { name: required(flags, "name"), adminEmail: required(flags, "admin") });
  }
  if (noun === "cohort" && verb === "create") {
    const flags = parseFlags(rest, ["program", "slug", "name"]);
    const programId = required(flags, "program");
    if (!isUuid(programId)) throw new UsageError("--program must be a program id (uuid)");
    const input = cohortInputSchema.safeParse({ slug: required(flags, "slug"), name: required(flags, "name") });
    if (!input.success)
      throw new UsageError(
        `invalid cohort: ${input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    if (!(await db.program.findUnique({ where: { id: programId } })))
      throw new AppError(404, "not_found", "program not found");
    const cohort = await createCohort(db, programId, input.data);
    return { cohortId: cohort.id, programId, slug: cohort.slug, name: cohort.name };
  }
  throw new UsageError(`unknown command '${argv.slice(0, 2).join(" ")}'`);
}
