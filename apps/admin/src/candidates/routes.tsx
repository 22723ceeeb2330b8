import { createRoute } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";
import { CandidatesPage, TimelinePage } from "./pages";
import type { ListFilter } from "./queries";

const STATUSES = ["active", "paused", "unsubscribed", "bounced", "complained", "erased"];

const listRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/cohorts/$cohortId/candidates",
  validateSearch: (s: Record<string, unknown>): ListFilter => ({
    ...(typeof s.q === "string" && s.q ? { q: s.q } : {}),
    ...(typeof s.status === "string" && STATUSES.includes(s.status)
      ? { status: s.status as ListFilter["status"] }
      : {}),
    ...(Number(s.page) > 1 ? { page: Number(s.page) } : {}),
  }),
  component: function Candidates() {
    const { cohortId } = listRoute.useParams();
    const filter = listRoute.useSearch();
    return <CandidatesPage cohortId={cohortId} filter={filter} />;
  },
});
const timelineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/candidates/$candidateId",
  component: function CandidateTimeline() {
    const { candidateId } = timelineRoute.useParams();
    return <TimelinePage candidateId={candidateId} />;
  },
});

export const candidateRoutes = [listRoute, timelineRoute];
