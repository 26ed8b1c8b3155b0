import type { HostIssue } from "@plugboard/core";
import type { PlugboardContext } from "../context";
import type { HostCall } from "../host/port";
import {
  CalendarApiError,
  type CalendarClient,
  type EventPatch,
  type GoogleEvent,
} from "./calendar-client";
import {
  dueOf,
  eventBodyFor,
  eventIdFor,
  type ItemView,
  issueItem,
  sameDue,
  summaryOf,
} from "./event-mapping";
import type { CalendarEventLink, CalendarSyncRecord } from "./store/types";

/** One sync's work in progress: the connection, who it acts as, and what it counted. */
export interface SyncScope {
  context: PlugboardContext;
  sync: CalendarSyncRecord;
  client: CalendarClient;
  call: HostCall;
  conflicts: number;
  /** Per project: the ids of its completed workflow states. */
  completedStates: Map<string, Set<string>>;
}

const status = (error: unknown) => (error instanceof CalendarApiError ? error.status : null);

async function isCompleted(scope: SyncScope, issue: HostIssue): Promise<boolean> {
  if (!scope.context.host.port?.workflowStates?.list) return false;
  let completed = scope.completedStates.get(issue.projectId);
  if (!completed) {
    const states = await scope.context.host.workflowStates.list(scope.call, issue.projectId);
    completed = new Set(
      states.filter((state) => state.category === "completed").map((state) => state.id),
    );
    scope.completedStates.set(issue.projectId, completed);
  }
  return completed.has(issue.stateId);
}

export async function itemForIssue(scope: SyncScope, issue: HostIssue): Promise<ItemView | null> {
  if (!scope.sync.projectIds.includes(issue.projectId) || issue.dueDate === null) return null;
  return issueItem({ ...issue, dueDate: issue.dueDate }, await isCompleted(scope, issue));
}

/**
 * Inserts the item's event under its derived id. A 409 means the id is taken: our own insert whose
 * bookkeeping was lost in a crash, or an event deleted earlier (Google keeps deleted ids). Either
 * way the event is patched to what it should be, confirmed: never a second event.
 */
async function insertIdempotent(
  scope: SyncScope,
  item: ItemView,
  body: EventPatch,
): Promise<GoogleEvent> {
  const id = eventIdFor(scope.sync.id, item.itemKey);
  try {
    return await scope.client.insertEvent(scope.sync.calendarId, { ...body, id });
  } catch (error) {
    if (status(error) !== 409) throw error;
    const existing = await scope.client.getEvent(scope.sync.calendarId, id);
    return scope.client.patchEvent(
      scope.sync.calendarId,
      id,
      { ...body, status: "confirmed" },
      existing.etag,
    );
  }
}

/**
 * Writes an item's event with If-Match. On 412 (the event changed in the calendar since we last
 * saw it) the event is fetched again and merged: a field changed on one side only keeps that
 * side's value; changed on both, the most recent change wins (the event's `updated` against the
 * issue's `updatedAt`). Titles and descriptions belong to the app; the due date goes both ways.
 */
async function patchMerged(
  scope: SyncScope,
  link: CalendarEventLink,
  item: ItemView,
  updatedAt: string | null,
  body: EventPatch,
): Promise<{ event: GoogleEvent; due: string }> {
  let etag = link.etag;
  let due = item.due;
  for (let attempt = 0; ; attempt++) {
    try {
      const event = await scope.client.patchEvent(scope.sync.calendarId, link.eventId, body, etag);
      return { event, due };
    } catch (error) {
      const code = status(error);
      if (code === 404 || code === 410) {
        return { event: await insertIdempotent(scope, item, body), due };
      }
      if (code !== 412 || attempt >= 3) throw error;
    }
    const current = await scope.client.getEvent(scope.sync.calendarId, link.eventId);
    etag = current.etag;
    if (current.status === "cancelled" || item.lastDay) {
      body = { ...body, status: "confirmed" };
      continue;
    }
    const calendarDue = dueOf(current, scope.sync.timeZone);
    const calendarChanged = !sameDue(calendarDue, link.syncedDue);
    const appChanged = !sameDue(item.due, link.syncedDue);
    let calendarWins = calendarChanged && !appChanged;
    if (calendarChanged && appChanged && !sameDue(calendarDue, item.due)) {
      scope.conflicts += 1;
      calendarWins =
        Date.parse(current.updated ?? "") > Date.parse(updatedAt ?? "") &&
        scope.sync.direction === "both";
    }
    if (calendarWins && calendarDue !== null) {
      const { start: _start, end: _end, ...rest } = body;
      body = rest;
      due = calendarDue;
      await scope.context.host.issues.update(scope.call, item.itemKey.slice("issue:".length), {
        dueDate: calendarDue,
      });
    }
  }
}

