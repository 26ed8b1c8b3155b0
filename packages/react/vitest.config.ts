import { defineConfig } from "vitest/config";
import { sourceConditions } from "../../vitest.shared.ts";

export default defineConfig({
  ...sourceConditions,
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    // *.test-d.ts files are type tests: checked by tsc, never run.
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts"] },
    environment: "happy-dom",
    setupFiles: ["./vitest.setup.ts"],
    // user-event drives real focus and typing; under turbo's parallel load on 2 cores a dialog
    // flow can take several seconds.
    testTimeout: 20_000,
  },
});
