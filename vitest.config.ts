import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// core's own tests use the shared harness, which itself depends on core: an alias, not a package dependency.
const testkit = fileURLToPath(new URL("./packages/testkit/src/index.ts", import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/{domain,emails,inbound,config}/test/**/*.test.{ts,tsx}"],
          environment: "node",
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias: { "@rebound/testkit": testkit } },
        test: {
          name: "integration",
          include: ["apps/*/test/**/*.test.ts", "packages/{db,mail,queue,core,testkit}/test/**/*.test.ts"],
          exclude: ["apps/worker/test/faults/**", "apps/admin/test/**", "**/node_modules/**"],
          environment: "node",
          globalSetup: ["packages/testkit/src/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration files each own a database and a queue prefix; two at a time fits 2 cores.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The admin app in Chromium against the real API, worker, PostgreSQL and Redis; after integration.
        resolve: { alias: { "@rebound/testkit": testkit } },
        test: {
          name: "browser",
          include: ["apps/admin/test/**/*.test.ts"],
          environment: "node",
          globalSetup: ["packages/testkit/src/global-setup.ts", "apps/admin/test/build-admin.ts"],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // Pages answer within a second or two, more on a loaded machine: polls wait, never sleep.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
      {
        // Workers killed, Redis flushed and restarted, PostgreSQL cut, provider storms: alone, last.
        resolve: { alias: { "@rebound/testkit": testkit } },
        test: {
          name: "faults",
          include: ["apps/worker/test/faults/**/*.test.ts"],
          environment: "node",
          globalSetup: ["packages/testkit/src/global-setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
