import { createRoute } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";
import { CohortsPage, DashboardPage } from "./pages";

const cohortsRoute = createRoute({ getParentRoute: () => appRoute, path: "/", component: CohortsPage });
const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/cohorts/$cohortId",
  component: function CohortDashboard() {
    const { cohortId } = dashboardRoute.useParams();
    return <DashboardPage cohortId={cohortId} />;
  },
});

export const cohortRoutes = [cohortsRoute, dashboardRoute];
