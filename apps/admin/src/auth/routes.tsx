import { createRoute } from "@tanstack/react-router";
import { appRoute, rootRoute } from "@/routes/root";
import { InvitePage, SignInPage, TeamPage, WelcomePage } from "./pages";

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/signin",
  validateSearch: (s: Record<string, unknown>): { next?: string; error?: string } => ({
    ...(typeof s.next === "string" ? { next: s.next } : {}),
    ...(typeof s.error === "string" ? { error: s.error } : {}),
  }),
  component: function SignIn() {
    const { next, error } = signInRoute.useSearch();
    return <SignInPage {...(next ? { next } : {})} {...(error ? { error } : {})} />;
  },
});
const welcomeRoute = createRoute({ getParentRoute: () => appRoute, path: "/welcome", component: WelcomePage });
const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invite/$invitationId",
  component: function Invite() {
    const { invitationId } = inviteRoute.useParams();
    return <InvitePage invitationId={invitationId} />;
  },
});
const teamRoute = createRoute({ getParentRoute: () => appRoute, path: "/team", component: TeamPage });

export const authRoutes = { public: [signInRoute, inviteRoute], app: [welcomeRoute, teamRoute] };
