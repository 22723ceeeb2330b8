import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, Outlet } from "@tanstack/react-router";
import { AppLayout } from "@/components/layout";

/** The root of every page; `app` is the signed-in shell (header, navigation) that feature routes hang under. */
export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: () => <Outlet />,
});

export const appRoute = createRoute({ getParentRoute: () => rootRoute, id: "app", component: AppLayout });
