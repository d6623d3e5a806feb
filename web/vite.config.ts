import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";
import solid from "vite-plugin-solid";

const root = fileURLToPath(new URL(".", import.meta.url));

// The API serves web/dist itself (server/http/static.ts); in development Vite serves the app
// and forwards /api to `npm start` on port 3000, so both run on one origin as in production.
export default defineConfig({
  root,
  // Each file also written brotli- and gzip-compressed at the highest levels (.br, .gz), once
  // here rather than at every request: the server sends the one the browser accepts.
  plugins: [solid(), compression({ algorithms: ["brotliCompress", "gzip"] })],
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
