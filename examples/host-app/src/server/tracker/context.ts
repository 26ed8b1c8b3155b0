import type { PublishEventInput } from "@plugboard/server";
import type { Database } from "better-sqlite3";

export interface TrackerContext {
  db: Database;
  /** The app's origin, for issue URLs (known once the server listens). */
  appOrigin: () => string;
  /** Plugboard's `events.publish`: every change the tracker makes is announced through it. */
  publish: (event: PublishEventInput) => Promise<unknown>;
  now: () => Date;
}
