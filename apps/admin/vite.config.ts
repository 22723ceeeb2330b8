import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Where `pnpm dev` runs the API; the admin's dev server forwards its API, sign-in and queue paths there. */
const API = process.env.REBOUND_API_URL ?? "http://localhost:3000";
const toApi = { target: API, changeOrigin: false, xfwd: true };

export default defineConfig({
  base: "/admin/",
  plugins: [react(), tailwindcss()],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { "/admin/api": toApi, "/admin/login": toApi, "/admin/queues": toApi, "/v1": toApi },
  },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1200 },
});
