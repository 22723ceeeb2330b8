import { describe, expect, it } from "vitest";
import { analyseInbound, parseMime } from "../src/index.js";
import { CORPUS_INBOUND_DOMAIN, loadCorpus, withToken } from "./corpus.js";

const TOKEN = "0195a3b27c1e7d409a511f2e3d4c5b6a-k2-abcdefghjkmnpqrstvwxyz01";

describe("throughput", () => {
  it("parses and strips the corpus many times over (prints messages/s)", async () => {
    const raws = loadCorpus().map((m) => withToken(m.raw, TOKEN));
    const rounds = 20;
    // Warm up the JIT so the figure reflects steady state.
    for (const raw of raws) analyseInbound(await parseMime(raw), CORPUS_INBOUND_DOMAIN);
    const started = performance.now();
    for (let round = 0; round < rounds; round += 1) {
      for (const raw of raws) analyseInbound(await parseMime(raw), CORPUS_INBOUND_DOMAIN);
    }
    const seconds = (performance.now() - started) / 1000;
    const perSecond = (raws.length * rounds) / seconds;
    console.log(
      `inbound throughput: ${Math.round(perSecond)} messages/s (parseMime + analyseInbound, ${raws.length * rounds} messages in ${seconds.toFixed(2)} s)`,
    );
    // A floor far below the measured rate: it catches a pathological regression, not a slow CI box.
    expect(perSecond).toBeGreaterThan(100);
  });
});
