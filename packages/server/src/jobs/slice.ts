import type { JobStore } from "./types";

export interface JobsStoreSlice {
  /** Durable jobs and the schedules every process shares. */
  readonly jobs: JobStore;
}
