import { loadConfigOrExit } from "@rebound/config";
import { ensureDatabase } from "./ensure-database.js";
import { applyMigrations } from "./schema-engine.js";

// `pnpm db:migrate`: creates the database when missing, then applies pending migrations.
const config = loadConfigOrExit(undefined, { secret: "ephemeral" });
await ensureDatabase(config.DATABASE_URL);
const applied = await applyMigrations(config.DATABASE_URL);
console.log(
  applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database is up to date",
);
