import { createRoute } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";
import { AuditPage } from "./pages";
import { AUDIT_GROUP_LABELS } from "./sentences";
import type { AuditGroup } from "./queries";

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/audit",
  validateSearch: (s: Record<string, unknown>): { group?: AuditGroup } =>
    typeof s.group === "string" && s.group in AUDIT_GROUP_LABELS ? { group: s.group as AuditGroup } : {},
  component: function Audit() {
    const { group } = auditRoute.useSearch();
    return <AuditPage {...(group ? { group } : {})} />;
  },
});

export const auditRoutes = [auditRoute];
