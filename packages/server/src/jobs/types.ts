/**
 * The durable job queue's records and store. Times are epoch milliseconds.
 *
 * A job is `pending` until a worker claims it (`running`, under a lease), then `succeeded`, or
 * `pending` again for a retry, or `dead` once it has used its attempts. A running job whose lease
 * lapsed (its worker died) is claimable again, like a pending one.
 */
export type JobState = "pending" | "running" | "succeeded" | "dead";

/** The error a dead job carries when its worker kept dying under it. */
export const lapsedError =
  "Its worker stopped before finishing (the lease lapsed) on its last attempt";

/** A JSON value: payloads are stored as JSON text. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

export interface JobRecord {
  id: string;
  queue: string;
  payload: JsonValue;
  state: JobState;
  /** Pending: when it may run. Running: when its lease lapses. Finished: when it last could run. */
  runAt: number;
  /** Attempts started so far, including the one running now. */
  attempts: number;
  maxAttempts: number;
  /** While the job is pending or running, a second enqueue with this key returns this job. */
  dedupeKey: string | null;
  /** The worker holding the lease while running. */
  leaseOwner: string | null;
  /** The last failure's message (never its stack or the payload); kept on the dead job. */
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewJob {
  id: string;
  queue: string;
  payload: JsonValue;
  runAt: number;
  maxAttempts: number;
  dedupeKey: string | null;
  createdAt: number;
}

export interface EnqueueResult {
  job: JobRecord;
  /** False when a live job with the same dedupe key existed: `job` is that one. */
  created: boolean;
}

export interface ClaimRequest {
  /** The queues this worker has handlers for. */
  queues: readonly string[];
  now: number;
  limit: number;
  owner: string;
  leaseUntil: number;
}

export interface JobFailure {
  error: string;
  at: number;
  /** When to try again; null makes the job dead. */
  retryAt: number | null;
}

export interface JobListQuery {
  state: JobState;
  queue?: string;
  /** Default 100. */
  limit?: number;
}

/** A recurring schedule as stored: one row per name, shared by every process. */
export interface ScheduleRecord {
  name: string;
  everyMs: number;
  /** The next tick. Whoever moves it forward (compare-and-set) enqueues that tick's job. */
  nextRunAt: number;
}

export interface ScheduleTick {
  name: string;
  /** The `nextRunAt` read; the tick fires only if it is still that. */
  expectedRunAt: number;
  nextRunAt: number;
  job: NewJob;
}

export interface JobStore {
  /** Adds a job, or returns the live (pending or running) job holding the same dedupe key. */
  enqueue(job: NewJob): Promise<EnqueueResult>;
  /**
   * Leases up to `limit` due jobs of the given queues to `owner`, oldest due first: pending ones
   * whose `runAt` has come and running ones whose lease lapsed. Each claim counts an attempt. A
   * lapsed job with no attempts left becomes dead instead. Two claimers never get the same job.
   */
  claim(request: ClaimRequest): Promise<JobRecord[]>;
  /** Marks jobs succeeded, those `owner` still holds; how many it marked. */
  complete(ids: readonly string[], owner: string, at: number): Promise<number>;
  /** Records a failed attempt: pending again at `retryAt`, or dead. False if the lease was lost. */
  fail(id: string, owner: string, failure: JobFailure): Promise<boolean>;
  /** Pushes the leases `owner` holds on these jobs to `leaseUntil` (long jobs); how many. */
  extendLeases(ids: readonly string[], owner: string, leaseUntil: number): Promise<number>;
  get(id: string): Promise<JobRecord | null>;
  /** Jobs in one state, most recently updated first: what an operator looks at. */
  list(query: JobListQuery): Promise<JobRecord[]>;
  /** Puts a dead job back to pending with fresh attempts; the job, or null if not dead. */
  retryDead(id: string, at: number): Promise<JobRecord | null>;
  /** Deletes jobs in a finished state last updated before `before`; how many. */
  prune(state: "succeeded" | "dead", before: number): Promise<number>;

  /**
   * Creates the schedules that do not exist yet (first tick at `now`) and updates the interval of
   * those that do, bringing a far-off next tick forward to `now + everyMs`.
   */
  ensureSchedules(
    schedules: readonly { name: string; everyMs: number }[],
    now: number,
  ): Promise<void>;
  /** Schedules with these names whose next tick has come. */
  dueSchedules(names: readonly string[], now: number): Promise<ScheduleRecord[]>;
  /**
   * Moves the schedule to `nextRunAt` and enqueues the tick's job, in one transaction, only if the
   * schedule still expects `expectedRunAt`: of several processes, exactly one fires each tick.
   */
  fireSchedule(tick: ScheduleTick): Promise<JobRecord | null>;
}
