import type { HostIssue, Identity } from "@plugboard/core";
import {
  type LoopbackServer,
  listenOnLoopback,
  startGoogleSimulator,
} from "@plugboard/provider-simulators/node";
import { contextOf } from "../context";
import { generateEncryptionKey } from "../crypto/keyring";
import { createMemoryHost } from "../host/memory-host";
import type { HostPort } from "../host/port";
import { sealOAuthTokens } from "../integrations/oauth/tokens";
import { toNodeHandler } from "../node/to-node-handler";
import { createPlugboard } from "../plugboard";
import { memoryStore } from "../stores/memory/memory-store";
import type { Store } from "../stores/types";

export const users: Record<string, Identity> = {
  ada: { userId: "usr_ada", organizationId: "org_acme", role: "admin" },
  grace: { userId: "usr_grace", organizationId: "org_acme", role: "member" },
};

const at = "2026-11-30T12:00:00.000Z";
export function issue(
  id: string,
  dueDate: string | null,
  extra: Partial<HostIssue> = {},
): HostIssue {
  return {
    id,
    key: `WEB-${id.replace(/\D/g, "")}`,
    projectId: "prj_web",
    title: `Issue ${id}`,
    description: null,
    stateId: "st_todo",
    priority: null,
    assigneeId: null,
    dueDate,
    url: `https://tracker.test/issues/${id}`,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

export interface CalendarHarnessOptions {
  issues?: HostIssue[];
  /** The calendar's own zone (Google answers dateTime in it). */
  calendarZone?: string;
  /** Push notifications on (a watch channel at the kit's loopback URL). Default true. */
  push?: boolean;
  store?: Store;
}

/**
 * The kit served on a loopback port (Google's pushes reach it) with the sync configured against
 * the Google simulator on another, a memory tracker whose due-date changes publish
 * `issue.updated` as a host would, and one user-level Google Calendar connection of Ada's.
 */
export async function calendarHarness(options: CalendarHarnessOptions = {}) {
  const clock = { now: Date.UTC(2026, 10, 30, 12) };
  const google = await startGoogleSimulator({
    now: () => clock.now,
    timeZone: options.calendarZone ?? "Europe/Berlin",
  });
  const memory = createMemoryHost({
    projects: [
      { id: "prj_web", key: "WEB", name: "Web" },
      { id: "prj_ops", key: "OPS", name: "Ops" },
    ],
    states: {
      prj_web: [
        { id: "st_todo", name: "Todo", category: "unstarted" },
        { id: "st_done", name: "Done", category: "completed" },
      ],
    },
    issues: options.issues ?? [],
    now: () => clock.now,
  });
  const published: { type: string; data: Record<string, unknown> }[] = [];
  let server: LoopbackServer | undefined;
  const store = options.store ?? memoryStore();
  let plugboardRef: ReturnType<typeof createPlugboard> | undefined;
  // The host's tracker publishes an event for every change, the calendar sync's own included.
  const issues = memory.port.issues as Required<NonNullable<HostPort["issues"]>>;
  const host: HostPort = {
    ...memory.port,
    issues: {
      ...issues,
      async update(call, issueId, changes) {
        const updated = await issues.update(call, issueId, changes);
        await plugboardRef?.events.publish({
          organizationId: call.organizationId,
          type: "issue.updated",
          data: { issue: { id: issueId } },
        });
        return updated;
      },
    },
  };
  server = await listenOnLoopback((request, response) => {
    void handle(request, response);
  });
  const nodeHandler = { current: null as null | ReturnType<typeof toNodeHandler> };
  async function handle(...args: Parameters<ReturnType<typeof toNodeHandler>>) {
    await nodeHandler.current?.(...args);
  }
  const push = options.push ?? true;
  const plugboard = createPlugboard({
    store,
    authenticate: (request) => users[request.headers.get("x-user") ?? ""] ?? null,
    encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    now: () => clock.now,
    logger: { warn: () => {}, error: () => {} },
    host,
    providers: {
      "google-calendar": {
        clientId: google.simulation.clientId,
        clientSecret: google.simulation.clientSecret,
        baseUrls: {
          accounts: google.origin,
          oauth2: google.origin,
          openId: google.origin,
          calendar: `${google.origin}/calendar/v3`,
        },
        sync: {
          ...(push
            ? {
                notificationsUrl: `${server.origin}/api/plugboard/providers/google-calendar/notifications`,
              }
            : {}),
          backoffBaseMs: 1,
        },
      },
    },
  });
  plugboardRef = plugboard;
  nodeHandler.current = toNodeHandler(plugboard.handler);
  const context = contextOf(plugboard);
  const originalPublish = context.webhooks.publish;
  context.webhooks.publish = async (input) => {
    published.push({ type: input.type, data: input.data as Record<string, unknown> });
    return originalPublish(input);
  };

  const installationId = "ins_gcal_ada";
  const grant = google.simulation.grant();
  await store.installations.create({
    id: installationId,
    provider: "google-calendar",
    organizationId: "org_acme",
    projectId: null,
    level: "user",
    status: "active",
    externalAccountName: "ada@acme.example",
    externalAccountId: "110169484474386276334",
    scopes: ["https://www.googleapis.com/auth/calendar.events"],
    installedBy: "usr_ada",
    secret: await sealOAuthTokens(plugboard, installationId, {
      accessToken: grant.accessToken,
      refreshToken: grant.refreshToken,
      expiresAt: clock.now + 3_600_000,
    }),
    createdAt: clock.now,
    updatedAt: clock.now,
  });

  async function call(method: string, path: string, init: { user?: string; body?: unknown } = {}) {
    const headers = new Headers({ "x-user": init.user ?? "ada" });
    let body: string | undefined;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers.set("content-type", "application/json");
    }
    return plugboard.handler(
      new Request(`${server?.origin}/api/plugboard${path}`, { method, headers, body }),
    );
  }

  /** Runs jobs and delivers Google's pushes until nothing is left to do. */
  async function settle() {
    for (let round = 0; round < 50; round++) {
      await google.simulation.calendar.settled();
      const ran = await plugboard.worker.runDue();
      await google.simulation.calendar.settled();
      if (ran.claimed === 0 && ran.scheduled === 0) return;
    }
    throw new Error("The sync did not settle");
  }

  /** Saves Ada's sync settings and runs the first sync; the sync as the API shows it. */
  async function connect(settings: Record<string, unknown> = {}) {
    const response = await call("PUT", `/google-calendar/connections/${installationId}/sync`, {
      body: {
        calendarId: "primary@sim.example",
        projectIds: ["prj_web"],
        timeZone: "Europe/Berlin",
        ...settings,
      },
    });
    if (response.status !== 201 && response.status !== 200) {
      throw new Error(`saving the sync answered ${response.status}: ${await response.text()}`);
    }
    await settle();
    return (await response.json()) as { id: string };
  }

  /** The host changes an issue and publishes it, as the demo tracker does. */
  async function hostUpdate(issueId: string, changes: Parameters<typeof issues.update>[2]) {
    await host.issues?.update?.(
      { organizationId: "org_acme", actor: { userId: "usr_ada" } },
      issueId,
      changes,
    );
    await settle();
  }

  async function hostPublish(type: string, data: Record<string, unknown>) {
    await plugboard.events.publish({
      organizationId: "org_acme",
      type: type as "issue.updated",
      data,
    });
    await settle();
  }

  const calendar = google.simulation.calendar;
  return {
    plugboard,
    context,
    store,
    clock,
    google,
    calendar,
    memory,
    published,
    installationId,
    call,
    settle,
    connect,
    hostUpdate,
    hostPublish,
    events: (calendarId = "primary@sim.example") => calendar.visibleEvents(calendarId),
    requests: (name: string) => calendar.requests.get(name) ?? 0,
    dueOf: (key: string) => memory.issue(key)?.dueDate,
    async close() {
      await Promise.all([google.close(), server?.close()]);
      await store.close();
    },
  };
}

export type CalendarHarness = Awaited<ReturnType<typeof calendarHarness>>;
