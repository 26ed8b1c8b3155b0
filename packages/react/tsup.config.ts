import { copyFile } from "node:fs/promises";
import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.shared.ts";

export default defineConfig(
  packageBuild(
    { index: "src/index.ts", "locales/de": "src/locales/de.ts" },
    { onSuccess: () => copyFile("src/styles.css", "dist/styles.css") },
  ),
);
