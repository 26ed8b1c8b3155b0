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
  // The simulators' own dependencies load from node_modules too: oidc-provider (koa) requires
  // Node built-ins dynamically, which an ESM bundle cannot do.
  external: ["msw", "oidc-provider", "xml-crypto"],
});
