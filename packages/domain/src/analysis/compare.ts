import { THEMES, type Theme } from "../themes.js";
import { THEME_LABELS } from "./theme-actions.js";

export interface PastInterview {
  company: string;
  themes: Theme[];
}

function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const label = (t: Theme) => lowerFirst(THEME_LABELS[t]);

/** Companies where a theme came up before, in the order given, each named once. */
function companiesWith(theme: Theme, earlier: readonly PastInterview[]): string[] {
  const names: string[] = [];
  for (const past of earlier) {
    const name = past.company.trim() || "an earlier interview";
    if (past.themes.includes(theme) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Groups themes that share the same list of companies, so the sentence stays short. */
function groupByCompanies(themes: readonly Theme[], earlier: readonly PastInterview[]): [Theme[], string[]][] {
  const groups = new Map<string, [Theme[], string[]]>();
  for (const theme of themes) {
    const companies = companiesWith(theme, earlier);
    const key = companies.join("\u0000");
    const group = groups.get(key);
    if (group) group[0].push(theme);
    else groups.set(key, [[theme], companies]);
  }
  return [...groups.values()];
}

/**
 * How this interview compares with the candidate's earlier ones: themes that came up
 * again, themes that are new, and themes that no longer appear (progress).
 * Null when there is nothing to compare with.
 */
export function compareWithEarlier(current: Theme[], earlier: PastInterview[]): string | null {
  if (earlier.length === 0) return null;
  const now = THEMES.filter((t) => current.includes(t));
  const before = THEMES.filter((t) => earlier.some((p) => p.themes.includes(t)));
  const recurring = now.filter((t) => before.includes(t));
  const fresh = now.filter((t) => !before.includes(t));
  const gone = before.filter((t) => !now.includes(t));
  const everyCompany = joinWords([...new Set(earlier.map((p) => p.company.trim() || "an earlier interview"))]);

  const sentences: string[] = [];
  if (recurring.length > 0) {
    const parts = groupByCompanies(recurring, earlier).map(
      ([themes, companies]) => `${joinWords(themes.map(label))} came up again, as at ${joinWords(companies)}`,
    );
    let sentence = upperFirst(parts.join("; "));
    if (fresh.length > 0)
      sentence += `; ${joinWords(fresh.map(label))} ${fresh.length > 1 ? "are" : "is"} new this time`;
    sentences.push(`${sentence}.`);
  } else if (fresh.length > 0) {
    sentences.push(
      `${upperFirst(joinWords(fresh.map(label)))} ${fresh.length > 1 ? "are" : "is"} new compared with your interview${earlier.length > 1 ? "s" : ""} at ${everyCompany}.`,
    );
  }
  if (gone.length > 0) {
    const parts = groupByCompanies(gone, earlier).map(
      ([themes, companies]) => `${joinWords(themes.map(label))} (${joinWords(companies)})`,
    );
    const lead = now.length === 0 ? "No particular theme stood out this time, and " : "";
    const verb = gone.length > 1 ? "have" : "has";
    sentences.push(upperFirst(`${lead}${joinWords(parts)} ${verb} not come up again: that is progress.`));
  }
  if (sentences.length === 0) {
    sentences.push(`As at ${everyCompany}, no particular theme stood out this time.`);
  }
  return sentences.join(" ");
}
