import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HostCall, PublishEventInput } from "@plugboard/server";
import { afterEach } from "vitest";
import { demoUsers } from "../demo-identity";
import type { TrackerContext } from "./context";
import { openTrackerDatabase } from "./database";

const opened: (() => void)[] = [];

afterEach(() => {
  for (const close of opened.splice(0)) close();
});

/**
 * A seeded tracker on a fresh SQLite file, closed and deleted after the test; `published`
 * records what it announced to Plugboard, in order.
 */
export function openTestTracker() {
  const dir = mkdtempSync(join(tmpdir(), "demo-tracker-"));
  let clock = Date.UTC(2026, 10, 30, 12, 0, 0);
  const db = openTrackerDatabase(join(dir, "tracker.db"), () => new Date(clock));
  const published: PublishEventInput[] = [];
  const context: TrackerContext = {
    db,
    appOrigin: () => "http://demo.test",
    publish: async (event) => {
      published.push(event);
    },
    now: () => new Date(clock),
  };
  opened.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const ada: HostCall = {
    organizationId: demoUsers.ada.organizationId,
    actor: { userId: demoUsers.ada.userId },
  };
  return {
    context,
    published,
    ada,
    github: { organizationId: ada.organizationId, actor: { integration: "github" } } as HostCall,
    stranger: { organizationId: "org_globex", actor: { userId: "user_linus" } } as HostCall,
    advance(ms: number) {
      clock += ms;
    },
  };
}
