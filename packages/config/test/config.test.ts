import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { ConfigError, loadConfig, loadDotEnv } from "../src/index.js";

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
    [{ NODE_ENV: "production" }, "APP_SECRET"],
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

  it("stops start-up with one clear line naming the variable", () => {
    const apiDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "apps", "api");
    let stderr = "";
    let code = 0;
    try {
      execFileSync(process.execPath, ["--import", "tsx", "src/server.ts"], {
        cwd: apiDir,
        env: { ...process.env, PORT: "not-a-port" },
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (err) {
      const e = err as { status: number; stderr: Buffer };
      code = e.status;
      stderr = e.stderr.toString();
    }
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Invalid configuration: PORT: /)]);
  });
});
