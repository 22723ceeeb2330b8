import { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { auditRoutes } from "./audit/routes";
import { authRoutes } from "./auth/routes";
import { candidateRoutes } from "./candidates/routes";
import { cohortRoutes } from "./cohorts/routes";
import { importRoutes } from "./imports/routes";
import { keyRoutes } from "./keys/routes";
import { outboxRoutes } from "./outbox/routes";
import { appRoute, rootRoute } from "./routes/root";
import { settingsRoutes } from "./settings/routes";

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: true } },
});

/**
 * The route tree: public pages under the root, the signed-in pages under `app` (the shell).
 * A feature adds its routes here, from its own folder's routes.tsx.
 */
const routeTree = rootRoute.addChildren([
  ...authRoutes.public,
  appRoute.addChildren([
    ...cohortRoutes,
    ...candidateRoutes,
    ...importRoutes,
    ...outboxRoutes,
    ...keyRoutes,
    ...settingsRoutes,
    ...auditRoutes,
    ...authRoutes.app,
  ]),
]);

export const router = createRouter({
  routeTree,
  basepath: "/admin",
  context: { queryClient },
  defaultPreload: "intent",
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
