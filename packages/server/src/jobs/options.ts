export interface JobsOptions {
  /** Jobs a worker runs at once. Default 10. */
  concurrency?: number;
  /** How long `start()` waits between looks when nothing is due. Default 1000 ms. */
  pollIntervalMs?: number;
  /**
   * How long a claim holds. A running worker extends its leases while a job runs; a worker that
   * dies leaves them to lapse, and another worker runs the job again. Default 60 000 ms.
   */
  leaseMs?: number;
  /** Attempts before a job is dead, unless its handler says otherwise. Default 5. */
  maxAttempts?: number;
  /**
   * Delay before retry n: `baseMs · 2^(n-1)`, at most `maxMs`, moved by up to ± `jitter` of
   * itself so failed jobs do not come back in lockstep. Default 10 s, 1 h, 0.2.
   */
  backoff?: { baseMs?: number; maxMs?: number; jitter?: number };
  /** [0, 1); for the jitter. Default Math.random. */
  random?: () => number;
  /**
   * How long finished jobs are kept before the `jobs.prune` schedule (hourly) deletes them: a
   * day for succeeded ones, 30 days for dead ones, so an operator has time to look. False keeps
   * them all.
   */
  retention?: { succeededMs?: number; deadMs?: number } | false;
}

export interface ResolvedJobsOptions {
  concurrency: number;
  pollIntervalMs: number;
  leaseMs: number;
  maxAttempts: number;
  backoff: { baseMs: number; maxMs: number; jitter: number };
  random: () => number;
  retention: { succeededMs: number; deadMs: number } | false;
}

const DAY = 24 * 3_600_000;

export function resolveJobsOptions(options: JobsOptions = {}): ResolvedJobsOptions {
  const resolved: ResolvedJobsOptions = {
    concurrency: options.concurrency ?? 10,
    pollIntervalMs: options.pollIntervalMs ?? 1_000,
    leaseMs: options.leaseMs ?? 60_000,
    maxAttempts: options.maxAttempts ?? 5,
    backoff: {
      baseMs: options.backoff?.baseMs ?? 10_000,
      maxMs: options.backoff?.maxMs ?? 3_600_000,
      jitter: options.backoff?.jitter ?? 0.2,
    },
    random: options.random ?? Math.random,
    retention:
      options.retention === false
        ? false
        : {
            succeededMs: options.retention?.succeededMs ?? DAY,
            deadMs: options.retention?.deadMs ?? 30 * DAY,
          },
  };
  for (const [name, value] of [
    ["concurrency", resolved.concurrency],
    ["pollIntervalMs", resolved.pollIntervalMs],
    ["leaseMs", resolved.leaseMs],
    ["maxAttempts", resolved.maxAttempts],
  ] as const) {
    if (!(Number.isInteger(value) && value > 0)) {
      throw new Error(`jobs.${name} must be a positive integer`);
    }
  }
  const { jitter } = resolved.backoff;
  if (!(jitter >= 0 && jitter < 1)) throw new Error("jobs.backoff.jitter must be in [0, 1)");
  return resolved;
}

/** When to try again after attempt `attempt` failed (1-based), from `at`. */
export function retryAt(options: ResolvedJobsOptions, attempt: number, at: number): number {
  const { baseMs, maxMs, jitter } = options.backoff;
  const delay = Math.min(baseMs * 2 ** (attempt - 1), maxMs);
  return at + Math.round(delay * (1 + jitter * (2 * options.random() - 1)));
}
