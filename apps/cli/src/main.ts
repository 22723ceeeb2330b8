import { loadConfigOrExit } from "@rebound/config";
import { AppError } from "@rebound/core";
import { createDb } from "@rebound/db";
import { UsageError } from "./args.js";
import { runCommand, USAGE } from "./commands.js";

const config = loadConfigOrExit();
const db = createDb(config.DATABASE_URL, { max: 2 });
let code = 0;
try {
  const out = await runCommand(db, config, process.argv.slice(2));
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} catch (err) {
  code = err instanceof UsageError ? 2 : 1;
  const message = err instanceof UsageError || err instanceof AppError ? err.message : String(err);
  process.stderr.write(`error: ${message}\n${err instanceof UsageError ? `${USAGE}\n` : ""}`);
} finally {
  await db.$disconnect();
}
process.exit(code);
