import { createId } from "@plugboard/core";
import { z } from "zod";
import { backgroundLoop } from "../background-loop";
import type { Logger } from "../logger";
import type { EnqueueOptions, JobHandler, JobType, ScheduleDefinition } from "./define";
import { type ResolvedJobsOptions, retryAt } from "./options";
import type { EnqueueResult, JobListQuery, JobRecord, JobStore, JsonValue } from "./types";

/** What one `runDue()` did. */
export interface RunDueResult {
  /** Schedule ticks this worker fired (enqueued). */
  scheduled: number;
  claimed: number;
  succeeded: number;
  /** Failed and pending again, at their backoff time. */
  retried: number;
  /** Failed with no attempts left (or a payload its schema refuses). */
  dead: number;
}

export interface JobWorker {
  /** Runs jobs of this type here. One handler per queue. */
  handle<T extends JsonValue>(type: JobType<T>, handler: JobHandler<T>): void;
  /** Stores a job (validated against its type's schema); a live job with its dedupe key wins. */
  enqueue<T extends JsonValue>(
    type: JobType<T>,
    payload: T,
    options?: EnqueueOptions,
  ): Promise<EnqueueResult>;
  /** Runs `run` every `everyMs`, on exactly one worker across all processes per tick. */
  schedule(definition: ScheduleDefinition): void;
  /** Runs jobs and fires schedules in the background until `stop()`: a long-lived process. */
  start(): void;
  /** Stops claiming, waits for the jobs in flight to finish and be recorded. */
  stop(): Promise<void>;
  /**
   * Fires the schedules that are due and runs every job due now, then resolves with counts: for
   * a cron (serverless), and for tests to await the work.
   */
  runDue(): Promise<RunDueResult>;
  /** Jobs in one state, most recently updated first; dead ones carry their last error. */
  list(query: JobListQuery): Promise<JobRecord[]>;
  /** Runs a dead job again with fresh attempts; null if it is not dead. */
  retry(id: string): Promise<JobRecord | null>;
}

type Outcome = "succeeded" | "retried" | "dead" | "lost";

interface Registered {
  schema: z.ZodType<JsonValue>;
  handler: JobHandler<JsonValue>;
}

const tickSchema = z.object({ tick: z.number() });
/** A failure's message is kept on the job; longer ones are cut. */
const errorLimit = 2_000;

