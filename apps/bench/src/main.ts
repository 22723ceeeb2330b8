import { prepareTemplateDatabase } from "@rebound/testkit";
import { analysisFigures } from "./analysis-figures.js";
import { cohortStatsBench } from "./cohort-stats-bench.js";
import { dripBench } from "./drip-bench.js";
import { importBench } from "./import-bench.js";
import { inboundBench, parseBench } from "./inbound-bench.js";
import { intake100k } from "./intake-100k.js";
import { intakeBench } from "./intake-bench.js";

// `pnpm bench [drip count] [inbound count]`: prints figures; it asserts only that nothing was lost or duplicated.
// `pnpm --filter @rebound/bench start inbound-parse`: only the in-process parse + strip figures, no database.
// `pnpm bench intake [1,2,4] [seconds]`: only the intake figures, for these API process counts.
// `pnpm bench 100k [count]`: intake, Redis and PostgreSQL per enrolment, and the whole track sent to each.
if (process.argv[2] === "inbound-parse") {
  await parseBench();
  process.exit(0);
}
// `pnpm --filter @rebound/bench start analysis`: only the analyser's figures on every set, no database.
if (process.argv[2] === "analysis") {
  await analysisFigures();
  process.exit(0);
}
// `pnpm bench import [rows]`: only the CSV import figure (a 20,000-row file by default).
if (process.argv[2] === "import") {
  const drop = await prepareTemplateDatabase();
  try {
    await importBench(Number(process.argv[3] ?? 20_000));
  } finally {
    await drop();
  }
  process.exit(0);
}
// `pnpm bench stats [candidates]`: only the cohort statistics figure (10,000 candidates by default).
if (process.argv[2] === "stats") {
  const drop = await prepareTemplateDatabase();
  try {
    await cohortStatsBench(Number(process.argv[3] ?? 10_000));
  } finally {
    await drop();
  }
  process.exit(0);
}
const processCounts = (list = "1,2,4") => list.split(",").map(Number);
if (process.argv[2] === "100k") {
  const drop = await prepareTemplateDatabase();
  try {
    await intake100k(Number(process.argv[3] ?? 100_000));
  } finally {
    await drop();
  }
  process.exit(0);
}
if (process.argv[2] === "intake") {
  const drop = await prepareTemplateDatabase();
  try {
    await intakeBench(processCounts(process.argv[3]), Number(process.argv[4] ?? 15));
  } finally {
    await drop();
  }
  process.exit(0);
}
const dripCount = Number(process.argv[2] ?? 10_000);
const inboundCount = Number(process.argv[3] ?? 3_000);
const dropTemplate = await prepareTemplateDatabase();
try {
  await intakeBench(processCounts());
  await dripBench(dripCount);
  await inboundBench(inboundCount);
  await importBench(20_000);
  await cohortStatsBench();
  await parseBench();
  await analysisFigures();
} finally {
  await dropTemplate();
}
process.exit(0);
