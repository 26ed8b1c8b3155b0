export interface SqlStoreOptions {
  /** Recognizes the driver's unique-constraint error, which becomes a `conflict`. */
  isUniqueViolation(error: unknown): boolean;
  /** Closes what the store opened; a pool the host passed in stays open. */
  close(): Promise<void>;
  /** Batch concurrent delivery writes into one transaction (see group-commit): SQLite. */
  groupCommits?: boolean;
}