/** Makes the calendar show the item as it is in the app (nothing when it already does). */
export async function writeItem(
  scope: SyncScope,
  item: ItemView,
  updatedAt: string | null,
  options: {
    force?: boolean;
    /** The item's link, read already (a first sync reads a page's links at once). */
    link?: CalendarEventLink | null;
    /** Collects the new link instead of storing it: the caller stores a page's links at once. */
    collect?: CalendarEventLink[];
  } = {},
): Promise<void> {
  const { sync, context } = scope;
  const link =
    options.link !== undefined
      ? options.link
      : await context.store.googleCalendar.getLink(sync.id, item.itemKey);
  const summary = summaryOf(sync, item);
  // Unchanged since the last sync: also how the issue update we made from the calendar ends.
  const lastDay = item.lastDay ?? null;
  if (
    !options.force &&
    link &&
    sameDue(link.syncedDue, item.due) &&
    link.syncedTitle === summary &&
    link.syncedLastDay === lastDay
  ) {
    return;
  }
  const body: EventPatch = {
    ...eventBodyFor(sync, item),
    // Put back after a delete in the calendar: a deleted event's id stays, confirmed again.
    ...(options.force ? { status: "confirmed" as const } : {}),
  };
  const { event, due } = link
    ? await patchMerged(scope, link, item, updatedAt, body)
    : { event: await insertIdempotent(scope, item, body), due: item.due };
  const written: CalendarEventLink = {
    syncId: sync.id,
    itemKey: item.itemKey,
    eventId: event.id,
    etag: event.etag,
    syncedDue: due,
    syncedTitle: summary,
    syncedLastDay: lastDay,
    updatedAt: context.now(),
  };
  if (options.collect) options.collect.push(written);
  else await context.store.googleCalendar.upsertLinks([written]);
}

/** Deletes the item's event: the due date was removed, the issue deleted or moved out of scope. */
export async function removeItem(scope: SyncScope, itemKey: string): Promise<void> {
  const store = scope.context.store.googleCalendar;
  const link = await store.getLink(scope.sync.id, itemKey);
  if (!link) return;
  let etag = link.etag;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await scope.client.deleteEvent(scope.sync.calendarId, link.eventId, etag);
      break;
    } catch (error) {
      const code = status(error);
      if (code === 404 || code === 410) break;
      if (code !== 412) throw error;
      // Edited in the calendar meanwhile: the app removed the item, so the removal wins.
      etag = (await scope.client.getEvent(scope.sync.calendarId, link.eventId)).etag;
    }
  }
  await store.deleteLink(scope.sync.id, itemKey);
}

/** An issue changed, was created or deleted in the host: bring its event in line. */
export async function syncIssue(scope: SyncScope, issueId: string): Promise<void> {
  if (scope.sync.direction === "from_calendar") return;
  const issue = await scope.context.host.issues.get(scope.call, issueId);
  const item = issue ? await itemForIssue(scope, issue) : null;
  if (!item) return removeItem(scope, `issue:${issueId}`);
  await writeItem(scope, item, issue?.updatedAt ?? null);
}

export interface CycleData {
  id: string;
  name: string;
  projectId: string | null;
  startDate: string | null;
  endDate: string | null;
}

/**
 * Cycles are multi-day all-day events that flow one way, app → calendar, whatever the sync's
 * direction (except `from_calendar`, which writes nothing): the host port cannot change a
 * cycle's dates, so a cycle moved, renamed or deleted in the calendar is put back at once
 * (`applyEvent`), and the event's description says so.
 */
export async function syncCycle(
  scope: SyncScope,
  cycle: CycleData,
  deleted: boolean,
): Promise<void> {
  if (scope.sync.direction === "from_calendar") return;
  const itemKey = `cycle:${cycle.id}`;
  const inScope = cycle.projectId === null || scope.sync.projectIds.includes(cycle.projectId);
  if (deleted || !inScope || !cycle.startDate || !cycle.endDate) return removeItem(scope, itemKey);
  await writeItem(
    scope,
    cycleItem({
      id: cycle.id,
      name: cycle.name,
      startDate: cycle.startDate,
      endDate: cycle.endDate,
    }),
    null,
  );
}

