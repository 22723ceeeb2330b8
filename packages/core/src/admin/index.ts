// The admin app's verbs: sign-in (better-auth), sessions and roles, and what coaches read and do.
export * from "./admin-mail.js";
export * from "./auth.js";
export * from "./session.js";
export * from "./candidates.js";
export * from "./cohort-stats.js";
export * from "./cohorts.js";
export * from "./outbox.js";
export * from "./signup.js";
