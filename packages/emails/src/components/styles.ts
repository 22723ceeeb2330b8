import type { CSSProperties } from "react";

const font = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const colors = {
  ink: "#1f2a37",
  muted: "#5b6675",
  accent: "#2f6f5e",
  accentSoft: "#eef6f3",
  line: "#e3e8ee",
  page: "#f5f7f9",
} as const;

export const styles = {
  body: { backgroundColor: colors.page, fontFamily: font, margin: 0, padding: "24px 0" },
  container: {
    backgroundColor: "#ffffff",
    border: `1px solid ${colors.line}`,
    borderRadius: "8px",
    maxWidth: "560px",
    margin: "0 auto",
    padding: "32px 36px",
  },
  brand: { color: colors.accent, fontSize: "13px", fontWeight: 700, letterSpacing: "0.08em", margin: "0 0 20px" },
  heading: { color: colors.ink, fontSize: "22px", lineHeight: "30px", fontWeight: 700, margin: "0 0 20px" },
  subheading: { color: colors.ink, fontSize: "16px", lineHeight: "24px", fontWeight: 700, margin: "24px 0 8px" },
  paragraph: { color: colors.ink, fontSize: "15px", lineHeight: "24px", margin: "0 0 16px" },
  list: { color: colors.ink, fontSize: "15px", lineHeight: "24px", margin: "0 0 16px", paddingLeft: "22px" },
  listItem: { margin: "0 0 8px" },
  quote: {
    borderLeft: `3px solid ${colors.line}`,
    color: colors.muted,
    fontSize: "15px",
    fontStyle: "italic",
    lineHeight: "24px",
    margin: "0 0 16px",
    paddingLeft: "12px",
  },
  draft: {
    backgroundColor: colors.page,
    border: `1px solid ${colors.line}`,
    borderRadius: "6px",
    color: colors.ink,
    fontFamily: font,
    fontSize: "14px",
    lineHeight: "22px",
    margin: "0 0 16px",
    padding: "12px 14px",
    whiteSpace: "pre-wrap",
  },
  button: {
    backgroundColor: colors.accent,
    borderRadius: "6px",
    color: "#ffffff",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  buttonRow: { margin: "8px 0 20px" },
  promptBox: {
    backgroundColor: colors.accentSoft,
    borderRadius: "8px",
    margin: "28px 0 8px",
    padding: "20px 22px",
  },
  promptLabel: { color: colors.accent, fontSize: "16px", fontWeight: 700, lineHeight: "24px", margin: "0 0 8px" },
  promptQuestion: { color: colors.ink, fontSize: "17px", fontWeight: 600, lineHeight: "26px", margin: "0 0 12px" },
  promptHint: { color: colors.muted, fontSize: "13px", lineHeight: "20px", margin: 0 },
  hr: { borderColor: colors.line, margin: "28px 0 16px" },
  footer: { color: colors.muted, fontSize: "12px", lineHeight: "18px", margin: "0 0 8px" },
  footerLink: { color: colors.muted, textDecoration: "underline" },
} satisfies Record<string, CSSProperties>;