const cyclePrefix = "Cycle: ";

function cycleItem(cycle: { id: string; name: string; startDate: string; endDate: string }) {
  return {
    itemKey: `cycle:${cycle.id}`,
    title: `${cyclePrefix}${cycle.name}`,
    due: cycle.startDate,
    lastDay: cycle.endDate,
    completed: false,
    description: `Cycle ${cycle.name}: ${cycle.startDate} to ${cycle.endDate}\n\nKept by the tracker: changes made here are put back.`,
  } satisfies ItemView;
}

/** A cycle's event as last written, from its link: what a calendar edit is undone to. */
async function reassertCycle(scope: SyncScope, link: CalendarEventLink): Promise<void> {
  const store = scope.context.store.googleCalendar;
  if (link.syncedDue === null || link.syncedLastDay === null) {
    // Written before cycles kept their last day: the cycle's next change in the app rewrites it.
    await store.deleteLink(scope.sync.id, link.itemKey);
    return;
  }
  const item = cycleItem({
    id: link.itemKey.slice("cycle:".length),
    name: link.syncedTitle.slice(cyclePrefix.length),
    startDate: link.syncedDue,
    endDate: link.syncedLastDay,
  });
  await writeItem(scope, item, null, { force: true });
}

/**
 * Every issue with a due date in the sync's projects: the first sync, and a forced full one. A
 * page of issues at a time: its links read in one query, its events written by a pool of
 * `concurrency` calls (one backing off on a 429 does not hold up the others), its links stored
 * in one write. A crash
 * before that write loses no event: the ids are derived, so the next run meets 409 and patches.
 */
