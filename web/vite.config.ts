import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const root = fileURLToPath(new URL(".", import.meta.url));

// The API serves web/dist itself (server/http/static.ts); in development Vite serves the app
// and forwards /api to `npm start` on port 3000, so both run on one origin as in production.
export default defineConfig({
  root,
  plugins: [solid()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { "/api": "http://localhost:3000" },
  },
});
