import { analyseReflection, offlineAnalyser } from "@rebound/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAnalyser } from "../src/analyser.js";
import type { Logger } from "../src/logger.js";
import { analysisAnswer, FakeOpenAi } from "@rebound/testkit";

const REFLECTION =
  "I rambled on the Kubernetes question and never got to the point. My portfolio review went really well.\n" +
  "Thanks, Priya\npriya.k@example.com | +44 7700 900123";

const fake = new FakeOpenAi();
const warnings: { msg: string; data?: Record<string, unknown> }[] = [];
const log: Logger = {
  debug: () => {},
  info: () => {},
  warn: (msg, data) => warnings.push({ msg, data }),
  error: () => {},
};
const llm = () =>
  createAnalyser(
    { ANALYSER: "llm", LLM_BASE_URL: fake.baseUrl, LLM_API_KEY: fake.apiKey, LLM_MODEL: "tiny-model" },
    { timeoutMs: 300, log },
  );

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.requests.length = 0;
  warnings.length = 0;
  fake.answer(
    analysisAnswer({
      themes: [
        { theme: "communication", evidence: ["rambled on the Kubernetes question", "never got to the point"] },
        { theme: "skills-gap", evidence: ["has never run a cluster"] },
      ],
      highPoints: ["My portfolio review went really well"],
      summary: "Your portfolio review landed. On technical questions, lead with the answer, then one example.",
    }),
  );
});

describe("createAnalyser", () => {
  it("is the offline analyser unless ANALYSER=llm", () => {
    expect(createAnalyser({ ANALYSER: "rules" })).toBe(offlineAnalyser);
    expect(() => createAnalyser({ ANALYSER: "llm", LLM_MODEL: "m" })).toThrow(/LLM_BASE_URL/);
  });

  it("asks the endpoint for JSON-schema output and uses a valid answer, with its summary", async () => {
    const result = await llm().analyse(REFLECTION);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(request?.body?.model).toBe("tiny-model");
    expect(request?.body?.response_format?.type).toBe("json_schema");
    expect(request?.body?.response_format?.json_schema?.strict).toBe(true);
    expect(result.themes).toEqual([
      {
        theme: "communication",
        score: 2,
        evidence: ["rambled on the Kubernetes question", "never got to the point"],
      },
    ]);
    expect(result.highPoints).toEqual(["My portfolio review went really well"]);
    expect(result.summary).toBe(
      "Your portfolio review landed. On technical questions, lead with the answer, then one example.",
    );
    expect(warnings).toEqual([]);
  });

  it("sends only the reflection, without email addresses or phone numbers", async () => {
    await llm().analyse(REFLECTION);
    const raw = fake.requests[0]?.raw ?? "";
    expect(raw).toContain("rambled on the Kubernetes question");
    expect(raw).not.toContain("priya.k@example.com");
    expect(raw).not.toContain("7700");
    expect(raw).toContain("[email]");
    expect(raw).toContain("[phone]");
  });

  it("falls back to the offline analyser on malformed output", async () => {
    fake.mode = { kind: "malformed" };
    const result = await llm().analyse(REFLECTION);
    expect(result).toEqual(analyseReflection(REFLECTION));
    expect(result.summary).toBeUndefined();
    expect(warnings.map((w) => w.data?.reason)).toEqual(["malformed answer"]);
  });

  it("falls back on an answer outside the taxonomy", async () => {
    fake.answer(analysisAnswer({ themes: [{ theme: "charisma", evidence: ["rambled"] }] }));
    expect(await llm().analyse(REFLECTION)).toEqual(analyseReflection(REFLECTION));
  });

  it("falls back when the endpoint does not answer in time", async () => {
    fake.mode = { kind: "hang", ms: 5_000 };
    const started = performance.now();
    const result = await llm().analyse(REFLECTION);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result).toEqual(analyseReflection(REFLECTION));
    expect(warnings.map((w) => w.data?.reason)).toEqual(["no answer within 300 ms"]);
  });

  it.each([429, 500, 503])("falls back on HTTP %i", async (status) => {
    fake.mode = { kind: "status", status, retryAfter: 1 };
    expect(await llm().analyse(REFLECTION)).toEqual(analyseReflection(REFLECTION));
    expect(warnings.map((w) => w.data?.reason)).toEqual([`HTTP ${status}`]);
  });

  it("falls back on a wrong key without logging it", async () => {
    const analyser = createAnalyser(
      { ANALYSER: "llm", LLM_BASE_URL: fake.baseUrl, LLM_API_KEY: "sk-wrong", LLM_MODEL: "m" },
      { timeoutMs: 300, log },
    );
    expect(await analyser.analyse(REFLECTION)).toEqual(analyseReflection(REFLECTION));
    expect(JSON.stringify(warnings)).not.toContain("sk-wrong");
  });

  it("keeps the offline distress flag when the model misses it", async () => {
    fake.answer(analysisAnswer({ themes: [], distress: false }));
    const result = await llm().analyse("Another no. Honestly I want to give up.");
    expect(result.distress).toBe(true);
    expect(result.themes.map((t) => t.theme)).toContain("mindset");
  });
});
