import {
  type JobRecord,
  type JobState,
  type JobStore,
  lapsedError,
  type NewJob,
  type ScheduleRecord,
} from "./types";

/** In-process maps; copies in and out, so callers never share stored objects. */
export function memoryJobs(): JobStore & { clear(): void } {
  const jobs = new Map<string, JobRecord>();
  /** Dedupe key → id of the live job holding it. */
  const live = new Map<string, string>();
  const schedules = new Map<string, ScheduleRecord>();

  const copy = (job: JobRecord): JobRecord => structuredClone(job);
  const isLive = (job: JobRecord) => job.state === "pending" || job.state === "running";

  function finish(job: JobRecord, state: JobState, at: number, error: string | null) {
    job.state = state;
    job.leaseOwner = null;
    job.updatedAt = at;
    if (error !== null) job.lastError = error;
    if (job.dedupeKey !== null && !isLive(job)) live.delete(job.dedupeKey);
  }

  function insert(job: NewJob): { job: JobRecord; created: boolean } {
    const existing = job.dedupeKey === null ? undefined : live.get(job.dedupeKey);
    const held = existing === undefined ? undefined : jobs.get(existing);
    if (held) return { job: copy(held), created: false };
    if (jobs.has(job.id)) throw new Error(`Job ${job.id} already exists`);
    const record: JobRecord = {
      ...structuredClone(job),
      state: "pending",
      attempts: 0,
      leaseOwner: null,
      lastError: null,
      updatedAt: job.createdAt,
    };
    jobs.set(record.id, record);
    if (record.dedupeKey !== null) live.set(record.dedupeKey, record.id);
    return { job: copy(record), created: true };
  }

  const held = (id: string, owner: string) => {
    const job = jobs.get(id);
    return job?.state === "running" && job.leaseOwner === owner ? job : undefined;
  };

  return {
    async enqueue(job) {
      return insert(job);
    },
    async claim({ queues, now, limit, owner, leaseUntil }) {
      const due = [...jobs.values()]
        .filter((job) => isLive(job) && job.runAt <= now && queues.includes(job.queue))
        .sort((a, b) => a.runAt - b.runAt);
      const claimed: JobRecord[] = [];
      for (const job of due) {
        if (claimed.length >= limit) break;
        if (job.state === "running" && job.attempts >= job.maxAttempts) {
          finish(job, "dead", now, lapsedError);
          continue;
        }
        job.state = "running";
        job.leaseOwner = owner;
        job.runAt = leaseUntil;
        job.attempts += 1;
        job.updatedAt = now;
        claimed.push(copy(job));
      }
      return claimed;
    },
    async complete(ids, owner, at) {
      let count = 0;
      for (const id of ids) {
        const job = held(id, owner);
        if (!job) continue;
        finish(job, "succeeded", at, null);
        count += 1;
      }
      return count;
    },
    async fail(id, owner, { error, at, retryAt }) {
      const job = held(id, owner);
      if (!job) return false;
      if (retryAt === null) {
        finish(job, "dead", at, error);
      } else {
        job.state = "pending";
        job.leaseOwner = null;
        job.runAt = retryAt;
        job.lastError = error;
        job.updatedAt = at;
      }
      return true;
    },
    async extendLeases(ids, owner, leaseUntil) {
      let count = 0;
      for (const id of ids) {
        const job = held(id, owner);
        if (!job) continue;
        job.runAt = leaseUntil;
        count += 1;
      }
      return count;
    },
    async get(id) {
      const job = jobs.get(id);
      return job ? copy(job) : null;
    },
    async list({ state, queue, limit = 100 }) {
      return [...jobs.values()]
        .filter((job) => job.state === state && (queue === undefined || job.queue === queue))
        .sort((a, b) => b.updatedAt - a.updatedAt)
        .slice(0, limit)
        .map(copy);
    },
    async retryDead(id, at) {
      const job = jobs.get(id);
      if (job?.state !== "dead") return null;
      if (job.dedupeKey !== null && live.has(job.dedupeKey)) return null;
      job.state = "pending";
      job.attempts = 0;
      job.runAt = at;
      job.updatedAt = at;
      if (job.dedupeKey !== null) live.set(job.dedupeKey, job.id);
      return copy(job);
    },
    async prune(state, before) {
      let count = 0;
      for (const [id, job] of jobs) {
        if (job.state === state && job.updatedAt < before) {
          jobs.delete(id);
          count += 1;
        }
      }
      return count;
    },

    async ensureSchedules(wanted, now) {
      for (const { name, everyMs } of wanted) {
        const stored = schedules.get(name);
        if (!stored) schedules.set(name, { name, everyMs, nextRunAt: now });
        else if (stored.everyMs !== everyMs) {
          stored.everyMs = everyMs;
          stored.nextRunAt = Math.min(stored.nextRunAt, now + everyMs);
        }
      }
    },
    async dueSchedules(names, now) {
      return [...schedules.values()]
        .filter((schedule) => names.includes(schedule.name) && schedule.nextRunAt <= now)
        .map((schedule) => ({ ...schedule }));
    },
    async fireSchedule({ name, expectedRunAt, nextRunAt, job }) {
      const schedule = schedules.get(name);
      if (schedule?.nextRunAt !== expectedRunAt) return null;
      schedule.nextRunAt = nextRunAt;
      return insert(job).job;
    },

    clear() {
      jobs.clear();
      live.clear();
      schedules.clear();
    },
  };
}
