import type { LucideIcon } from "lucide-react";
import { Activity, History, Inbox, KeyRound, Settings, Users, UsersRound } from "lucide-react";

export interface NavItem {
  label: string;
  /** A path of the app (under /admin), or an absolute /admin/... page outside it (external: true). */
  to: string;
  icon: LucideIcon;
  /** Who sees it: the least role (owner > coach > viewer). */
  role?: "owner" | "coach" | "viewer";
  /** Only while the dev outbox exists. */
  outboxOnly?: boolean;
  /** A page the API serves itself (Bull Board), opened with a plain link. */
  external?: boolean;
}

/**
 * The header's navigation. A feature adds its entry here (imports, API keys, settings, audit,
 * queues): one line, in the order people use them.
 */
export const NAV: NavItem[] = [
  { label: "Cohorts", to: "/", icon: UsersRound },
  { label: "Outbox", to: "/outbox", icon: Inbox, outboxOnly: true },
  { label: "Team", to: "/team", icon: Users },
  { label: "Settings", to: "/settings", icon: Settings },
  { label: "API keys", to: "/keys", icon: KeyRound, role: "owner" },
  { label: "Audit", to: "/audit", icon: History, role: "owner" },
  { label: "Queues", to: "/admin/queues", icon: Activity, role: "owner", external: true },
];
