/** Minimal `--flag value` parser: operators get a clear error for anything unexpected. */
export function parseFlags(argv: string[], allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m?.[1]) throw new UsageError(`unexpected argument '${arg}'`);
    const name = m[1];
    if (!allowed.includes(name))
      throw new UsageError(`unknown flag --${name} (allowed: ${allowed.map((a) => `--${a}`).join(", ")})`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value`);
    out[name] = value;
  }
  return out;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export function required(flags: Record<string, string>, name: string): string {
  const v = flags[name];
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}
