import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.shared.ts";

export default defineConfig(
  packageBuild({
    index: "src/index.ts",
    "node/index": "src/node/index.ts",
    "sqlite/index": "src/stores/sqlite/index.ts",
    "postgres/index": "src/stores/postgres/index.ts",
    "redis/index": "src/redis/index.ts",
    "testing/index": "src/testing/index.ts",
  }),
);
