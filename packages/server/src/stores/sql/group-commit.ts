import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema";

type Write<A extends unknown[], R> = (trx: Transaction<Database>, ...args: A) => Promise<R>;

/**
 * Runs the writes that arrive within one turn of the event loop in a single transaction (flushed
 * by setImmediate, right after the turn's I/O callbacks, where a 0 ms timer would wait 1 ms). On
 * SQLite every commit appends each page it touched to the log, so a dispatcher finishing dozens
 * of deliveries at once pays for one commit instead of dozens. Each caller still gets its own
 * result; if the shared transaction fails, every write is retried alone, so only the bad one
 * fails. Off (one transaction per write) where the database has a connection per writer anyway.
 */
export function groupCommit<A extends unknown[], R>(
  db: Kysely<Database>,
  write: Write<A, R>,
  enabled: boolean,
): (...args: A) => Promise<R> {
  const alone = (args: A) => db.transaction().execute((trx) => write(trx, ...args));
  if (!enabled) return (...args) => alone(args);

  type Pending = { args: A; resolve(result: R): void; reject(error: unknown): void };
  let queue: Pending[] = [];

  async function flush() {
    const batch = queue;
    queue = [];
    let results: R[];
    try {
      results = await db.transaction().execute(async (trx) => {
        const out: R[] = [];
        for (const item of batch) out.push(await write(trx, ...item.args));
        return out;
      });
    } catch {
      for (const item of batch) await alone(item.args).then(item.resolve, item.reject);
      return;
    }
    for (const [index, item] of batch.entries()) item.resolve(results[index] as R);
  }

  return (...args) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ args, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
}
