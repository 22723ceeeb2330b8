import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { ConfigError, loadConfig as load, loadDotEnv } from "../src/index.js";

const SECRET = "a-real-secret-of-at-least-32-characters";
/** Every server process needs APP_SECRET; these tests give one unless they test its absence. */
const loadConfig = (env: Record<string, string>) => load({ APP_SECRET: SECRET, ...env });

describe("configuration", () => {
  it("has local defaults for everything a newcomer needs", () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.PUBLIC_URL).toBe("http://localhost:3000");
    expect(c.DRIP_SPEEDUP).toBe(1);
    expect(c.RESEND_API_KEY).toBeUndefined();
    expect(c.DATABASE_URL).toMatch(/^postgresql:\/\//);
  });

  it("uses the offline analyser unless ANALYSER=llm comes with its endpoint, key and model", () => {
    expect(loadConfig({}).ANALYSER).toBe("rules");
    const llm = loadConfig({
      ANALYSER: "llm",
      LLM_BASE_URL: "https://llm.test/v1",
      LLM_API_KEY: "sk-test",
      LLM_MODEL: "small-model",
    });
    expect(llm).toMatchObject({ ANALYSER: "llm", LLM_BASE_URL: "https://llm.test/v1", LLM_MODEL: "small-model" });
    expect(loadConfig({ LLM_MODEL: "unused" }).ANALYSER).toBe("rules");
  });

  it("refuses to start without APP_SECRET, but lets tools that sign nothing run on a throw-away one", () => {
    expect(() => load({})).toThrow("Invalid configuration: APP_SECRET: is required");
    const a = load({}, { secret: "ephemeral" }).APP_SECRET;
    const b = load({}, { secret: "ephemeral" }).APP_SECRET;
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(a).not.toBe(b);
    expect(load({ APP_SECRET: SECRET }, { secret: "ephemeral" }).APP_SECRET).toBe(SECRET);
  });

  it("keeps /metrics off unless METRICS_TOKEN is set", () => {
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: "metrics-token-0123456789" }).METRICS_TOKEN).toBe("metrics-token-0123456789");
    expect(() => loadConfig({ METRICS_TOKEN: "short" })).toThrow(/^Invalid configuration: METRICS_TOKEN: /);
  });

  it("treats empty values as unset, as a copied .env.example has them", () => {
    expect(loadConfig({ RESEND_API_KEY: "", PORT: "" }).RESEND_API_KEY).toBeUndefined();
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ APP_SECRET: "short" }, "APP_SECRET"],
    [{ DRIP_SPEEDUP: "0" }, "DRIP_SPEEDUP"],
    [{ INBOUND_DOMAIN: "no spaces allowed.com x" }, "INBOUND_DOMAIN"],
    [{ INBOUND_MIME_SECRET: "tiny" }, "INBOUND_MIME_SECRET"],
    [{ APP_SECRET: "" }, "APP_SECRET"],
    [{ ANALYSER: "gpt" }, "ANALYSER"],
    [{ ANALYSER: "llm" }, "LLM_BASE_URL"],
    [{ ANALYSER: "llm", LLM_BASE_URL: "https://llm.test/v1", LLM_MODEL: "m" }, "LLM_API_KEY"],
    [{ ANALYSER: "llm", LLM_BASE_URL: "https://llm.test/v1", LLM_API_KEY: "k" }, "LLM_MODEL"],
    [{ ANALYSER: "llm", LLM_BASE_URL: "not a url", LLM_API_KEY: "k", LLM_MODEL: "m" }, "LLM_BASE_URL"],
  ])("refuses %o with an error naming %s", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${name}: `));
  });

  it("reads .env from the workspace root, without overriding the real environment", () => {
    const root = mkdtempSync(join(tmpdir(), "rebound-env-"));
    writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: []\n");
    writeFileSync(join(root, ".env"), "REBOUND_TEST_FROM_FILE=file\nREBOUND_TEST_BOTH=file\n");
    mkdirSync(join(root, "apps", "api"), { recursive: true });
    process.env.REBOUND_TEST_BOTH = "environment";
    expect(loadDotEnv(join(root, "apps", "api"))).toBe(join(root, ".env"));
    expect(process.env.REBOUND_TEST_FROM_FILE).toBe("file");
    expect(process.env.REBOUND_TEST_BOTH).toBe("environment");
    delete process.env.REBOUND_TEST_FROM_FILE;
    delete process.env.REBOUND_TEST_BOTH;
  });

  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
  /** Starts an entry point with an environment and returns its exit code and stderr lines. */
  function start(app: string, entry: string, env: Record<string, string | undefined>) {
    let stderr = "";
    let code = 0;
    try {
      execFileSync(process.execPath, ["--import", "tsx", entry], {
        cwd: join(root, "apps", app),
        env: { PATH: process.env.PATH, ...env },
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 30_000,
      });
    } catch (err) {
      const e = err as { status: number; stderr: Buffer };
      code = e.status;
      stderr = e.stderr.toString();
    }
    return { code, lines: stderr.trim().split("\n") };
  }

  it("stops start-up with one clear line naming the variable", () => {
    const { code, lines } = start("api", "src/server.ts", { APP_SECRET: SECRET, PORT: "not-a-port" });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^Invalid configuration: PORT: /)]);
  }, 60_000);

  it.each([
    ["api", "src/server.ts"],
    ["worker", "src/main.ts"],
  ])(
    "the %s refuses to start without APP_SECRET, or with a short one, naming it",
    (app, entry) => {
      for (const secret of [undefined, "too-short"]) {
        const { code, lines } = start(app, entry, secret ? { APP_SECRET: secret } : {});
        expect(code).toBe(1);
        expect(lines).toEqual([expect.stringMatching(/^Invalid configuration: APP_SECRET: /)]);
      }
    },
    60_000,
  );
});
