import { defineConfig } from "vitest/config";
import { sourceConditions } from "../../vitest.shared.ts";

export default defineConfig({
  ...sourceConditions,
  test: {
    include: ["src/**/*.test.ts"],
    // *.test-d.ts files are type tests: checked by tsc, never run.
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts"] },
  },
});
