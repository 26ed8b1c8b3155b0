import type { OAuthStateRecord, OAuthStateStore } from "./oauth-state-types";

export function memoryOAuthStates(): OAuthStateStore & { clear(): void } {
  const states = new Map<string, OAuthStateRecord>();
  return {
    async create(record) {
      states.set(record.id, { ...record });
    },
    async consume(id) {
      // get and delete run in one turn of the event loop: no other caller can interleave.
      const record = states.get(id);
      if (!record) return null;
      states.delete(id);
      return { ...record };
    },
    async deleteExpired(now) {
      let removed = 0;
      for (const [id, record] of states) {
        if (record.expiresAt < now) {
          states.delete(id);
          removed += 1;
        }
      }
      return removed;
    },
    clear() {
      states.clear();
    },
  };
}
