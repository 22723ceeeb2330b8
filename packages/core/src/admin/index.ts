// The admin app's verbs: sign-in (better-auth), sessions and roles, and what coaches read and do.
export * from "./admin-mail.js";
export * from "./auth.js";
export * from "./session.js";
