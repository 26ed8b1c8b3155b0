import { createId, PlugboardError, randomBase62 } from "@plugboard/core";
import { z } from "zod";
import type { PlugboardContext } from "../context";
import type { HostCall } from "../host/port";
import type { GoogleCalendarSyncOptions } from "../integrations/oauth/providers/google-calendar";
import { accessTokenFor } from "../integrations/oauth/tokens";
import { defineJob } from "../jobs/define";
import { type CalendarClient, createCalendarClient } from "./calendar-client";
import { sha256Hex } from "./hash";
import type { CalendarSyncRecord } from "./store/types";
import {
  type CycleData,
  pullChanges,
  type SyncScope,
  syncCycle,
  syncIssue,
  writeAllIssues,
} from "./sync-engine";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How long a client reuses an access token (it is refreshed a minute before it expires). */
const tokenReuseMs = 30_000;

export interface GoogleCalendarRuntime {
  baseUrl: string;
  options: Required<Omit<GoogleCalendarSyncOptions, "notificationsUrl">> & {
    /** Asked whenever a channel opens; null: no push, the poll finds changes. */
    notificationsUrl: () => string | null;
  };
  /** Calls a client makes through this hook: benches count quota answers. */
  onThrottled?: () => void;
}

const runtimes = new WeakMap<PlugboardContext, GoogleCalendarRuntime>();

export function runtimeOf(context: PlugboardContext): GoogleCalendarRuntime {
  const runtime = runtimes.get(context);
  if (!runtime) throw new Error("The Google Calendar sync is not set up on this context");
  return runtime;
}

export function createGoogleCalendarRuntime(
  context: PlugboardContext,
  provider: { baseUrls?: { calendar?: string }; sync?: GoogleCalendarSyncOptions } | undefined,
): GoogleCalendarRuntime {
  const sync = provider?.sync ?? {};
  const runtime: GoogleCalendarRuntime = {
    baseUrl: (provider?.baseUrls?.calendar ?? "https://www.googleapis.com/calendar/v3").replace(
      /\/+$/,
      "",
    ),
    options: {
      notificationsUrl: () => {
        const configured = sync.notificationsUrl;
        return (typeof configured === "function" ? configured() : configured) ?? null;
      },
      pollEveryMs: sync.pollEveryMs ?? 5 * MINUTE,
      channelTtlMs: sync.channelTtlMs ?? 7 * DAY,
      renewBeforeMs: sync.renewBeforeMs ?? DAY,
      backoffBaseMs: sync.backoffBaseMs ?? 500,
      maxQuotaRetries: sync.maxQuotaRetries ?? 6,
    },
  };
  runtimes.set(context, runtime);
  return runtime;
}

/** The integration acts as itself in the host (not as whoever connected the calendar). */
export const integrationCall = (organizationId: string): HostCall => ({
  organizationId,
  actor: { integration: "google-calendar" },
});

/** A Calendar API client on the installation's token, refreshed as needed. */
export async function clientFor(
  context: PlugboardContext,
  organizationId: string,
  installationId: string,
): Promise<CalendarClient> {
  const runtime = runtimeOf(context);
  const installation = await context.store.installations.get(organizationId, installationId);
  if (installation?.provider !== "google-calendar") {
    throw new PlugboardError({ code: "not_found", detail: "No such Google Calendar connection" });
  }
  // One decrypt (and at most one refresh) per stretch of calls, not one per call: a first sync
  // makes thousands. `accessTokenFor` hands out tokens valid for a minute more at least.
  let token: { value: Promise<string>; until: number } | null = null;
  const accessToken = () => {
    if (!token || token.until <= context.now()) {
      const value = accessTokenFor(context, installation);
      token = { value, until: context.now() + tokenReuseMs };
      value.catch(() => {
        token = null;
      });
    }
    return token.value;
  };
  return createCalendarClient({
    baseUrl: runtime.baseUrl,
    accessToken,
    backoffBaseMs: runtime.options.backoffBaseMs,
    maxQuotaRetries: runtime.options.maxQuotaRetries,
    ...(runtime.onThrottled ? { onThrottled: runtime.onThrottled } : {}),
  });
}

