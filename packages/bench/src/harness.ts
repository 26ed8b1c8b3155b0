/** One benchmark module. `npm run bench` runs every suite in order; `npm run bench -- <name>` one. */
export interface Suite {
  name: string;
  run(): Promise<void>;
}

export interface CompareOptions {
  warmupMs?: number;
  roundMs?: number;
  rounds?: number;
}

type Operation = () => unknown;

/**
 * Operations per second of each function, median of fixed-duration rounds after a warm-up.
 * Rounds alternate between the functions, so load from elsewhere on the machine hits them all
 * alike. The clock is read once per batch (sized during the warm-up to ~5 ms), and a function is
 * awaited only if it returns a promise, so a synchronous baseline isn't charged for microtasks.
 */
export async function compare<Name extends string>(
  operations: Record<Name, Operation>,
  { warmupMs = 150, roundMs = 150, rounds = 7 }: CompareOptions = {},
): Promise<Record<Name, number>> {
  const entries = Object.entries(operations) as [Name, Operation][];
  const runners = await Promise.all(entries.map(([, operation]) => runner(operation, warmupMs)));
  const samples = entries.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, run] of runners.entries()) samples[index]?.push(await run(roundMs));
  }
  return Object.fromEntries(
    entries.map(([name], index) => [name, median(samples[index] ?? [])]),
  ) as Record<Name, number>;
}

async function runner(operation: Operation, warmupMs: number) {
  const batch = operation() instanceof Promise ? asyncBatch(operation) : syncBatch(operation);
  let size = 1;
  const warmupEnd = performance.now() + warmupMs;
  while (performance.now() < warmupEnd) {
    const start = performance.now();
    await batch(size);
    if (performance.now() - start < 5) size *= 2;
  }
  return async (durationMs: number): Promise<number> => {
    let count = 0;
    let elapsed = 0;
    const start = performance.now();
    while (elapsed < durationMs) {
      await batch(size);
      count += size;
      elapsed = performance.now() - start;
    }
    return (count / elapsed) * 1000;
  };
}

const syncBatch = (operation: Operation) => async (size: number) => {
  for (let i = 0; i < size; i++) operation();
};

const asyncBatch = (operation: Operation) => async (size: number) => {
  for (let i = 0; i < size; i++) await operation();
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A plain-text table, numbers right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return /^[\d.,]+×?$/.test(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export const formatRate = (opsPerSecond: number) =>
  Math.round(opsPerSecond).toLocaleString("en-US");
