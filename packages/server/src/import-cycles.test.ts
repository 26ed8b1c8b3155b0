import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

// Features depend on the platform and on each other in one direction only; a cycle (even a
// type-only one) means a feature reached back into what composes it.
const root = dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test(-d)?\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)].map((match) => match[1]);
  return specifiers.flatMap((specifier) => {
    const base = resolve(dirname(file), specifier as string);
    const found = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find(existsSync);
    return found ? [found] : [];
  });
}

test("the server's modules import each other without cycles", () => {
  const graph = new Map(sources(root).map((file) => [file, importsOf(file)]));
  const cycles: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "visiting");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "visiting") {
        const cycle = stack.slice(stack.indexOf(next)).concat(next);
        cycles.push(cycle.map((path) => relative(root, path)).join(" → "));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  expect(cycles).toEqual([]);
});
