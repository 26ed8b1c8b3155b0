export type Variant = "plugboard" | "by-hand" | "unguarded";

/** Where a route server keeps its data: a SQLite directory, or PostgreSQL + Redis. */
export interface HostRouteConfig {
  backend: "sqlite" | "postgres";
  directory: string;
  /** With a search_path to a schema of this run's own. */
  postgresUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

export interface HostRouteStats {
  /** Requests the route answered (after the guard let them through). */
  served: number;
  /** Usage rows stored for them; null when unguarded. */
  usageRows: number | null;
  peakRssMiB: number;
}

/** The server process's CPU time so far (user + system, µs) and the requests it answered. */
export interface CpuSample {
  cpuMicros: number;
  served: number;
}
