import { defineConfig } from "tsup";

/** The demo server, bundled alone; @plugboard/* and other dependencies load from node_modules. */
export default defineConfig({
  entry: { "server/main": "src/server/main.ts" },
  format: ["esm"],
  target: "node20",
  outDir: "dist",
  clean: false,
  sourcemap: true,
});
