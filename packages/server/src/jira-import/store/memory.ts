import type { JiraImportStore, JiraItemLink, JiraRunRecord, JiraSourceRecord } from "./types";

const itemKey = (o: string, p: string, kind: string, id: string) =>
  JSON.stringify([o, p, kind, id]);
const copy = <T>(value: T): T => structuredClone(value);

export function memoryJiraImport(): JiraImportStore & { clear(): void } {
  const sources = new Map<string, JiraSourceRecord>();
  const rows = new Map<string, Map<number, string>>();
  const runs = new Map<string, JiraRunRecord>();
  const items = new Map<string, JiraItemLink>();
  const ownSource = (organizationId: string, id: string) => {
    const source = sources.get(id);
    return source && source.organizationId === organizationId ? source : null;
  };
  return {
    async createSource(record) {
      sources.set(record.id, copy(record));
    },
    async getSource(organizationId, id) {
      const source = ownSource(organizationId, id);
      return source ? copy(source) : null;
    },
    async listSources(organizationId) {
      return [...sources.values()]
        .filter((source) => source.organizationId === organizationId)
        .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))
        .map(copy);
    },
    async deleteSource(organizationId, id) {
      if (!ownSource(organizationId, id)) return false;
      rows.delete(id);
      return sources.delete(id);
    },
    async appendRows(sourceId, batch) {
      const stored = rows.get(sourceId) ?? new Map<number, string>();
      for (const row of batch) stored.set(row.index, row.data);
      rows.set(sourceId, stored);
    },
    async readRows(sourceId, from, limit) {
      return [...(rows.get(sourceId) ?? new Map<number, string>()).entries()]
        .filter(([index]) => index >= from)
        .sort(([a], [b]) => a - b)
        .slice(0, limit)
        .map(([index, data]) => ({ index, data }));
    },
    async setRowCount(organizationId, id, rowCount) {
      const source = ownSource(organizationId, id);
      if (source) source.rowCount = rowCount;
    },
    async createRun(record) {
      runs.set(record.id, copy(record));
    },
    async getRun(organizationId, id) {
      const run = runs.get(id);
      return run && run.organizationId === organizationId ? copy(run) : null;
    },
    async getRunById(id) {
      const run = runs.get(id);
      return run ? copy(run) : null;
    },
    async listRuns(organizationId) {
      return [...runs.values()]
        .filter((run) => run.organizationId === organizationId)
        .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))
        .slice(0, 50)
        .map(copy);
    },
    async updateRun(id, patch) {
      const run = runs.get(id);
      if (run) Object.assign(run, copy(patch));
    },
    async transitionRun(id, from, to, at) {
      const run = runs.get(id);
      if (!run || !from.includes(run.status)) return false;
      run.status = to;
      run.updatedAt = at;
      return true;
    },
    async findItem(organizationId, hostProjectId, kind, jiraId) {
      const item = items.get(itemKey(organizationId, hostProjectId, kind, jiraId));
      return item ? copy(item) : null;
    },
    async findIssueByKey(organizationId, hostProjectId, jiraKey) {
      const item = [...items.values()].find(
        (candidate) =>
          candidate.organizationId === organizationId &&
          candidate.hostProjectId === hostProjectId &&
          candidate.kind === "issue" &&
          candidate.jiraKey === jiraKey,
      );
      return item ? copy(item) : null;
    },
    async putItem(link) {
      items.set(
        itemKey(link.organizationId, link.hostProjectId, link.kind, link.jiraId),
        copy(link),
      );
    },
    async listChildren(organizationId, hostProjectId, after, limit) {
      return [...items.values()]
        .filter(
          (item) =>
            item.organizationId === organizationId &&
            item.hostProjectId === hostProjectId &&
            item.kind === "issue" &&
            (item.parentJiraId !== null || item.parentJiraKey !== null) &&
            (after === null || item.jiraId > after),
        )
        .sort((a, b) => (a.jiraId < b.jiraId ? -1 : a.jiraId > b.jiraId ? 1 : 0))
        .slice(0, limit)
        .map(copy);
    },
    clear() {
      sources.clear();
      rows.clear();
      runs.clear();
      items.clear();
    },
  };
}
