import type { Config } from "@rebound/config";
import { type Analyser, createLlmAnalyser, type LlmRequest, offlineAnalyser } from "@rebound/domain";
import type { Logger } from "./logger.js";

/**
 * The configured reflection analyser: the offline one (ANALYSER=rules, the default)
 * or an OpenAI-compatible Chat Completions endpoint (ANALYSER=llm). The LLM path
 * sends only the reflection text, scrubbed of email addresses and phone numbers
 * (the prompt, schema and checks live in @rebound/domain); a timeout, a 429 or 5xx,
 * a refusal or an answer that does not fit the schema all fall back to the offline
 * analyser, so a reply is always analysed.
 */

export type AnalyserConfig = Pick<Config, "ANALYSER" | "LLM_BASE_URL" | "LLM_API_KEY" | "LLM_MODEL">;

export interface AnalyserOptions {
  /** Per request; the offline analyser answers when it runs out. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  log?: Logger;
}

export const LLM_TIMEOUT_MS = 15_000;

export class LlmCallError extends Error {
  override name = "LlmCallError";
}

interface ChatCompletion {
  choices?: { message?: { content?: unknown; refusal?: unknown } }[];
}

/** One Chat Completions call: the message content, or an LlmCallError saying why not. */
export async function completeChat(
  config: Required<Pick<Config, "LLM_BASE_URL" | "LLM_API_KEY" | "LLM_MODEL">>,
  request: LlmRequest,
  opts: { timeoutMs: number; fetch: typeof fetch },
): Promise<string> {
  const url = `${config.LLM_BASE_URL.replace(/\/+$/, "")}/chat/completions`;
  let res: Response;
  try {
    res = await opts.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${config.LLM_API_KEY}` },
      body: JSON.stringify({ model: config.LLM_MODEL, ...request }),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    throw new LlmCallError(timedOut ? `no answer within ${opts.timeoutMs} ms` : "request failed");
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new LlmCallError(`HTTP ${res.status}`);
  }
  let body: ChatCompletion;
  try {
    body = (await res.json()) as ChatCompletion;
  } catch {
    throw new LlmCallError("response is not JSON");
  }
  const message = body.choices?.[0]?.message;
  if (typeof message?.refusal === "string" && message.refusal) throw new LlmCallError("the model refused");
  if (typeof message?.content !== "string") throw new LlmCallError("no message content");
  return message.content;
}

export function createAnalyser(config: AnalyserConfig, opts: AnalyserOptions = {}): Analyser {
  if (config.ANALYSER !== "llm") return offlineAnalyser;
  const { LLM_BASE_URL, LLM_API_KEY, LLM_MODEL } = config;
  // loadConfig refuses ANALYSER=llm without these; a hand-built config gets the same answer.
  if (!LLM_BASE_URL || !LLM_API_KEY || !LLM_MODEL) {
    throw new Error("ANALYSER=llm needs LLM_BASE_URL, LLM_API_KEY and LLM_MODEL");
  }
  const llm = { LLM_BASE_URL, LLM_API_KEY, LLM_MODEL };
  const call = { timeoutMs: opts.timeoutMs ?? LLM_TIMEOUT_MS, fetch: opts.fetch ?? globalThis.fetch };
  return createLlmAnalyser((request) => completeChat(llm, request, call), {
    onFallback: (reason) => opts.log?.warn("llm analyser fell back to the offline analyser", { reason }),
  });
}
