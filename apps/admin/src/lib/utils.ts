import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : "—");
export const formatDate = (iso: string | null | undefined) => (iso ? dateOnly.format(new Date(iso)) : "—");
export const percent = (r: number) => `${Math.round(r * 100)}%`;

/** Step keys as people say them: "keep-applying" → "Keep applying". */
export const humanize = (key: string) => {
  const s = key.replace(/[-_]/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
};
