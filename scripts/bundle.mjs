// `pnpm build` for the API and the worker: one self-contained ESM file per app in
// dist/, with the workspace packages and their dependencies bundled in, so
// `pnpm start` runs plain node on built code. Only packages that load files or
// native add-ons at run time stay outside (resolved from the app's node_modules).
import { build } from "esbuild";

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error("usage: node scripts/bundle.mjs <entry.ts> <out.mjs>");
  process.exit(2);
}
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  jsx: "automatic",
  logLevel: "warning",
  // Optional native speed-ups that their packages load only if present.
  external: ["pg-native", "msgpackr-extract", "bufferutil", "utf-8-validate"],
  // Bundled CommonJS still calls require(); give ESM output one.
  banner: {
    js: "import { createRequire as __rebound_cr } from 'node:module'; const require = __rebound_cr(import.meta.url);",
  },
});
console.log(`built ${outfile}`);