export function createWorker(deps: {
  store: { jobs: JobStore };
  logger: Logger;
  now: () => number;
  options: ResolvedJobsOptions;
}): JobWorker {
  const { logger, now, options } = deps;
  const store = deps.store.jobs;
  // One owner per worker: a lease names who may finish the job.
  const owner = createId("wrk");
  const handlers = new Map<string, Registered>();
  const schedules = new Map<string, ScheduleDefinition>();
  let schedulesStored = false;
  /** The last claim took every free slot: more may be due, so a finishing job wakes the loop. */
  let hungry = false;
  /** Jobs started by `start()` and not yet recorded, for `stop()` to wait on. */
  const inFlight = new Set<Promise<Outcome>>();
  /**
   * Handlers running now. A slot frees when the handler returns, before the outcome is recorded,
   * so the next claim overlaps the write that records the last batch.
   */
  let busy = 0;
  const leased = new Set<string>();
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  function register(queue: string, registered: Registered) {
    if (handlers.has(queue)) throw new Error(`A handler for job queue ${queue} is already set`);
    handlers.set(queue, registered);
  }

  /** Keeps the leases of running jobs from lapsing while they run (long jobs). */
  function hold(id: string) {
    leased.add(id);
    if (heartbeat) return;
    heartbeat = setInterval(
      () => {
        store.extendLeases([...leased], owner, now() + options.leaseMs).catch((error: unknown) => {
          logger.error("Could not extend job leases", { error: message(error) });
        });
      },
      Math.max(1, Math.floor(options.leaseMs / 3)),
    );
    // A Node timer would otherwise keep a finished process alive.
    (heartbeat as { unref?: () => void }).unref?.();
  }

  function release(id: string) {
    leased.delete(id);
    if (leased.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  }

  // Jobs finishing in the same turn of the event loop are recorded by one statement.
  let completions: { id: string; done: () => void; failed: (error: unknown) => void }[] = [];
  async function flushCompletions() {
    const batch = completions;
    completions = [];
    const ids = batch.map((item) => item.id);
    try {
      const marked = await store.complete(ids, owner, now());
      if (marked < ids.length) {
        logger.warn("Some finished jobs had lost their lease; they may run again", {
          jobs: ids.length - marked,
        });
      }
      for (const item of batch) item.done();
    } catch (error) {
      for (const item of batch) item.failed(error);
    }
  }
  const complete = (id: string) =>
    new Promise<void>((done, failed) => {
      completions.push({ id, done, failed });
      if (completions.length === 1) setTimeout(flushCompletions, 0);
    });

  /** Runs one job and records its outcome; `handled` is called as soon as the handler is done. */
  async function runJob(job: JobRecord, handled: () => void = () => {}): Promise<Outcome> {
    if (leased.has(job.id)) {
      // Its lease lapsed while it ran here (the event loop stalled past the heartbeat) and this
      // worker claimed it back: the run in progress goes on under the renewed lease and records
      // the outcome. A second run beside it would do the work twice at once.
      handled();
      return "lost";
    }
    const registered = handlers.get(job.queue) as Registered;
    hold(job.id);
    try {
      let error: string | null = null;
      let permanent = false;
      const parsed = registered.schema.safeParse(job.payload);
      if (!parsed.success) {
        // Retrying cannot fix a payload: the job is dead at once.
        permanent = true;
        error = `The payload does not match the ${job.queue} job's schema: ${z.prettifyError(parsed.error)}`;
      } else {
        try {
          await registered.handler(parsed.data, {
            job,
            lastAttempt: job.attempts >= job.maxAttempts,
          });
        } catch (caught) {
          error = message(caught);
        }
      }
      handled();
      if (error === null) {
        await complete(job.id);
        return "succeeded";
      }
      const at = now();
      const retry =
        permanent || job.attempts >= job.maxAttempts ? null : retryAt(options, job.attempts, at);
      const kept = await store.fail(job.id, owner, {
        error: error.slice(0, errorLimit),
        at,
        retryAt: retry,
      });
      if (!kept) return "lost";
      if (retry === null) {
        logger.error("A job is dead: it failed on its last attempt", {
          jobId: job.id,
          queue: job.queue,
          attempts: job.attempts,
          error,
        });
        return "dead";
      }
      return "retried";
    } catch (error) {
      // The outcome could not be recorded: the lease lapses and the job runs again.
      logger.error("Could not record a job's outcome", { jobId: job.id, error: message(error) });
      return "lost";
    } finally {
      release(job.id);
    }
  }

  async function fireDueSchedules(at: number): Promise<number> {
    if (schedules.size === 0) return 0;
    if (!schedulesStored) {
      await store.ensureSchedules(
        [...schedules.values()].map(({ name, everyMs }) => ({ name, everyMs })),
        at,
      );
      schedulesStored = true;
    }
    let fired = 0;
    for (const due of await store.dueSchedules([...schedules.keys()], at)) {
      const definition = schedules.get(due.name) as ScheduleDefinition;
      // Missed ticks (every process was down) collapse into this one run.
      const next =
        due.nextRunAt + (Math.floor((at - due.nextRunAt) / due.everyMs) + 1) * due.everyMs;
      const queue = `schedule:${due.name}`;
      const job = await store.fireSchedule({
        name: due.name,
        expectedRunAt: due.nextRunAt,
        nextRunAt: next,
        job: {
          id: createId("job"),
          queue,
          payload: { tick: due.nextRunAt },
          runAt: at,
          maxAttempts: definition.maxAttempts ?? options.maxAttempts,
          dedupeKey: `${queue}:${due.nextRunAt}`,
          createdAt: at,
        },
      });
      if (job) fired += 1;
    }
    return fired;
  }

  function claim(limit: number, dueBy: number): Promise<JobRecord[]> {
    return store.claim({
      queues: [...handlers.keys()],
      now: dueBy,
      limit,
      owner,
      leaseUntil: now() + options.leaseMs,
    });
  }

  async function runDue(): Promise<RunDueResult> {
    // Due by the time this started: jobs enqueued while it runs wait for the next call.
    const at = now();
    const result: RunDueResult = {
      scheduled: await fireDueSchedules(at),
      claimed: 0,
      succeeded: 0,
      retried: 0,
      dead: 0,
    };
    for (;;) {
      const claimed = await claim(options.concurrency, at);
      if (claimed.length === 0) return result;
      result.claimed += claimed.length;
      for (const outcome of await Promise.all(claimed.map((job) => runJob(job)))) {
        if (outcome !== "lost") result[outcome] += 1;
      }
    }
  }

  let schedulesCheckedAt = Number.NEGATIVE_INFINITY;
  /** One look: fire due schedules (at most once per poll), fill the free slots with due jobs. */
  async function round(): Promise<boolean> {
    try {
      const at = now();
      if (at - schedulesCheckedAt >= options.pollIntervalMs) {
        schedulesCheckedAt = at;
        await fireDueSchedules(at);
      }
      const free = options.concurrency - busy;
      const claimed = free > 0 ? await claim(free, now()) : [];
      for (const job of claimed) {
        busy += 1;
        const task = runJob(job, () => {
          busy -= 1;
          if (hungry) loop.wake();
        }).finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
      hungry = free === 0 || claimed.length === free;
    } catch (error) {
      hungry = false;
      logger.error("Job worker round failed", { error: message(error) });
    }
    // More may be due and a slot is free (one may have freed while claiming): look again now.
    return hungry && busy < options.concurrency;
  }
  const loop = backgroundLoop(round, options.pollIntervalMs);

  return {
    handle(type, handler) {
      register(type.queue, {
        schema: type.schema as z.ZodType<JsonValue>,
        handler: handler as JobHandler<JsonValue>,
      });
    },

    async enqueue(type, payload, enqueueOptions = {}) {
      const checked = type.schema.safeParse(payload);
      if (!checked.success) {
        throw new Error(
          `The payload does not match the ${type.queue} job's schema: ${z.prettifyError(checked.error)}`,
        );
      }
      const at = now();
      const runAt = enqueueOptions.runAt ?? at + (enqueueOptions.delayMs ?? 0);
      const result = await store.enqueue({
        id: createId("job"),
        queue: type.queue,
        payload,
        runAt,
        maxAttempts: enqueueOptions.maxAttempts ?? type.maxAttempts ?? options.maxAttempts,
        dedupeKey: enqueueOptions.dedupeKey ?? null,
        createdAt: at,
      });
      // Started here with a free slot: run it now rather than at the next poll.
      if (result.created && runAt <= at && handlers.has(type.queue)) loop.wake();
      return result;
    },

    schedule(definition) {
      if (!(Number.isInteger(definition.everyMs) && definition.everyMs > 0)) {
        throw new Error(`Schedule ${definition.name}: everyMs must be a positive integer`);
      }
      if (schedules.has(definition.name)) {
        throw new Error(`A schedule named ${definition.name} is already set`);
      }
      schedules.set(definition.name, definition);
      schedulesStored = false;
      register(`schedule:${definition.name}`, {
        schema: tickSchema,
        handler: (payload) => definition.run((payload as z.infer<typeof tickSchema>).tick),
      });
    },

    start: loop.start,

    async stop() {
      await loop.stop();
      await Promise.all(inFlight);
    },

    runDue,

    list: (query) => store.list(query),

    retry: (id) => store.retryDead(id, now()),
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
