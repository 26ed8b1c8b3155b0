import { defineConfig } from "tsup";

/**
 * The demo server, bundled alone; other dependencies load from node_modules. The simulators are
 * bundled in: that private package ships TypeScript source only.
 */
export default defineConfig({
  entry: { "server/main": "src/server/main.ts" },
  format: ["esm"],
  target: "node20",
  outDir: "dist",
  clean: false,
  sourcemap: true,
  noExternal: ["@plugboard/provider-simulators"],
  external: ["msw"],
});
