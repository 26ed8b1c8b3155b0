import type { Kysely, Migration } from "kysely";
import type { PlugboardContext } from "./context";
import type { Route } from "./http/route";
import { inboundRoute } from "./inbound/inbound-route";
import type { InboundReceiver } from "./inbound/receiver";
import type { ProvidersOptions } from "./integrations/oauth/options";
import type { InstallationRecord } from "./integrations/store/types";
import type { JsonValue } from "./jobs/types";
import type { SqlStoreOptions } from "./stores/sql/options";
import type { Database } from "./stores/sql/schema";

/**
 * One feature of the kit, everything of its own in one folder: its routes, its part of the store
 * on every backend, and its migrations. `createPlugboard` and the store factories compose the
 * list in `modules.ts`; adding a feature is its folder and one line there.
 */
export interface FeatureModule<Slice extends object = object> {
  readonly name: string;
  readonly store?: {
    /** In-process maps; a part with `clear()` is cleared when the store closes. */
    memory(): Slice;
    /** One implementation for SQLite and PostgreSQL, over Kysely. */
    sql(db: Kysely<Database>, options: SqlStoreOptions): Slice;
  };
  /**
   * Append-only, never edited once shipped. Names are global across modules and sort in the
   * order they apply (`0007_jobs`), so a feature's tables can build on another's.
   */
  readonly migrations?: Readonly<Record<string, Migration>>;
  readonly routes?: readonly Route[];
  /** Provider traffic it receives: each becomes a route, its work a job. */
  readonly inbound?: readonly InboundReceiver<JsonValue, unknown>[];
  /** Once, by `createPlugboard`: its job handlers and schedules on the worker. */
  readonly setup?: (context: PlugboardContext, options: ModuleOptions) => void;
  /**
   * Each event the host publishes (`plugboard.events.publish`), after it is in the outbox: the
   * module queues its work as a job here rather than doing it in the host's request.
   */
  readonly onEvent?: (context: PlugboardContext, event: PublishedEvent) => Promise<void>;
  /**
   * An installation of its provider is being removed, while its token can still be used (the
   * grant is revoked right after): stop what runs at the provider, delete what the module keeps.
   */
  readonly beforeUninstall?: (
    context: PlugboardContext,
    installation: InstallationRecord,
  ) => Promise<void>;
}

/** What a module's `setup` reads of `createPlugboard`'s options. */
export interface ModuleOptions {
  providers?: ProvidersOptions;
}

export interface PublishedEvent {
  /** The outbox event id: one per published event, a dedupe key for the work it starts. */
  eventId: string;
  organizationId: string;
  projectId: string | null;
  type: string;
  data: Record<string, unknown>;
}

/** Every route of the modules: their own, and one per inbound receiver. */
export function routesOf(modules: readonly FeatureModule[]): Route[] {
  return modules.flatMap((module) => [
    ...(module.routes ?? []),
    ...(module.inbound ?? []).map((receiver) => inboundRoute(receiver)),
  ]);
}

export function defineModule<Slice extends object>(module: FeatureModule<Slice>) {
  return module;
}

type SliceOf<M> = M extends FeatureModule<infer Slice> ? Slice : never;
type Intersect<U> = (U extends unknown ? (value: U) => void : never) extends (
  value: infer I,
) => void
  ? I
  : never;

/** The store parts of every module in the list, as one object type. */
export type StoreSlices<Modules extends readonly FeatureModule[]> = Intersect<
  SliceOf<Modules[number]>
>;
