import { loadConfigOrExit } from "@rebound/config";
import { createCohort, createProgram } from "@rebound/core";
import { createDb } from "@rebound/db";

// `pnpm db:seed`: a demo program with one cohort, printed so the operator can use the key.
const config = loadConfigOrExit();
const db = createDb(config.DATABASE_URL, { max: 2 });
try {
  const program = await createProgram(db, config, {
    name: "Demo Career Centre",
    adminEmail: "admin@rebound.localhost",
  });
  const cohort = await createCohort(db, program.programId, { slug: "demo", name: "Demo cohort" });
  process.stdout.write(`${JSON.stringify({ ...program, cohort: cohort.slug }, null, 2)}\n`);
} finally {
  await db.$disconnect();
}
