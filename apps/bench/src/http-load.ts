import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

export interface LoadResult {
  label: string;
  /** 2xx answers. */
  ok: number;
  rps: number;
  p50: number;
  p99: number;
  /** Answers of 4xx/5xx, plus connection errors and timeouts. */
  bad: number;
  seconds: number;
  /** The machine's 1-minute load average when the run started (2 cores here: 2.0 = both busy). */
  load: number;
}

export interface LoadOptions {
  label: string;
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Body of each request; `{{n}}` becomes a number unique to the request (a new candidate each time). */
  body?: string;
  connections?: number;
  seconds?: number;
  /** Stop after this many 2xx answers (requests sent beyond them go to `GET /healthz`); `seconds` bounds it. */
  amount?: number;
}

/** A Lua string literal. */
const lua = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

/** The wrk script: a unique body per request, 2xx counted per thread, one JSON line of results. */
function script(o: LoadOptions, prefix: string): string {
  const [before = "", after = ""] = (o.body ?? "").split("{{n}}");
  const headers = Object.entries(o.headers ?? {})
    .map(([k, v]) => `wrk.headers[${lua(k)}] = ${lua(v)}`)
    .join("\n");
  return `
wrk.method = ${lua(o.method ?? "GET")}
${headers}
local threads = {}
function setup(thread) table.insert(threads, thread); thread:set("id", #threads) end
n, ok, amount = 0, 0, ${o.amount ?? 0}
local templated = ${o.body?.includes("{{n}}") ? "true" : "false"}
-- wrk calls request() once on its first thread to check the script (script_verify_request) and
-- never sends that request: it must not take a number, or one request of \`amount\` goes missing.
local verified = false
function request()
  if not verified and id == 1 then
    verified = true
    return wrk.format("GET", "/healthz", {}, nil)
  end
  n = n + 1
  if amount > 0 and n > amount then return wrk.format("GET", "/healthz", {}, nil) end
  if templated then return wrk.format(nil, nil, nil, ${lua(before)} .. ${lua(prefix)} .. id .. "-" .. n .. ${lua(after)}) end
  return wrk.format(nil, nil, nil, ${o.body ? lua(o.body) : "nil"})
end
local reached = false
function response(status)
  if status >= 200 and status < 300 then ok = ok + 1 end
  if amount > 0 and ok >= amount and not reached then
    reached = true
    io.write("AMOUNT REACHED\\n")
    io.flush()
    wrk.thread:stop()
  end
end
function done(summary, latency)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("ok") end
  local e = summary.errors
  io.write(string.format('RESULT {"ok":%d,"us":%d,"bad":%d,"p50":%d,"p99":%d}\\n', total, summary.duration,
    e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50), latency:percentile(99)))
end
`;
}

/**
 * Keep-alive HTTP load with wrk (C, one thread: it leaves the cores to the server far more than a
 * Node load generator), against 127.0.0.1 only, bounded in time. Throughput counts 2xx only.
 */
export async function load(o: LoadOptions): Promise<LoadResult> {
  const host = new URL(o.url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") throw new Error(`load only 127.0.0.1, not ${host}`);
  const dir = mkdtempSync(join(tmpdir(), "rebound-wrk-"));
  const file = join(dir, "load.lua");
  writeFileSync(file, script(o, `${process.pid}${Date.now().toString(36)}-`));
  const seconds = o.seconds ?? (o.amount ? 900 : 15);
  const load1 = loadavg()[0] ?? 0;
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        "wrk",
        ["-t1", `-c${o.connections ?? 64}`, `-d${seconds}s`, "--timeout", "10s", "-s", file, o.url],
        { maxBuffer: 1 << 20, timeout: (seconds + 60) * 1000 },
        (err, stdout, stderr) => {
          if (err && (err as NodeJS.ErrnoException).code === "ENOENT") {
            reject(new Error("wrk is not installed: apt-get install -y wrk"));
          } else if (err) reject(new Error(`wrk failed: ${stderr || err.message}`));
          else resolve(stdout);
        },
      );
      // wrk's main thread sleeps for the whole -d even once its thread stopped at `amount`; SIGINT
      // ends that sleep and wrk reports at once (its duration is then the real one).
      child.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("AMOUNT REACHED")) child.kill("SIGINT");
      });
    });
    const line = /RESULT (\{.*\})/.exec(out)?.[1];
    if (!line) throw new Error(`wrk printed no result:\n${out}`);
    const r = JSON.parse(line) as { ok: number; us: number; bad: number; p50: number; p99: number };
    const secs = r.us / 1e6;
    return {
      label: o.label,
      ok: r.ok,
      rps: r.ok / secs,
      p50: r.p50 / 1000,
      p99: r.p99 / 1000,
      bad: r.bad,
      seconds: secs,
      load: load1,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printLoad(rows: readonly LoadResult[], ratioTo?: LoadResult): void {
  for (const r of rows) {
    const ratio = ratioTo && r !== ratioTo ? `  ${((100 * r.rps) / ratioTo.rps).toFixed(0)}% of bare Hono` : "";
    console.log(
      `${r.label.padEnd(36)} ${r.rps.toFixed(0).padStart(6)} /s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99
        .toFixed(1)
        .padStart(6)} ms   ${r.bad} errors   load ${r.load.toFixed(1)}${ratio}`,
    );
  }
}
