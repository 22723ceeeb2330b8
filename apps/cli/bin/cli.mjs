#!/usr/bin/env node
// `pnpm cli ...` resolves to this bin (no root script of that name), so pnpm prints
// no banner and stdout is exactly the command's JSON.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
