import { createRoute } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";
import { ApiKeysPage } from "./pages";

const keysRoute = createRoute({ getParentRoute: () => appRoute, path: "/keys", component: ApiKeysPage });

export const keyRoutes = [keysRoute];
