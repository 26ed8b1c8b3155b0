import type { Options } from "tsup";

/** Every published package builds the same way: ESM + CJS + declarations, one file per entry. */
export function packageBuild(entry: Record<string, string>, overrides: Options = {}): Options {
  return {
    entry,
    format: ["esm", "cjs"],
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    clean: true,
    sourcemap: true,
    target: "es2022",
    splitting: false,
    ...overrides,
  };
}
