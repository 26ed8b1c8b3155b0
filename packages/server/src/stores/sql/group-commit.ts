import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema";

/** Writes a batch in the given transaction; one result per item, in order. */
export type WriteBatch<A, R> = (trx: Transaction<Database>, batch: A[]) => Promise<R[]>;

/**
 * Runs concurrent writes together: one transaction for every write that arrived while the
 * previous one was committing (or, when none was, during this turn of the event loop: flushed by
 * setImmediate, right after the turn's I/O callbacks, where a 0 ms timer would wait 1 ms). On
 * SQLite every commit appends each page it touched to the log; on PostgreSQL each statement is a
 * round trip and each commit a log flush; either way a dispatcher finishing dozens of deliveries
 * at once pays for one batch instead of dozens. Each caller still gets its own result; if the
 * shared transaction fails, every write is retried alone, so only the bad one fails. Disabled,
 * each write is a transaction of its own.
 */
export function groupCommit<A, R>(
  db: Kysely<Database>,
  write: WriteBatch<A, R>,
  enabled: boolean,
): (args: A) => Promise<R> {
  const alone = async (args: A) =>
    (await db.transaction().execute((trx) => write(trx, [args])))[0] as R;
  if (!enabled) return alone;

  type Pending = { args: A; resolve(result: R): void; reject(error: unknown): void };
  let queue: Pending[] = [];
  // True from the first queued write until the queue is drained: later writes join the next batch.
  let flushing = false;

  async function flush() {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      let results: R[];
      try {
        results = await db.transaction().execute((trx) =>
          write(
            trx,
            batch.map((item) => item.args),
          ),
        );
      } catch {
        for (const item of batch) await alone(item.args).then(item.resolve, item.reject);
        continue;
      }
      for (const [index, item] of batch.entries()) item.resolve(results[index] as R);
    }
    flushing = false;
  }

  return (args) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ args, resolve, reject });
      if (flushing) return;
      flushing = true;
      setImmediate(flush);
    });
}
