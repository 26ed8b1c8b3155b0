import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Logger } from "../logger";
import { type Backend, backends, type OpenedBackend } from "../stores/backends.test-helper";
import type { Store } from "../stores/types";
import { defineJob } from "./define";
import { type JobsOptions, resolveJobsOptions } from "./options";
import { createWorker, type JobWorker } from "./worker";

const T0 = Date.UTC(2026, 10, 30, 12, 0, 0);
const SECOND = 1_000;

const sendEmail = defineJob("email.send", z.object({ to: z.email(), subject: z.string() }), {
  maxAttempts: 3,
});

/** A promise and the functions that settle it: lets a test hold a job mid-run. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe.each(backends)("job worker on $name", (backend: Backend) => {
  let opened: OpenedBackend;
  let clock: number;
  let logger: { warn: ReturnType<typeof vi.fn>; error: ReturnType<typeof vi.fn> };
  const started: JobWorker[] = [];

  beforeEach(async () => {
    opened = await backend.open();
    clock = T0;
    logger = { warn: vi.fn(), error: vi.fn() };
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((worker) => worker.stop()));
    await opened.close();
  });

  function worker(options: JobsOptions = {}, store: Store = opened.store): JobWorker {
    const created = createWorker({
      store,
      logger: logger as Logger,
      now: () => clock,
      // Jitter at the middle of its range is none: retry times are exact.
      options: resolveJobsOptions({ random: () => 0.5, ...options }),
    });
    started.push(created);
    return created;
  }

  it("runs a job with its typed payload and reports it from runDue", async () => {
    const jobs = worker();
    const sent: string[] = [];
    jobs.handle(sendEmail, async ({ to, subject }) => {
      sent.push(`${to}: ${subject}`);
    });
    await jobs.enqueue(sendEmail, { to: "ada@example.com", subject: "Welcome" });

    expect(await jobs.runDue()).toEqual({
      scheduled: 0,
      claimed: 1,
      succeeded: 1,
      retried: 0,
      dead: 0,
    });
    expect(sent).toEqual(["ada@example.com: Welcome"]);
    expect(await jobs.list({ state: "succeeded" })).toHaveLength(1);
    expect(await jobs.runDue()).toMatchObject({ claimed: 0 });
  });

  it("refuses to enqueue a payload its schema rejects", async () => {
    const jobs = worker();
    await expect(jobs.enqueue(sendEmail, { to: "not an address", subject: "x" })).rejects.toThrow(
      /email.send job's schema/,
    );
    expect(await jobs.list({ state: "pending" })).toEqual([]);
  });

  it("runs a delayed job once its time comes, and a deduplicated one once", async () => {
    const jobs = worker();
    const sent: string[] = [];
    jobs.handle(sendEmail, async ({ subject }) => {
      sent.push(subject);
    });
    const first = await jobs.enqueue(
      sendEmail,
      { to: "ada@example.com", subject: "Digest" },
      { delayMs: 60 * SECOND, dedupeKey: "digest:usr_ada" },
    );
    const second = await jobs.enqueue(
      sendEmail,
      { to: "ada@example.com", subject: "Digest again" },
      { delayMs: 60 * SECOND, dedupeKey: "digest:usr_ada" },
    );
    expect(second).toEqual({ job: first.job, created: false });

    clock += 59 * SECOND;
    expect(await jobs.runDue()).toMatchObject({ claimed: 0 });
    clock += SECOND;
    expect(await jobs.runDue()).toMatchObject({ succeeded: 1 });
    expect(sent).toEqual(["Digest"]);
  });

  it("retries a failing job on its backoff schedule and leaves it dead with its error", async () => {
    const jobs = worker({ backoff: { baseMs: 10 * SECOND, maxMs: 15 * SECOND } });
    const attempts: number[] = [];
    jobs.handle(sendEmail, async (_payload, { job, lastAttempt }) => {
      attempts.push(clock - T0);
      const error = new Error(`SMTP 451 on attempt ${job.attempts}${lastAttempt ? " (last)" : ""}`);
      throw error;
    });
    const { job } = await jobs.enqueue(sendEmail, { to: "ada@example.com", subject: "Hi" });

    expect(await jobs.runDue()).toMatchObject({ retried: 1 });
    // Retry 1 after 10 s; retry 2 after 20 s, capped at 15 s.
    clock = T0 + 10 * SECOND - 1;
    expect(await jobs.runDue()).toMatchObject({ claimed: 0 });
    clock = T0 + 10 * SECOND;
    expect(await jobs.runDue()).toMatchObject({ retried: 1 });
    clock = T0 + 25 * SECOND - 1;
    expect(await jobs.runDue()).toMatchObject({ claimed: 0 });
    clock = T0 + 25 * SECOND;
    expect(await jobs.runDue()).toMatchObject({ dead: 1 });

    expect(attempts).toEqual([0, 10 * SECOND, 25 * SECOND]);
    const [dead] = await jobs.list({ state: "dead" });
    expect(dead).toMatchObject({
      id: job.id,
      attempts: 3,
      lastError: "SMTP 451 on attempt 3 (last)",
    });
    // The message only: no stack trace, nothing of the payload.
    expect(dead?.lastError).not.toMatch(/at |ada@example\.com/);
    clock += 24 * 3_600_000;
    expect(await jobs.runDue()).toMatchObject({ claimed: 0 });
    expect(logger.error).toHaveBeenCalledWith(
      "A job is dead: it failed on its last attempt",
      expect.objectContaining({ jobId: job.id, queue: "email.send", attempts: 3 }),
    );

    // An operator fixed the cause: the dead job runs again with fresh attempts.
    expect(await jobs.retry(job.id)).toMatchObject({ state: "pending", attempts: 0 });
  });

  it("spreads retries by the jitter", async () => {
    const jobs = worker({ random: () => 0, backoff: { baseMs: 10 * SECOND, jitter: 0.2 } });
    jobs.handle(sendEmail, async () => {
      throw new Error("down");
    });
    await jobs.enqueue(sendEmail, { to: "ada@example.com", subject: "Hi" });
    await jobs.runDue();

    const [pending] = await jobs.list({ state: "pending" });
    expect(pending?.runAt).toBe(T0 + 8 * SECOND);
  });

  it("makes a job whose stored payload its schema refuses dead at once, without running it", async () => {
    const jobs = worker();
    const handler = vi.fn(async () => {});
    jobs.handle(sendEmail, handler);
    // Written by an older version, or by hand: the worker reads it as outside input.
    await opened.store.jobs.enqueue({
      id: "job_tampered",
      queue: "email.send",
      payload: { to: 42 },
      runAt: T0,
      maxAttempts: 5,
      dedupeKey: null,
      createdAt: T0,
    });

    expect(await jobs.runDue()).toMatchObject({ dead: 1 });
    expect(handler).not.toHaveBeenCalled();
    expect((await jobs.list({ state: "dead" }))[0]?.lastError).toMatch(
      /^The payload does not match the email\.send job's schema/,
    );
  });

  it("runs again a job whose worker died holding it, once the lease lapses", async () => {
    const jobs = worker({ leaseMs: 30 * SECOND });
    const runs: number[] = [];
    jobs.handle(sendEmail, async (_payload, { job }) => {
      runs.push(job.attempts);
    });
    const { job } = await jobs.enqueue(sendEmail, { to: "ada@example.com", subject: "Hi" });
    // Another worker claimed it and died.
    await opened.store.jobs.claim({
      queues: ["email.send"],
      now: T0,
      limit: 1,
      owner: "wrk_dead",
      leaseUntil: T0 + 30 * SECOND,
    });

    expect(await jobs.runDue()).toMatchObject({ claimed: 0 });
    clock = T0 + 30 * SECOND;
    expect(await jobs.runDue()).toMatchObject({ succeeded: 1 });
    expect(runs).toEqual([2]);
    expect((await opened.store.jobs.get(job.id))?.state).toBe("succeeded");
  });

  it("never runs a job twice at once when its lease lapses while it runs in this worker", async () => {
    const jobs = worker({ leaseMs: 30 * SECOND });
    const held = gate();
    let runs = 0;
    jobs.handle(sendEmail, async () => {
      runs += 1;
      await held.opened;
    });
    const { job } = await jobs.enqueue(sendEmail, { to: "ada@example.com", subject: "Hi" });
    const first = jobs.runDue();
    await vi.waitFor(() => expect(runs).toBe(1));
    // The event loop stalled past the heartbeat: the lease has lapsed and the job is claimable.
    clock += 31 * SECOND;
    expect(await jobs.runDue()).toMatchObject({ claimed: 1, succeeded: 0 });
    held.open();
    expect(await first).toMatchObject({ succeeded: 1 });
    expect(runs).toBe(1);
    expect((await opened.store.jobs.get(job.id))?.state).toBe("succeeded");
  });

  it("fires a schedule once per tick across two workers, collapsing missed ticks", async () => {
    const ticks: Array<[string, number]> = [];
    const workers = [worker(), worker({}, await opened.another())];
    for (const [index, each] of workers.entries()) {
      each.schedule({
        name: "digest",
        everyMs: 60 * SECOND,
        async run(tick) {
          ticks.push([`worker ${index}`, tick - T0]);
        },
      });
    }
    const runBoth = () => Promise.all(workers.map((each) => each.runDue()));

    await runBoth();
    await runBoth();
    clock = T0 + 59 * SECOND;
    await runBoth();
    clock = T0 + 60 * SECOND;
    await runBoth();
    // Every process was down for five minutes: one run, then back on the minute.
    clock = T0 + 6 * 60 * SECOND + 5 * SECOND;
    const results = await runBoth();
    clock = T0 + 7 * 60 * SECOND;
    await runBoth();

    expect(ticks.map(([, tick]) => tick)).toEqual([0, 60, 120, 420].map((s) => s * SECOND));
    expect(results.reduce((sum, result) => sum + result.scheduled, 0)).toBe(1);
  });

  it("runs jobs in the background after start, woken by a local enqueue", async () => {
    // A poll far longer than the test: only the wake-up can run the second job in time.
    const jobs = worker({ pollIntervalMs: 3_600_000 });
    const ran = [gate(), gate()];
    let count = 0;
    jobs.handle(sendEmail, async () => ran[count++]?.open());
    await jobs.enqueue(sendEmail, { to: "ada@example.com", subject: "1" });
    jobs.start();
    await ran[0]?.opened; // the loop has claimed what was due and is waiting now

    await jobs.enqueue(sendEmail, { to: "ada@example.com", subject: "2" });
    await ran[1]?.opened;
    await jobs.stop();
    expect(await jobs.list({ state: "succeeded" })).toHaveLength(2);
  });

  it("stops only after the jobs in flight have finished and been recorded", async () => {
    const jobs = worker({ concurrency: 2 });
    const entered = [gate(), gate()];
    const release = gate();
    let running = 0;
    jobs.handle(sendEmail, async () => {
      entered[running++]?.open();
      await release.opened;
    });
    await jobs.enqueue(sendEmail, { to: "ada@example.com", subject: "1" });
    await jobs.enqueue(sendEmail, { to: "ada@example.com", subject: "2" });
    jobs.start();
    await Promise.all(entered.map((each) => each.opened));

    let stopped = false;
    const stopping = jobs.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    expect(await jobs.list({ state: "running" })).toHaveLength(2);

    release.open();
    await stopping;
    expect(await jobs.list({ state: "succeeded" })).toHaveLength(2);
    expect(await jobs.list({ state: "running" })).toEqual([]);
  });

  it("refuses a second handler for a queue and a schedule name used twice", () => {
    const jobs = worker();
    jobs.handle(sendEmail, async () => {});
    expect(() => jobs.handle(sendEmail, async () => {})).toThrow(/already set/);
    jobs.schedule({ name: "s", everyMs: 1, run: async () => {} });
    expect(() => jobs.schedule({ name: "s", everyMs: 1, run: async () => {} })).toThrow(
      /already set/,
    );
    expect(() => defineJob("schedule:mine", z.null())).toThrow(/reserved/);
  });
});