export async function writeAllIssues(scope: SyncScope, concurrency = 8): Promise<number> {
  const store = scope.context.store.googleCalendar;
  let written = 0;
  for (const projectId of scope.sync.projectIds) {
    let cursor: string | null = null;
    do {
      const page = await scope.context.host.issues.listDue(scope.call, {
        projectId,
        cursor,
        limit: 200,
      });
      const items = page.issues;
      const links = new Map(
        (
          await store.getLinks(
            scope.sync.id,
            items.map((issue) => `issue:${issue.id}`),
          )
        ).map((link) => [link.itemKey, link]),
      );
      const collected: CalendarEventLink[] = [];
      let next = 0;
      try {
        await Promise.all(
          Array.from({ length: Math.min(concurrency, items.length) }, async () => {
            while (next < items.length) {
              const issue = items[next++] as HostIssue;
              const item = await itemForIssue(scope, issue);
              if (!item) continue;
              await writeItem(scope, item, issue.updatedAt, {
                link: links.get(item.itemKey) ?? null,
                collect: collected,
              });
            }
          }),
        );
      } finally {
        // What was written is recorded even when a call failed: the retry skips it.
        await store.upsertLinks(collected);
      }
      written += items.length;
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  return written;
}

/**
 * One event from the calendar's listing. Our own writes come back with the etag we stored
 * (ignored: no loop); a moved event changes the issue's due date through the host port; a
 * deleted one clears it or is put back, as configured; an event with the configured tag in a
 * calendar creates an issue (off by default).
 */
export async function applyEvent(scope: SyncScope, event: GoogleEvent): Promise<void> {
  const { sync, context } = scope;
  const store = context.store.googleCalendar;
  const link = await store.findLinkByEvent(sync.id, event.id);
  if (!link) return createFromTag(scope, event);
  if (link.etag === event.etag) return;
  const isIssue = link.itemKey.startsWith("issue:");
  const issueId = link.itemKey.slice("issue:".length);
  if (sync.direction === "to_calendar" || !isIssue) {
    // The app is the source: put the app's version back over the calendar's edit.
    await store.upsertLinks([{ ...link, etag: event.etag }]);
    return isIssue ? reassertIssue(scope, issueId) : reassertCycle(scope, link);
  }
  if (event.status === "cancelled") {
    if (sync.onEventDeleted === "recreate_event") {
      await store.upsertLinks([{ ...link, etag: event.etag }]);
      return reassertIssue(scope, issueId);
    }
    await store.deleteLink(sync.id, link.itemKey);
    const issue = await context.host.issues.get(scope.call, issueId);
    if (issue?.dueDate) await context.host.issues.update(scope.call, issueId, { dueDate: null });
    return;
  }
  const due = dueOf(event, sync.timeZone);
  if (due === null || sameDue(due, link.syncedDue)) {
    await store.upsertLinks([{ ...link, etag: event.etag }]);
    return;
  }
  const issue = await context.host.issues.get(scope.call, issueId);
  if (!issue) {
    await store.deleteLink(sync.id, link.itemKey);
    return;
  }
  if (
    sync.direction === "both" &&
    !sameDue(issue.dueDate, link.syncedDue) &&
    !sameDue(issue.dueDate, due)
  ) {
    // Both sides moved it since the last sync: the most recent change wins.
    scope.conflicts += 1;
    if (Date.parse(issue.updatedAt) >= Date.parse(event.updated ?? "")) {
      await store.upsertLinks([{ ...link, etag: event.etag }]);
      return reassertIssue(scope, issueId);
    }
  }
  await context.host.issues.update(scope.call, issueId, { dueDate: due });
  await store.upsertLinks([
    { ...link, etag: event.etag, syncedDue: due, updatedAt: context.now() },
  ]);
}

async function reassertIssue(scope: SyncScope, issueId: string): Promise<void> {
  const issue = await scope.context.host.issues.get(scope.call, issueId);
  const item = issue ? await itemForIssue(scope, issue) : null;
  if (!item) return removeItem(scope, `issue:${issueId}`);
  await writeItem(scope, item, issue?.updatedAt ?? null, { force: true });
}

async function createFromTag(scope: SyncScope, event: GoogleEvent): Promise<void> {
  const { sync, context } = scope;
  const tag = sync.createIssuesTag;
  if (!tag || sync.direction === "to_calendar" || event.status === "cancelled") return;
  if (!event.summary?.includes(tag) || event.extendedProperties?.private?.plugboardItem) return;
  if (!context.host.port?.issues?.create) return;
  const projectId = sync.projectIds[0] as string;
  const issue = await context.host.issues.create(scope.call, {
    projectId,
    title: event.summary.replace(tag, "").trim() || event.summary,
    dueDate: dueOf(event, sync.timeZone),
  });
  const item = await itemForIssue(scope, issue);
  const marked = await scope.client.patchEvent(
    sync.calendarId,
    event.id,
    { extendedProperties: { private: { plugboardItem: `issue:${issue.id}`, issueId: issue.id } } },
    event.etag,
  );
  await context.store.googleCalendar.upsertLinks([
    {
      syncId: sync.id,
      itemKey: `issue:${issue.id}`,
      eventId: event.id,
      etag: marked.etag,
      syncedDue: issue.dueDate,
      syncedTitle: item ? summaryOf(sync, item) : event.summary,
      syncedLastDay: null,
      updatedAt: context.now(),
    },
  ]);
}

/**
 * Reads the calendar's changes: incremental with the stored sync token, or a full listing (first
 * sync, or after 410 Gone, which drops the token). A full listing maps events back by their
 * derived ids, so it never duplicates anything. Listing again until it comes back empty catches
 * a change that landed while this ran (its push found this job still running).
 */
export async function pullChanges(scope: SyncScope): Promise<number> {
  const { sync, context } = scope;
  let syncToken = sync.syncToken;
  let pageToken: string | undefined;
  let applied = 0;
  for (let round = 0; round < 5; ) {
    let page: Awaited<ReturnType<CalendarClient["listEvents"]>>;
    try {
      page = await scope.client.listEvents(sync.calendarId, {
        ...(syncToken ? { syncToken } : { showDeleted: "true", maxResults: "2500" }),
        ...(pageToken ? { pageToken } : {}),
      });
    } catch (error) {
      if (status(error) !== 410 || syncToken === null) throw error;
      syncToken = null;
      pageToken = undefined;
      continue;
    }
    const items = page.items ?? [];
    for (const event of items) await applyEvent(scope, event);
    applied += items.length;
    if (page.nextPageToken) {
      pageToken = page.nextPageToken;
      continue;
    }
    const wasIncremental = syncToken !== null;
    syncToken = page.nextSyncToken ?? null;
    pageToken = undefined;
    await context.store.googleCalendar.updateSync(sync.organizationId, sync.id, { syncToken });
    round += 1;
    if (!wasIncremental || items.length === 0) break;
  }
  return applied;
}
