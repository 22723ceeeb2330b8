import { cleanLine } from "./clean.js";

/**
 * The one rule for how Rebound addresses a candidate, used by every template and
 * subject: the first word of the name they gave, or "" when there is none. Callers
 * never invent a stand-in ("there", "friend"); each sentence that uses the name has
 * its own wording for the empty case, so a missing name reads naturally.
 */
export function firstName(name: string | null | undefined): string {
  return cleanLine(name ?? "").split(" ")[0] ?? "";
}

/** "Hi Maya," or, without a name, "Hello,". */
export function greeting(name: string): string {
  const first = firstName(name);
  return first ? `Hi ${first},` : "Hello,";
}
