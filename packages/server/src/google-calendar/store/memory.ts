import { PlugboardError } from "@plugboard/core";
import type { CalendarEventLink, CalendarSyncRecord, GoogleCalendarStore } from "./types";

export function memoryGoogleCalendar(): GoogleCalendarStore & { clear(): void } {
  const syncs = new Map<string, CalendarSyncRecord>();
  const links = new Map<string, CalendarEventLink>();
  /** `syncId\0eventId` → the item owning that event. */
  const byEvent = new Map<string, string>();
  const linkKey = (syncId: string, itemKey: string) => `${syncId}\u0000${itemKey}`;
  const copy = (record: CalendarSyncRecord): CalendarSyncRecord => ({
    ...record,
    projectIds: [...record.projectIds],
  });
  const owned = (organizationId: string, id: string) => {
    const record = syncs.get(id);
    return record && record.organizationId === organizationId ? record : undefined;
  };
  return {
    async createSync(record) {
      const taken = [...syncs.values()].some(
        (sync) =>
          sync.organizationId === record.organizationId &&
          sync.installationId === record.installationId,
      );
      if (taken) {
        throw new PlugboardError({ code: "conflict", detail: "This connection already syncs" });
      }
      syncs.set(record.id, copy(record));
    },
    async getSync(organizationId, id) {
      const record = owned(organizationId, id);
      return record ? copy(record) : null;
    },
    async findSyncByInstallation(organizationId, installationId) {
      const record = [...syncs.values()].find(
        (sync) => sync.organizationId === organizationId && sync.installationId === installationId,
      );
      return record ? copy(record) : null;
    },
    async findSyncByChannel(channelId) {
      const record = [...syncs.values()].find((sync) => sync.channelId === channelId);
      return record ? copy(record) : null;
    },
    async listSyncs(organizationId) {
      return [...syncs.values()]
        .filter((sync) => organizationId === undefined || sync.organizationId === organizationId)
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
        .map(copy);
    },
    async updateSync(organizationId, id, update) {
      const record = owned(organizationId, id);
      if (!record) return null;
      const defined = Object.fromEntries(
        Object.entries(update).filter(
          ([key, value]) =>
            value !== undefined && key !== "changesNoted" && key !== "changesPulled",
        ),
      );
      Object.assign(record, defined);
      return copy(record);
    },
    async noteChanges(channelId) {
      const record = [...syncs.values()].find((sync) => sync.channelId === channelId);
      if (!record) return false;
      const owed = record.changesNoted > record.changesPulled;
      record.changesNoted += 1;
      return !owed;
    },
    async finishPull(organizationId, id, noted) {
      const record = owned(organizationId, id);
      if (!record || record.changesNoted !== noted) return false;
      record.changesPulled = noted;
      return true;
    },
    async deleteSync(organizationId, id) {
      if (!owned(organizationId, id)) return false;
      syncs.delete(id);
      for (const [key, link] of links) {
        if (link.syncId !== id) continue;
        links.delete(key);
        byEvent.delete(linkKey(id, link.eventId));
      }
      return true;
    },
    async upsertLinks(batch) {
      for (const link of batch) {
        // One event per item and one item per event, as the SQL unique indexes keep it.
        const owner = byEvent.get(linkKey(link.syncId, link.eventId));
        if (owner !== undefined && owner !== link.itemKey) {
          links.delete(linkKey(link.syncId, owner));
        }
        const previous = links.get(linkKey(link.syncId, link.itemKey));
        if (previous) byEvent.delete(linkKey(link.syncId, previous.eventId));
        links.set(linkKey(link.syncId, link.itemKey), { ...link });
        byEvent.set(linkKey(link.syncId, link.eventId), link.itemKey);
      }
    },
    async getLinks(syncId, itemKeys) {
      return itemKeys.flatMap((itemKey) => {
        const link = links.get(linkKey(syncId, itemKey));
        return link ? [{ ...link }] : [];
      });
    },
    async getLink(syncId, itemKey) {
      const link = links.get(linkKey(syncId, itemKey));
      return link ? { ...link } : null;
    },
    async findLinkByEvent(syncId, eventId) {
      const itemKey = byEvent.get(linkKey(syncId, eventId));
      const link = itemKey === undefined ? undefined : links.get(linkKey(syncId, itemKey));
      return link ? { ...link } : null;
    },
    async deleteLink(syncId, itemKey) {
      const link = links.get(linkKey(syncId, itemKey));
      if (!link) return false;
      byEvent.delete(linkKey(syncId, link.eventId));
      return links.delete(linkKey(syncId, itemKey));
    },
    async countLinks(syncId) {
      return [...links.values()].filter((link) => link.syncId === syncId).length;
    },
    clear() {
      syncs.clear();
      links.clear();
      byEvent.clear();
    },
  };
}
