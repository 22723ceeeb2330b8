import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { adminAuth } from "@rebound/core";
import { createTestEnv, type TestEnv } from "@rebound/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const cliDir = join(dirname(fileURLToPath(import.meta.url)), "..");
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env?.close());

const cli = (args: string[]) =>
  run(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    cwd: cliDir,
    env: { ...process.env, ...env.childEnv },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe("pnpm cli", () => {
  it("program create prints programId, apiKey and adminLoginUrl, and the key works", async () => {
    const r = await cli(["program", "create", "--name", "Career Centre", "--admin", "Boss@Example.org"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { programId: string; apiKey: string; adminLoginUrl: string };
    expect(out.programId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.apiKey).toMatch(/^rb_live_/);
    expect(out.adminLoginUrl).toMatch(/^http:\/\/rebound\.test\/admin\/login\?token=/);
    const key = await env.ctx.db.apiKey.findFirstOrThrow({ where: { programId: out.programId } });
    expect(key.hash).not.toContain(out.apiKey); // stored hashed
    const admin = await env.ctx.db.adminUser.findUniqueOrThrow({
      where: { email: "boss@example.org" },
      include: { memberships: true },
    });
    expect(admin.memberships.map((m) => m.role)).toEqual(["owner"]);
    // The link is a better-auth magic link for that owner, leading to the set-password page; it works once.
    const login = new URL(out.adminLoginUrl);
    const token = login.searchParams.get("token") ?? "";
    expect(login.searchParams.get("next")).toBe("/admin/welcome");
    const verify = () => adminAuth(env.ctx).api.magicLinkVerify({ query: { token }, headers: new Headers() });
    const signedIn = await verify();
    expect(signedIn.user.email).toBe("boss@example.org");
    await expect(verify()).rejects.toThrow();

    const c = await cli(["cohort", "create", "--program", out.programId, "--slug", "spring-26", "--name", "Spring 26"]);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ slug: "spring-26", programId: out.programId });
    const dup = await cli(["cohort", "create", "--program", out.programId, "--slug", "spring-26", "--name", "Again"]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
  });

  it("`pnpm cli` from the repository root prints nothing but the JSON", async () => {
    const root = join(cliDir, "..", "..");
    const { stdout } = await run(
      "pnpm",
      ["cli", "program", "create", "--name", "Root Run", "--admin", "root@example.org"],
      {
        cwd: root,
        env: { ...process.env, ...env.childEnv },
      },
    );
    expect(Object.keys(JSON.parse(stdout))).toEqual(["programId", "apiKey", "adminLoginUrl"]);
  });

  it("refuses bad usage with exit 2, a clear reason and no rows", async () => {
    const before = await env.ctx.db.program.count();
    for (const args of [
      ["program", "create", "--name", "X"],
      ["program", "create", "--name", "X", "--admin", "nope"],
      ["program", "explode"],
      ["cohort", "create", "--program", "x", "--slug", "a", "--name", "b"],
    ]) {
      const r = await cli(args);
      expect(r.code).toBeGreaterThan(0);
      expect(r.stderr).toMatch(/^error: /);
    }
    expect(await env.ctx.db.program.count()).toBe(before);
  });
});
