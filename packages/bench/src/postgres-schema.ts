import pg from "pg";

export const benchPostgresUrl =
  process.env.PLUGBOARD_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * Runs `body` with the URL of a schema of its own (dropped afterwards), so a benchmark never
 * touches another's tables; prints why and skips when PostgreSQL is not reachable.
 */
export async function withPostgresSchema(
  name: string,
  body: (url: string, schema: string) => Promise<void>,
): Promise<void> {
  const schema = `plugboard_bench_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: benchPostgresUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`skipped: PostgreSQL not reachable at ${benchPostgresUrl} (${String(error)})`);
    return;
  }
  try {
    await admin.query(`create schema ${schema}`);
    const url = new URL(benchPostgresUrl);
    url.searchParams.set("options", `-c search_path=${schema}`);
    await body(url.toString(), schema);
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}
