import { magicLinkClient, organizationClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { csrfHeaders } from "./api.js";

/** better-auth's client: sign-in, sign-out, passwords, members and invitations of the program. */
export const authClient = createAuthClient({
  baseURL: `${window.location.origin}/admin/api/auth`,
  plugins: [organizationClient(), magicLinkClient()],
  fetchOptions: {
    credentials: "same-origin",
    onRequest(ctx) {
      for (const [k, v] of Object.entries(csrfHeaders())) ctx.headers.set(k, v);
      return ctx;
    },
  },
});
