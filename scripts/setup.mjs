// Local set-up, run by `pnpm dev` and `pnpm start`: generate the Prisma client,
// create and migrate the database, and check Redis, with one clear line on failure.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";

// Same rule as the apps: a .env at the root fills in what the environment does not set.
if (existsSync(".env")) process.loadEnvFile(".env");

const run = (cmd) => execSync(cmd, { stdio: "inherit" });

function reachable(url, fallbackPort) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname, port: Number(u.port || fallbackPort) });
    socket.setTimeout(2000);
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

const dbUrl = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/rebound";
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
if (!(await reachable(dbUrl, 5432))) {
  console.error(
    `PostgreSQL is not reachable at ${new URL(dbUrl).host}: start it (see README, "Services") or set DATABASE_URL.`,
  );
  process.exit(1);
}
if (!(await reachable(redisUrl, 6379))) {
  console.error(
    `Redis is not reachable at ${new URL(redisUrl).host}: start it (see README, "Services") or set REDIS_URL.`,
  );
  process.exit(1);
}
run("pnpm --silent db:generate");
run("pnpm --silent db:migrate");
