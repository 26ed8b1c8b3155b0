import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
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
    async onSuccess() {
      await relativeMapSources("dist");
      if (typeof overrides.onSuccess === "function") await overrides.onSuccess();
    },
  };
}

/**
 * tsup's CommonJS code splitting writes the chunk's own absolute build path into its map's
 * `sources`, which names a file no installed package has; made relative, it names the chunk.
 */
async function relativeMapSources(dir: string): Promise<void> {
  const absolute = path.resolve(dir);
  for (const entry of await readdir(dir, { recursive: true })) {
    if (!entry.endsWith(".map")) continue;
    const file = path.join(dir, entry);
    const map = JSON.parse(await readFile(file, "utf8")) as { sources: string[] };
    if (!map.sources.some((source) => path.isAbsolute(source))) continue;
    const from = path.dirname(path.join(absolute, entry));
    map.sources = map.sources.map((source) =>
      path.isAbsolute(source) ? path.relative(from, source) : source,
    );
    await writeFile(file, JSON.stringify(map));
  }
}
