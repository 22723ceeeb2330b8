/**
 * Structured JSON logs. Keys that may carry secrets or personal data are
 * redacted here, once, and email addresses are scrubbed from every string, so
 * no call site can leak them by accident.
 */
export type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const SECRET_KEY = /(secret|password|token|apikey|api_key|authorization|cookie|key)$/i;

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/** Email addresses anywhere in a logged string (a provider's or the database's error message, say). */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Keys whose values are personal data by nature: never logged, whatever they hold. */
const PERSONAL_KEY = /^(email|to|from|toEmail|toAddress|name|subject|text|html|reflection|body|raw)$/i;

const scrub = (text: string) => text.replace(EMAIL, "[email]");

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrub(value);
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { name: value.name, message: scrub(value.message) };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      SECRET_KEY.test(k) || PERSONAL_KEY.test(k) ? "[redacted]" : redact(v, depth + 1),
    ]),
  );
}

export function createLogger(
  level: Level | "silent" = "info",
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Logger {
  const log = (lvl: Level) => (msg: string, data?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(
      JSON.stringify({
        t: new Date().toISOString(),
        level: lvl,
        msg: scrub(msg),
        ...(data ? (redact(data) as object) : {}),
      }),
    );
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}
