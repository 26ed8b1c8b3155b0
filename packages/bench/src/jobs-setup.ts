import { createPlugboard, defineJob } from "@plugboard/server";
import { postgresStore } from "@plugboard/server/postgres";
import { sqliteStore } from "@plugboard/server/sqlite";
import pg from "pg";
import { z } from "zod";

/** Where the queue lives: a SQLite file, or a schema of a PostgreSQL database. */
export type JobsDatabase =
  | { kind: "sqlite"; file: string }
  | { kind: "postgres"; url: string; schema: string };

/** The benchmarked job: it does nothing, so the figure is the queue's own cost per job. */
export const benchJob = defineJob("bench.noop", z.object({ n: z.number() }));

export async function jobsKit(database: JobsDatabase, concurrency = 100) {
  const store =
    database.kind === "sqlite"
      ? await sqliteStore(database.file)
      : await postgresStore(
          new pg.Pool({
            connectionString: database.url,
            options: `-c search_path=${database.schema}`,
            max: 4,
          }),
        );
  const plugboard = createPlugboard({
    store,
    authenticate: () => null,
    encryption: { currentKeyId: "k1", keys: { k1: Buffer.alloc(32, 1).toString("base64") } },
    jobs: { concurrency, pollIntervalMs: 20 },
  });
  return { store, worker: plugboard.worker };
}
