import type { Options } from "tsup";

/**
 * Every published package builds the same way: ESM + CJS + declarations, one file per entry.
 * The tarballs ship `src/` (the `@plugboard/source` export condition points at it), so the source
 * maps point at those files instead of embedding a second copy of every source.
 */
export function packageBuild(entry: Record<string, string>, overrides: Options = {}): Options {
  return {
    entry,
    format: ["esm", "cjs"],
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    clean: true,
    sourcemap: true,
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
    target: "es2022",
    splitting: false,
    ...overrides,
  };
}
