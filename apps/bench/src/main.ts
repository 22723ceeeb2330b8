import { prepareTemplateDatabase } from "@rebound/testkit";
import { analysisFigures } from "./analysis-figures.js";
import { dripBench } from "./drip-bench.js";
import { inboundBench, parseBench } from "./inbound-bench.js";

// `pnpm bench [drip count] [inbound count]`: prints figures; it asserts only that nothing was lost or duplicated.
// `pnpm --filter @rebound/bench start inbound-parse`: only the in-process parse + strip figures, no database.
if (process.argv[2] === "inbound-parse") {
  await parseBench();
  process.exit(0);
}
const dripCount = Number(process.argv[2] ?? 10_000);
const inboundCount = Number(process.argv[3] ?? 3_000);
const dropTemplate = await prepareTemplateDatabase();
try {
  await dripBench(dripCount);
  await inboundBench(inboundCount);
  await parseBench();
  await analysisFigures();
} finally {
  await dropTemplate();
}
process.exit(0);
