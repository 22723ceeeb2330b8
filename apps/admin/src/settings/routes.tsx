import { createRoute } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";
import { SettingsPage } from "./pages";

const settingsRoute = createRoute({ getParentRoute: () => appRoute, path: "/settings", component: SettingsPage });

export const settingsRoutes = [settingsRoute];
