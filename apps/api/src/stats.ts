// The cohort statistics moved to packages/core (src/admin/cohort-stats.ts), beside the admin
// dashboard's queries; this re-export keeps the routes that import it from here working.
export { cohortStats } from "@rebound/core";
