import BetterSqlite3, { type Database } from "better-sqlite3";
import { migrations } from "./schema";
import { seedTracker } from "./seed";

/**
 * Opens (creating and seeding on first use) the tracker's SQLite file. Writes are synchronous
 * and each change runs in one transaction, so a row is never half-written.
 */
export function openTrackerDatabase(file: string, now = () => new Date()): Database {
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  const applied = db.pragma("user_version", { simple: true }) as number;
  db.transaction(() => {
    migrations.slice(applied).forEach((sql) => {
      db.exec(sql);
    });
    if (applied === 0) seedTracker(db, now().toISOString());
    db.pragma(`user_version = ${migrations.length}`);
  })();
  return db;
}
