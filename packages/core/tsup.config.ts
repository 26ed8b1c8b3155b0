import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.shared.ts";

// Split, so the two entries share one copy of what both export: `instanceof PlugboardError` holds
// whichever entry made the error.
export default defineConfig(
  packageBuild({ index: "src/index.ts", routes: "src/routes/index.ts" }, { splitting: true }),
);
