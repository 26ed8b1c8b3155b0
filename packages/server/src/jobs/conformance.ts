import { describe, expect, it } from "vitest";
import { type StoreUnderTest, storePerTest } from "../stores/conformance/store-per-test";
import { lapsedError, type NewJob } from "./types";

const T0 = 1_764_000_000_000;
let sequence = 0;

export function newJob(overrides: Partial<NewJob> = {}): NewJob {
  sequence += 1;
  return {
    id: `job_conformance${String(sequence).padStart(6, "0")}`,
    queue: "email",
    payload: { n: sequence },
    runAt: T0,
    maxAttempts: 3,
    dedupeKey: null,
    createdAt: T0,
    ...overrides,
  };
}

const lease = (owner: string, now = T0, limit = 10, queues = ["email"]) => ({
  queues,
  now,
  limit,
  owner,
  leaseUntil: now + 30_000,
});

/** The behaviour every `JobStore` shares: memory, SQLite and PostgreSQL. */
export function describeJobStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: JobStore conformance`, () => {
    const store = storePerTest(makeStore);
    const jobs = () => store().jobs;

    describe("enqueue", () => {
      it("stores a pending job with its payload intact and no attempts", async () => {
        const job = newJob({
          payload: { to: "ada@example.com", tags: ["ü", "✓"], nested: { n: 1.5, none: null } },
          dedupeKey: "welcome:usr_ada",
          runAt: 2 ** 41,
        });
        const { job: stored, created } = await jobs().enqueue(job);

        expect(created).toBe(true);
        const expected = {
          id: job.id,
          queue: "email",
          payload: job.payload,
          state: "pending",
          runAt: 2 ** 41,
          attempts: 0,
          maxAttempts: 3,
          dedupeKey: "welcome:usr_ada",
          leaseOwner: null,
          lastError: null,
          createdAt: T0,
          updatedAt: T0,
        };
        expect(stored).toEqual(expected);
        expect(await jobs().get(job.id)).toEqual(expected);
      });

      it("returns the live job for a second enqueue with the same dedupe key", async () => {
        const first = newJob({ dedupeKey: "sync:ins_1" });
        await jobs().enqueue(first);

        const second = await jobs().enqueue(newJob({ dedupeKey: "sync:ins_1", payload: 2 }));

        expect(second.created).toBe(false);
        expect(second.job.id).toBe(first.id);
        expect(second.job.payload).toEqual(first.payload);
        expect(await jobs().list({ state: "pending" })).toHaveLength(1);
      });

      it("dedupes against a running job too, but not against a finished one", async () => {
        const first = newJob({ dedupeKey: "sync:ins_1" });
        await jobs().enqueue(first);
        await jobs().claim(lease("wrk_a"));

        expect((await jobs().enqueue(newJob({ dedupeKey: "sync:ins_1" }))).job.id).toBe(first.id);

        await jobs().complete([first.id], "wrk_a", T0 + 1);
        const again = await jobs().enqueue(newJob({ dedupeKey: "sync:ins_1" }));
        expect(again.created).toBe(true);
        expect(again.job.id).not.toBe(first.id);
      });

      it("never dedupes jobs without a key", async () => {
        await jobs().enqueue(newJob());
        await jobs().enqueue(newJob());
        expect(await jobs().list({ state: "pending" })).toHaveLength(2);
      });
    });

    describe("claim", () => {
      it("leases due jobs of the asked queues, counting an attempt", async () => {
        const due = newJob();
        await jobs().enqueue(due);
        await jobs().enqueue(newJob({ runAt: T0 + 1 })); // not yet
        await jobs().enqueue(newJob({ queue: "other" }));

        const claimed = await jobs().claim(lease("wrk_a"));

        expect(claimed).toEqual([
          expect.objectContaining({
            id: due.id,
            state: "running",
            attempts: 1,
            leaseOwner: "wrk_a",
            runAt: T0 + 30_000,
            updatedAt: T0,
          }),
        ]);
        expect((await jobs().get(due.id))?.state).toBe("running");
      });

      it("takes the oldest due first and no more than the limit", async () => {
        const late = newJob({ runAt: T0 - 10 });
        const early = newJob({ runAt: T0 - 30 });
        const middle = newJob({ runAt: T0 - 20 });
        for (const job of [late, early, middle]) await jobs().enqueue(job);

        const claimed = await jobs().claim(lease("wrk_a", T0, 2));

        expect(claimed.map((job) => job.id).sort()).toEqual([early.id, middle.id].sort());
      });

      it("runs a delayed job only once its time has come", async () => {
        const job = newJob({ runAt: T0 + 60_000 });
        await jobs().enqueue(job);

        expect(await jobs().claim(lease("wrk_a", T0 + 59_999))).toEqual([]);
        expect((await jobs().claim(lease("wrk_a", T0 + 60_000))).map((j) => j.id)).toEqual([
          job.id,
        ]);
      });

      it("never gives one job to two claimers, even at the same moment", async () => {
        for (let i = 0; i < 20; i++) await jobs().enqueue(newJob());

        const [a, b] = await Promise.all([
          jobs().claim(lease("wrk_a", T0, 15)),
          jobs().claim(lease("wrk_b", T0, 15)),
        ]);

        const ids = [...a, ...b].map((job) => job.id);
        expect(ids).toHaveLength(20);
        expect(new Set(ids).size).toBe(20);
        expect(await jobs().claim(lease("wrk_c"))).toEqual([]);
      });

      it("lets another worker reclaim a job once its lease lapsed (its worker died)", async () => {
        const job = newJob();
        await jobs().enqueue(job);
        await jobs().claim(lease("wrk_a"));

        expect(await jobs().claim(lease("wrk_b", T0 + 29_999))).toEqual([]);
        const [reclaimed] = await jobs().claim(lease("wrk_b", T0 + 30_000));

        expect(reclaimed).toMatchObject({ id: job.id, leaseOwner: "wrk_b", attempts: 2 });
        // The first worker finishing late changes nothing: the lease is no longer its.
        expect(await jobs().complete([job.id], "wrk_a", T0 + 30_001)).toBe(0);
        expect(await jobs().fail(job.id, "wrk_a", { error: "x", at: T0, retryAt: T0 })).toBe(false);
        expect(await jobs().get(job.id)).toMatchObject({ state: "running", leaseOwner: "wrk_b" });
      });

      it("makes a lapsed job dead instead of running it past its attempts", async () => {
        const job = newJob({ maxAttempts: 1 });
        await jobs().enqueue(job);
        await jobs().claim(lease("wrk_a"));

        expect(await jobs().claim(lease("wrk_b", T0 + 30_000))).toEqual([]);

        expect(await jobs().get(job.id)).toMatchObject({
          state: "dead",
          attempts: 1,
          leaseOwner: null,
          lastError: lapsedError,
        });
      });

      it("keeps a job whose lease was extended away from other workers", async () => {
        const job = newJob();
        await jobs().enqueue(job);
        await jobs().claim(lease("wrk_a"));

        expect(await jobs().extendLeases([job.id], "wrk_b", T0 + 90_000)).toBe(0);
        expect(await jobs().extendLeases([job.id], "wrk_a", T0 + 90_000)).toBe(1);

        expect(await jobs().claim(lease("wrk_b", T0 + 60_000))).toEqual([]);
        expect(await jobs().claim(lease("wrk_b", T0 + 90_000))).toHaveLength(1);
      });
    });

    describe("complete and fail", () => {
      it("marks jobs succeeded, only those the owner holds", async () => {
        const mine = newJob();
        const theirs = newJob({ queue: "other" });
        await jobs().enqueue(mine);
        await jobs().enqueue(theirs);
        await jobs().claim(lease("wrk_a"));
        await jobs().claim(lease("wrk_b", T0, 10, ["other"]));

        expect(await jobs().complete([mine.id, theirs.id], "wrk_a", T0 + 5)).toBe(1);

        expect(await jobs().get(mine.id)).toMatchObject({
          state: "succeeded",
          leaseOwner: null,
          updatedAt: T0 + 5,
        });
        expect((await jobs().get(theirs.id))?.state).toBe("running");
      });

      it("puts a failed job back to pending at its retry time with the error", async () => {
        const job = newJob();
        await jobs().enqueue(job);
        await jobs().claim(lease("wrk_a"));

        const failed = await jobs().fail(job.id, "wrk_a", {
          error: "SMTP said 451",
          at: T0 + 10,
          retryAt: T0 + 5_000,
        });

        expect(failed).toBe(true);
        expect(await jobs().get(job.id)).toMatchObject({
          state: "pending",
          runAt: T0 + 5_000,
          attempts: 1,
          leaseOwner: null,
          lastError: "SMTP said 451",
        });
        expect(await jobs().claim(lease("wrk_a", T0 + 4_999))).toEqual([]);
        expect(await jobs().claim(lease("wrk_a", T0 + 5_000))).toMatchObject([
          { id: job.id, attempts: 2, lastError: "SMTP said 451" },
        ]);
      });

      it("makes a job dead when no retry is left, keeps its error, and frees its key", async () => {
        const job = newJob({ dedupeKey: "once" });
        await jobs().enqueue(job);
        await jobs().claim(lease("wrk_a"));

        await jobs().fail(job.id, "wrk_a", { error: "boom", at: T0 + 10, retryAt: null });

        expect(await jobs().list({ state: "dead" })).toEqual([
          expect.objectContaining({ id: job.id, lastError: "boom", updatedAt: T0 + 10 }),
        ]);
        expect(await jobs().claim(lease("wrk_a", T0 + 3_600_000))).toEqual([]);
        expect((await jobs().enqueue(newJob({ dedupeKey: "once" }))).created).toBe(true);
      });

      it("brings a dead job back with fresh attempts when an operator retries it", async () => {
        const job = newJob({ maxAttempts: 1 });
        await jobs().enqueue(job);
        await jobs().claim(lease("wrk_a"));
        await jobs().fail(job.id, "wrk_a", { error: "boom", at: T0, retryAt: null });

        const retried = await jobs().retryDead(job.id, T0 + 100);

        expect(retried).toMatchObject({ state: "pending", attempts: 0, runAt: T0 + 100 });
        expect(await jobs().retryDead(job.id, T0 + 100)).toBeNull(); // not dead any more
        expect(await jobs().claim(lease("wrk_a", T0 + 100))).toHaveLength(1);
      });

      it("leaves a dead job dead when a live job has taken its dedupe key meanwhile", async () => {
        const job = newJob({ maxAttempts: 1, dedupeKey: "sync:ins_1" });
        await jobs().enqueue(job);
        await jobs().claim(lease("wrk_a"));
        await jobs().fail(job.id, "wrk_a", { error: "boom", at: T0, retryAt: null });
        const successor = await jobs().enqueue(newJob({ dedupeKey: "sync:ins_1" }));

        expect(await jobs().retryDead(job.id, T0 + 100)).toBeNull();

        expect((await jobs().get(job.id))?.state).toBe("dead");
        expect((await jobs().enqueue(newJob({ dedupeKey: "sync:ins_1" }))).job.id).toBe(
          successor.job.id,
        );
      });
    });

    describe("list and prune", () => {
      it("lists one state, most recently updated first, by queue and up to a limit", async () => {
        const jobsIn = [newJob(), newJob(), newJob({ queue: "other" })];
        for (const job of jobsIn) await jobs().enqueue(job);
        await jobs().claim(lease("wrk_a", T0, 10, ["email", "other"]));
        for (const [index, job] of jobsIn.entries()) {
          await jobs().fail(job.id, "wrk_a", { error: `e${index}`, at: T0 + index, retryAt: null });
        }

        const dead = await jobs().list({ state: "dead" });
        expect(dead.map((job) => job.lastError)).toEqual(["e2", "e1", "e0"]);
        expect((await jobs().list({ state: "dead", queue: "email" })).map((job) => job.id)).toEqual(
          [jobsIn[1]?.id, jobsIn[0]?.id],
        );
        expect(await jobs().list({ state: "dead", limit: 1 })).toHaveLength(1);
        expect(await jobs().list({ state: "pending" })).toEqual([]);
      });

      it("prunes finished jobs of one state older than the cutoff, never live ones", async () => {
        const old = newJob();
        const recent = newJob();
        const dead = newJob();
        const waiting = newJob({ runAt: T0 + 1_000_000 });
        for (const job of [old, recent, dead, waiting]) await jobs().enqueue(job);
        await jobs().claim(lease("wrk_a"));
        await jobs().complete([old.id], "wrk_a", T0 + 10);
        await jobs().complete([recent.id], "wrk_a", T0 + 20);
        await jobs().fail(dead.id, "wrk_a", { error: "x", at: T0 + 10, retryAt: null });

        expect(await jobs().prune("succeeded", T0 + 20)).toBe(1);

        expect(await jobs().get(old.id)).toBeNull();
        expect(await jobs().get(recent.id)).not.toBeNull();
        expect(await jobs().get(dead.id)).not.toBeNull();
        expect(await jobs().get(waiting.id)).not.toBeNull();
        expect(await jobs().prune("dead", T0 + 11)).toBe(1);
        expect(await jobs().get(dead.id)).toBeNull();
      });
    });

    describe("schedules", () => {
      const tick = (name: string, expectedRunAt: number, nextRunAt: number) => ({
        name,
        expectedRunAt,
        nextRunAt,
        job: newJob({
          queue: `schedule:${name}`,
          dedupeKey: `schedule:${name}:${expectedRunAt}`,
          payload: { tick: expectedRunAt },
        }),
      });

      it("creates a schedule due at once and keeps its next tick on later starts", async () => {
        await jobs().ensureSchedules([{ name: "prune", everyMs: 60_000 }], T0);

        expect(await jobs().dueSchedules(["prune"], T0)).toEqual([
          { name: "prune", everyMs: 60_000, nextRunAt: T0 },
        ]);
        await jobs().fireSchedule(tick("prune", T0, T0 + 60_000));
        await jobs().ensureSchedules([{ name: "prune", everyMs: 60_000 }], T0 + 5);

        expect(await jobs().dueSchedules(["prune"], T0 + 59_999)).toEqual([]);
        expect(await jobs().dueSchedules(["prune"], T0 + 60_000)).toHaveLength(1);
        expect(await jobs().dueSchedules(["other"], T0 + 60_000)).toEqual([]);
      });

      it("fires each tick once: the first compare-and-set wins and enqueues the job", async () => {
        await jobs().ensureSchedules([{ name: "prune", everyMs: 60_000 }], T0);

        const results = await Promise.all([
          jobs().fireSchedule(tick("prune", T0, T0 + 60_000)),
          jobs().fireSchedule(tick("prune", T0, T0 + 60_000)),
          jobs().fireSchedule(tick("prune", T0, T0 + 60_000)),
        ]);

        const fired = results.filter((job) => job !== null);
        expect(fired).toHaveLength(1);
        expect(fired[0]).toMatchObject({
          queue: "schedule:prune",
          dedupeKey: `schedule:prune:${T0}`,
          payload: { tick: T0 },
          state: "pending",
        });
        expect(await jobs().list({ state: "pending" })).toHaveLength(1);
        expect(await jobs().dueSchedules(["prune"], T0 + 59_999)).toEqual([]);
      });

      it("applies a changed interval, bringing a far-off tick forward", async () => {
        await jobs().ensureSchedules([{ name: "sync", everyMs: 3_600_000 }], T0);
        await jobs().fireSchedule(tick("sync", T0, T0 + 3_600_000));

        await jobs().ensureSchedules([{ name: "sync", everyMs: 60_000 }], T0 + 1_000);

        expect(await jobs().dueSchedules(["sync"], T0 + 61_000)).toEqual([
          { name: "sync", everyMs: 60_000, nextRunAt: T0 + 61_000 },
        ]);
      });
    });
  });
}
