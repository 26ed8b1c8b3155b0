import type { z } from "zod";
import type { JobRecord, JsonValue } from "./types";

/**
 * A kind of job: its queue name and the schema of its payload. Shared by the code that enqueues
 * (a web process) and the worker that handles it (maybe another process): the payload comes
 * back from the database, so the worker validates it before the handler sees it.
 */
export interface JobType<T extends JsonValue> {
  readonly queue: string;
  readonly schema: z.ZodType<T>;
  /** Attempts before a job of this type is dead; default the worker's `maxAttempts`. */
  readonly maxAttempts?: number;
}

export function defineJob<T extends JsonValue>(
  queue: string,
  schema: z.ZodType<T>,
  options: { maxAttempts?: number } = {},
): JobType<T> {
  if (!queue || queue.startsWith("schedule:")) {
    throw new Error(`Job queue names are non-empty and "schedule:" is reserved: ${queue}`);
  }
  return { queue, schema, ...options };
}

/** What a handler gets beside its payload. */
export interface JobRun {
  job: JobRecord;
  /** True on the job's last attempt: a failure now makes it dead. */
  lastAttempt: boolean;
}

export type JobHandler<T> = (payload: T, run: JobRun) => Promise<void>;

export interface EnqueueOptions {
  /** When to run it (epoch ms). Default now. */
  runAt?: number;
  /** Or: this many milliseconds from now. */
  delayMs?: number;
  /** While a job with this key is pending or running, enqueueing again returns that job. */
  dedupeKey?: string;
  /** Overrides the attempts for this job. */
  maxAttempts?: number;
}

export interface ScheduleDefinition {
  /** Unique across the deployment: the row every process shares. */
  name: string;
  /** Runs once per `everyMs`, on one worker of all the processes. */
  everyMs: number;
  /** `tick` is the scheduled time of this run (epoch ms). */
  run(tick: number): Promise<void>;
  /** Attempts for one tick's job. Default the worker's `maxAttempts`. */
  maxAttempts?: number;
}
