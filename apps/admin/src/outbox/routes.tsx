import { createRoute } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";
import { OutboxPage } from "./pages";

type Search = { q?: string; page?: number };
const validateSearch = (s: Record<string, unknown>): Search => ({
  ...(typeof s.q === "string" && s.q ? { q: s.q } : {}),
  ...(Number(s.page) > 1 ? { page: Number(s.page) } : {}),
});

const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/outbox",
  validateSearch,
  component: function Outbox() {
    const s = outboxRoute.useSearch();
    return <OutboxPage {...s} />;
  },
});
const emailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/outbox/$emailId",
  validateSearch,
  component: function OutboxEmail() {
    const s = emailRoute.useSearch();
    const { emailId } = emailRoute.useParams();
    return <OutboxPage {...s} emailId={emailId} />;
  },
});

export const outboxRoutes = [outboxRoute, emailRoute];
