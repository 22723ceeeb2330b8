/** The theme taxonomy of PRODUCT.md; slugs are part of the API contract. */
export const THEMES = [
  "preparation",
  "communication",
  "structure",
  "unexpected-questions",
  "nonverbal",
  "skills-gap",
  "culture-fit",
  "materials",
  "follow-up",
  "mindset",
] as const;
export type Theme = (typeof THEMES)[number];

export function isTheme(value: unknown): value is Theme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value);
}