async function scopeFor(context: PlugboardContext, sync: CalendarSyncRecord): Promise<SyncScope> {
  return {
    context,
    sync,
    client: await clientFor(context, sync.organizationId, sync.installationId),
    call: integrationCall(sync.organizationId),
    conflicts: 0,
    completedStates: new Map(),
  };
}

export const syncJob = defineJob(
  "google-calendar.sync",
  z.object({ organizationId: z.string(), syncId: z.string(), full: z.boolean() }),
);

const hostEventSchema = z.object({
  organizationId: z.string(),
  type: z.string(),
  issueId: z.string().nullable(),
  cycle: z
    .object({
      id: z.string(),
      name: z.string(),
      projectId: z.string().nullable(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
    })
    .nullable(),
});
export const hostEventJob = defineJob("google-calendar.host-event", hostEventSchema);

/** The dedupe key of a sync's scheduled incremental job (the poll) and, with `full`, of a full one. */
export function changesKey(syncId: string, full = false): string {
  return `google-calendar.sync:${syncId}:${full ? "full" : "changes"}`;
}

/** Queues a sync of one calendar; a sync already queued or running absorbs it. */
export function enqueueSync(context: PlugboardContext, sync: CalendarSyncRecord, full = false) {
  return context.worker.enqueue(
    syncJob,
    { organizationId: sync.organizationId, syncId: sync.id, full },
    { dedupeKey: changesKey(sync.id, full) },
  );
}

/** Listings one job makes at most while notifications keep arriving; the next job goes on. */
const maxPullRounds = 5;

/**
 * Lists the calendar's changes until no push notification arrived during a listing. Each round
 * reads the notification count before it lists and finishes only if the count is unchanged once
 * the sync token is stored (`finishPull`, a compare-and-set). A notification counted before that
 * step makes this job list again; one counted after it finds nothing owed and queues a job of its
 * own (see the receiver), which no running job absorbs. A job still not quiet after its rounds
 * queues the next one the same way, so an owed listing always has a job to make it.
 */
async function pullUntilQuiet(context: PlugboardContext, scope: SyncScope): Promise<void> {
  const store = context.store.googleCalendar;
  const { organizationId, id } = scope.sync;
  let noted = scope.sync.changesNoted;
  for (let round = 0; round < maxPullRounds; round++) {
    await pullChanges(scope);
    if (await store.finishPull(organizationId, id, noted)) return;
    const latest = await store.getSync(organizationId, id);
    if (!latest) return;
    noted = latest.changesNoted;
    scope.sync = { ...scope.sync, syncToken: latest.syncToken };
  }
  await context.worker.enqueue(syncJob, { organizationId, syncId: id, full: false });
}

/**
 * Runs work for one sync, recording the outcome on it. A connection Google no longer accepts
 * (the refresh failed: the installation is marked `error`) makes the sync `needs_reconnect`
 * and publishes `integration.disconnected` once; the work is not retried until a reconnect.
 */
async function recorded(
  context: PlugboardContext,
  sync: CalendarSyncRecord,
  work: (scope: SyncScope) => Promise<void>,
): Promise<void> {
  const store = context.store.googleCalendar;
  let scope: SyncScope | undefined;
  try {
    scope = await scopeFor(context, sync);
    await work(scope);
    await store.updateSync(sync.organizationId, sync.id, {
      lastSyncAt: context.now(),
      lastError: null,
      status: "active",
      conflictCount: sync.conflictCount + scope.conflicts,
      updatedAt: context.now(),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const installation = await context.store.installations.get(
      sync.organizationId,
      sync.installationId,
    );
    const disconnected = !installation || installation.status === "error";
    await store.updateSync(sync.organizationId, sync.id, {
      lastError: message,
      conflictCount: sync.conflictCount + (scope?.conflicts ?? 0),
      updatedAt: context.now(),
      ...(disconnected ? { status: "needs_reconnect" as const } : {}),
    });
    if (!disconnected) throw error;
    if (sync.status !== "needs_reconnect") {
      await context.webhooks.publish({
        organizationId: sync.organizationId,
        type: "integration.disconnected",
        data: {
          provider: "google-calendar",
          installationId: sync.installationId,
          reason: message,
        },
        idempotencyKey: `google-calendar.disconnected:${sync.id}:${installation?.updatedAt ?? 0}`,
      });
    }
  }
}

/** A first sync or a forced full one writes every issue; later ones read the calendar's changes. */
export async function runSync(
  context: PlugboardContext,
  payload: { organizationId: string; syncId: string; full: boolean },
): Promise<void> {
  const sync = await context.store.googleCalendar.getSync(payload.organizationId, payload.syncId);
  if (!sync) return;
  await recorded(context, sync, async (scope) => {
    if (payload.full && sync.direction !== "from_calendar") await writeAllIssues(scope);
    if (payload.full) {
      scope.sync = { ...scope.sync, syncToken: null };
    }
    await pullUntilQuiet(context, scope);
    await ensureChannel(context, scope);
  });
}

/** A host event: every active sync of the organization covering it brings its event in line. */
export async function runHostEvent(
  context: PlugboardContext,
  payload: z.infer<typeof hostEventSchema>,
): Promise<void> {
  const syncs = await context.store.googleCalendar.listSyncs(payload.organizationId);
  for (const sync of syncs) {
    if (sync.status !== "active") continue;
    await recorded(context, sync, async (scope) => {
      if (payload.issueId) await syncIssue(scope, payload.issueId);
      if (payload.cycle) {
        await syncCycle(scope, payload.cycle as CycleData, payload.type === "cycle.deleted");
      }
    });
  }
}

/**
 * Opens a watch channel when push is configured and none is live (or the live one expires within
 * `renewBeforeMs`): a new id and a random token, whose hash is stored; the old channel is stopped.
 */
export async function ensureChannel(context: PlugboardContext, scope: SyncScope): Promise<void> {
  const { options } = runtimeOf(context);
  const sync =
    (await context.store.googleCalendar.getSync(scope.sync.organizationId, scope.sync.id)) ??
    scope.sync;
  const address = options.notificationsUrl();
  if (!address) return;
  if (
    sync.channelExpiresAt !== null &&
    sync.channelExpiresAt - options.renewBeforeMs > context.now()
  ) {
    return;
  }
  const token = randomBase62(40);
  const channel = await scope.client.watch(sync.calendarId, {
    id: createId("gch"),
    token,
    address,
    expiration: context.now() + options.channelTtlMs,
  });
  await context.store.googleCalendar.updateSync(sync.organizationId, sync.id, {
    channelId: channel.id,
    channelTokenHash: await sha256Hex(token),
    channelResourceId: channel.resourceId,
    channelExpiresAt: Number(channel.expiration ?? context.now() + options.channelTtlMs),
  });
  if (sync.channelId && sync.channelResourceId) {
    await stopChannel(context, scope.client, sync);
  }
}

/** Stops a channel; one Google no longer knows is already stopped. */
export async function stopChannel(
  context: PlugboardContext,
  client: CalendarClient,
  sync: CalendarSyncRecord,
): Promise<void> {
  if (!sync.channelId || !sync.channelResourceId) return;
  try {
    await client.stopChannel(sync.channelId, sync.channelResourceId);
  } catch (error) {
    context.logger.warn("Could not stop a Google Calendar watch channel", {
      syncId: sync.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Ends a sync: its watch channel stopped (while the connection's token works) and the sync
 * deleted with its event map. The events it wrote stay in the calendar: they are the user's
 * calendar entries now, and deleting thousands of them on a disconnect, under quota and with the
 * grant being revoked, is not something to do on their behalf (a dedicated calendar can be
 * deleted in Google Calendar in one step).
 */
export async function endSync(context: PlugboardContext, sync: CalendarSyncRecord): Promise<void> {
  if (sync.channelId) {
    try {
      await stopChannel(
        context,
        await clientFor(context, sync.organizationId, sync.installationId),
        sync,
      );
    } catch (error) {
      // The connection itself is unusable: Google lets its channels expire.
      context.logger.warn("Could not reach Google to stop a watch channel", {
        syncId: sync.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  await context.store.googleCalendar.deleteSync(sync.organizationId, sync.id);
}

/** Uninstalling (or disconnecting) a Google Calendar connection ends its sync first. */
export async function beforeUninstall(
  context: PlugboardContext,
  installation: { organizationId: string; id: string; provider: string },
): Promise<void> {
  if (installation.provider !== "google-calendar") return;
  const sync = await context.store.googleCalendar.findSyncByInstallation(
    installation.organizationId,
    installation.id,
  );
  if (sync) await endSync(context, sync);
}

/**
 * A sync marked `needs_reconnect` whose connection was reconnected since: nothing else runs it
 * again (host events pass it by, and a push that finds a listing owed queues nothing).
 */
async function reconnected(context: PlugboardContext, sync: CalendarSyncRecord): Promise<boolean> {
  if (sync.status !== "needs_reconnect") return false;
  const installation = await context.store.installations.get(
    sync.organizationId,
    sync.installationId,
  );
  return installation?.status === "active";
}

/**
 * The poll (changes where push cannot reach, and syncs whose connection came back) and the
 * channel renewal, on the worker's schedules. Sync jobs run on the notification receiver's
 * handler (its job type).
 */
export function scheduleGoogleCalendar(context: PlugboardContext): void {
  const { options } = runtimeOf(context);
  context.worker.handle(hostEventJob, (payload) => runHostEvent(context, payload));
  context.worker.schedule({
    name: "plugboard.google-calendar.poll",
    everyMs: options.pollEveryMs,
    async run() {
      for (const sync of await context.store.googleCalendar.listSyncs()) {
        if (sync.status === "active" || (await reconnected(context, sync))) {
          await enqueueSync(context, sync);
        }
      }
    },
  });
  context.worker.schedule({
    name: "plugboard.google-calendar.renew-channels",
    everyMs: Math.min(60 * MINUTE, options.renewBeforeMs / 2),
    async run() {
      if (!options.notificationsUrl()) return;
      for (const sync of await context.store.googleCalendar.listSyncs()) {
        if (sync.status !== "active") continue;
        if (
          sync.channelExpiresAt !== null &&
          sync.channelExpiresAt - options.renewBeforeMs > context.now()
        ) {
          continue;
        }
        await recorded(context, sync, (scope) => ensureChannel(context, scope));
      }
    },
  });
}

/** What a published host event asks of the sync: the issue or cycle it is about, if any. */
export async function onHostEvent(
  context: PlugboardContext,
  event: { organizationId: string; type: string; data: Record<string, unknown> },
): Promise<void> {
  const isIssue = event.type.startsWith("issue.");
  const isCycle = event.type.startsWith("cycle.");
  if (!isIssue && !isCycle) return;
  if ((await context.store.googleCalendar.listSyncs(event.organizationId)).length === 0) return;
  const data = event.data;
  const nested = (key: string) =>
    typeof data[key] === "object" && data[key] !== null
      ? (data[key] as Record<string, unknown>)
      : data;
  const text = (value: unknown) => (typeof value === "string" && value ? value : null);
  const issue = nested("issue");
  const cycle = nested("cycle");
  const cycleId = isCycle ? text(cycle.id) : null;
  await context.worker.enqueue(hostEventJob, {
    organizationId: event.organizationId,
    type: event.type,
    issueId: isIssue ? text(issue.id) : null,
    cycle: cycleId
      ? {
          id: cycleId,
          name: text(cycle.name) ?? cycleId,
          projectId: text(cycle.projectId) ?? text(data.projectId),
          startDate: text(cycle.startDate),
          endDate: text(cycle.endDate),
        }
      : null,
  });
}
