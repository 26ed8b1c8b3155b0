import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { generateEncryptionKey } from "../crypto/keyring";
import { oauthStateRecord } from "../integrations/store/conformance";
import { createPlugboard, type Plugboard } from "../plugboard";
import { type Backend, backends, type OpenedBackend } from "../stores/backends.test-helper";
import { defineJob } from "./define";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 30, 12, 0, 0);
const ping = defineJob("ping", z.object({}));

describe.each(backends)("Plugboard's housekeeping on the worker, $name", (backend: Backend) => {
  let opened: OpenedBackend;
  let clock: number;
  let plugboard: Plugboard;

  beforeEach(async () => {
    opened = await backend.open();
    clock = T0;
    plugboard = createPlugboard({
      store: opened.store,
      authenticate: () => null,
      encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
      now: () => clock,
      logger: { warn() {}, error() {} },
    });
  });

  afterEach(async () => {
    await plugboard.worker.stop();
    await opened.close();
  });

  it("runs each housekeeping schedule once an hour", async () => {
    const first = await plugboard.worker.runDue();
    expect(first).toMatchObject({ scheduled: 5, succeeded: 5, dead: 0 });
    expect(
      (await plugboard.worker.list({ state: "succeeded" })).map((job) => job.queue).sort(),
    ).toEqual([
      "schedule:plugboard.api-keys.prune-usage",
      "schedule:plugboard.github.prune-deliveries",
      "schedule:plugboard.jobs.prune",
      "schedule:plugboard.oauth.prune-states",
      "schedule:plugboard.webhooks.prune",
    ]);

    clock += HOUR - 1;
    expect(await plugboard.worker.runDue()).toMatchObject({ scheduled: 0, claimed: 0 });
    clock += 1;
    expect(await plugboard.worker.runDue()).toMatchObject({ scheduled: 5, succeeded: 5 });
  });

  it("deletes expired OAuth states, and keeps live ones", async () => {
    const expired = oauthStateRecord({ createdAt: T0 - 20 * 60_000, expiresAt: T0 - 1 });
    const live = oauthStateRecord({ createdAt: T0, expiresAt: T0 + 10 * 60_000 });
    await opened.store.oauthStates.create(expired);
    await opened.store.oauthStates.create(live);

    await plugboard.worker.runDue();

    expect(await opened.store.oauthStates.consume(expired.id)).toBeNull();
    expect(await opened.store.oauthStates.consume(live.id)).toEqual(live);
  });

  it("prunes succeeded jobs after a day and dead ones after 30 days", async () => {
    plugboard.worker.handle(ping, async () => {});
    const { job: done } = await plugboard.worker.enqueue(ping, {});
    await plugboard.worker.runDue();
    const { job: dead } = await opened.store.jobs.enqueue({
      id: "job_dead",
      queue: "ping",
      payload: "not an object",
      runAt: clock,
      maxAttempts: 1,
      dedupeKey: null,
      createdAt: clock,
    });
    await plugboard.worker.runDue();
    expect((await opened.store.jobs.get(dead.id))?.state).toBe("dead");

    clock += DAY + HOUR;
    await plugboard.worker.runDue();
    expect(await opened.store.jobs.get(done.id)).toBeNull();
    expect(await opened.store.jobs.get(dead.id)).not.toBeNull();

    clock += 30 * DAY;
    await plugboard.worker.runDue();
    expect(await opened.store.jobs.get(dead.id)).toBeNull();
  });
});
