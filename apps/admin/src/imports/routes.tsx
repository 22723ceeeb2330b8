import { createRoute } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";
import { ImportPage, ImportsPage } from "./pages";

const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/cohorts/$cohortId/imports",
  component: function CohortImports() {
    const { cohortId } = importsRoute.useParams();
    return <ImportsPage cohortId={cohortId} />;
  },
});
const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/cohorts/$cohortId/imports/$importId",
  component: function CohortImport() {
    const { cohortId, importId } = importRoute.useParams();
    return <ImportPage cohortId={cohortId} importId={importId} />;
  },
});

export const importRoutes = [importsRoute, importRoute];
