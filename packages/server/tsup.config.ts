import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.shared.ts";

// The CommonJS build require()s ES-only dependencies (arctic), which Node does from 20.19 and
// 22.12 on. Older versions would fail deep inside with ERR_REQUIRE_ESM; say what is wrong instead.
const requireEsmCheck = `"use strict";
if (typeof process !== "undefined" && !process.features?.require_module) {
  throw new Error("@plugboard/server's CommonJS build needs Node ^20.19 or >=22.12 (it require()s ES modules). Upgrade Node, or import it from an ES module.");
}`;

export default defineConfig(
  packageBuild(
    {
      index: "src/index.ts",
      "node/index": "src/node/index.ts",
      "sqlite/index": "src/stores/sqlite/index.ts",
      "postgres/index": "src/stores/postgres/index.ts",
      "redis/index": "src/redis/index.ts",
      "testing/index": "src/testing/index.ts",
    },
    { banner: ({ format }) => (format === "cjs" ? { js: requireEsmCheck } : {}) },
  ),
);
