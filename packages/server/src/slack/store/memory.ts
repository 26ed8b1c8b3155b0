import type {
  SlackChannelSettingsRecord,
  SlackDeliveryLogRecord,
  SlackIssueMessageRecord,
  SlackStore,
} from "./types";

const key = (...parts: string[]) => parts.join("\u0000");

export function memorySlack(): SlackStore & { clear(): void } {
  const settings = new Map<string, SlackChannelSettingsRecord>();
  const messages = new Map<string, SlackIssueMessageRecord>();
  const inbound = new Map<string, number>();
  const deliveries = new Map<string, SlackDeliveryLogRecord>();
  const copy = (record: SlackChannelSettingsRecord): SlackChannelSettingsRecord => ({
    ...record,
    events: [...record.events],
    lastDelivery: record.lastDelivery ? { ...record.lastDelivery } : null,
  });

  return {
    async putSettings(record) {
      const id = key(record.organizationId, record.projectId);
      const stored = {
        ...record,
        events: [...record.events],
        lastDelivery: settings.get(id)?.lastDelivery ?? null,
      };
      settings.set(id, stored);
      return copy(stored);
    },
    async getSettings(organizationId, projectId) {
      const found = settings.get(key(organizationId, projectId));
      return found ? copy(found) : null;
    },
    async deleteSettings(organizationId, projectId) {
      return settings.delete(key(organizationId, projectId));
    },
    async recordDeliveryOutcome(organizationId, projectId, outcome) {
      const found = settings.get(key(organizationId, projectId));
      if (found) found.lastDelivery = { ...outcome };
    },
    async recordDeliveryAttempt({ at, ...attempt }) {
      const id = key(attempt.organizationId, attempt.eventId, attempt.channelId);
      const found = deliveries.get(id);
      deliveries.set(
        id,
        found
          ? {
              ...found,
              status: attempt.status,
              lastError: attempt.lastError ?? found.lastError,
              attempts: found.attempts + 1,
              lastAttemptAt: at,
            }
          : { ...attempt, attempts: 1, createdAt: at, lastAttemptAt: at },
      );
    },
    async listDeliveries(organizationId, projectId, limit) {
      return [...deliveries.values()]
        .filter((row) => row.organizationId === organizationId && row.projectId === projectId)
        .sort((a, b) => b.lastAttemptAt - a.lastAttemptAt || b.id.localeCompare(a.id))
        .slice(0, limit)
        .map((row) => ({ ...row }));
    },
    async findIssueMessage(organizationId, issueId, channelId) {
      const found = messages.get(key(organizationId, issueId, channelId));
      return found ? { ...found } : null;
    },
    async saveIssueMessage(record) {
      const id = key(record.organizationId, record.issueId, record.channelId);
      if (messages.has(id)) return false;
      messages.set(id, { ...record });
      return true;
    },
    async recordInbound(id, receivedAt) {
      if (inbound.has(id)) return false;
      inbound.set(id, receivedAt);
      return true;
    },
    async pruneInbound(before) {
      let removed = 0;
      for (const [id, at] of inbound) {
        if (at < before) {
          inbound.delete(id);
          removed += 1;
        }
      }
      return removed;
    },
    clear() {
      settings.clear();
      messages.clear();
      inbound.clear();
      deliveries.clear();
    },
  };
}
