import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Packing, installing and type-checking take a while on a loaded machine.
    hookTimeout: 180_000,
    testTimeout: 60_000,
  },
});
