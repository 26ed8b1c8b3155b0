import type { Kysely } from "kysely";
import { builtinModules } from "../../modules";
import type { Store } from "../types";
import type { SqlStoreOptions } from "./options";
import type { Database } from "./schema";

/** Each feature's SQL part over one Kysely instance, shared by SQLite and PostgreSQL. */
export function sqlStore(db: Kysely<Database>, options: SqlStoreOptions): Store {
  const parts = builtinModules.map((module) => module.store?.sql(db, options) ?? {});
  const store: Omit<Store, "close"> = Object.assign({}, ...parts);
  return { ...store, close: options.close };
}
