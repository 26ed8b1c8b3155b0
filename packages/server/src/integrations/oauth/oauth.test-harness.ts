import type { Identity } from "@plugboard/core";
import {
  createGitHubSimulation,
  type GitHubSimulationOptions,
} from "@plugboard/provider-simulators";
import { vi } from "vitest";
import { generateEncryptionKey } from "../../crypto/keyring";
import { createMemoryHost } from "../../host/memory-host";
import type { Logger } from "../../logger";
import { createPlugboard, type PlugboardOptions } from "../../plugboard";
import { memoryStore } from "../../stores/memory/memory-store";

export const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
export const ORIGIN = "http://app.test";

export const users: Record<string, Identity> = {
  ada: { userId: "usr_ada", organizationId: "org_acme", role: "admin" },
  grace: { userId: "usr_grace", organizationId: "org_acme", role: "member" },
  alan: { userId: "usr_alan", organizationId: "org_acme", role: "member" },
  linus: { userId: "usr_linus", organizationId: "org_globex", role: "admin" },
};

export interface HarnessOptions extends Partial<PlugboardOptions> {
  github?: GitHubSimulationOptions;
}

/** A handler kit with GitHub configured against the msw simulation, and a fake clock. */
export function oauthHarness(options: HarnessOptions = {}) {
  const { github: githubOptions, ...plugboardOptions } = options;
  const github = createGitHubSimulation(githubOptions);
  const clock = { now: NOW };
  const store = plugboardOptions.store ?? memoryStore();
  const logger = { warn: vi.fn(), error: vi.fn() } satisfies Logger;
  const onIssueReference = vi.fn();
  const host = trackerHost();
  const encryption = plugboardOptions.encryption ?? {
    currentKeyId: "k1",
    keys: { k1: generateEncryptionKey() },
  };
  const plugboard = createPlugboard({
    store,
    authenticate: (request) => users[request.headers.get("x-user") ?? ""] ?? null,
    encryption,
    logger,
    now: () => clock.now,
    providers: {
      github: {
        clientId: github.clientId,
        clientSecret: github.clientSecret,
        webhookSecret: "whsec-github-test",
        statuses: { opened: "In review", merged: "completed" },
        onIssueReference,
      },
    },
    host: host.port,
    ...plugboardOptions,
  });

  async function call(
    method: string,
    path: string,
    init: { user?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.user) headers.set("x-user", init.user);
    let body: string | undefined;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers.set("content-type", "application/json");
    }
    const url = path.startsWith("http") ? path : `${ORIGIN}${path}`;
    return plugboard.handler(new Request(url, { method, headers, body }));
  }

  async function authorize(user = "ada", body: unknown = {}, origin = ORIGIN): Promise<string> {
    const response = await call("POST", "/api/plugboard/integrations/github/authorize", {
      user,
      body,
      headers: { origin },
    });
    if (response.status !== 200) throw new Error(`authorize answered ${response.status}`);
    return ((await response.json()) as { url: string }).url;
  }

  /** Authorize, approve on "GitHub", come back: the callback's response. */
  async function install(user = "ada"): Promise<Response> {
    return call("GET", github.approve(await authorize(user)), { user });
  }

  return {
    plugboard,
    store,
    github,
    clock,
    logger,
    encryption,
    onIssueReference,
    host,
    call,
    authorize,
    install,
  };
}

/** The message the callback page would post, and its target origin, read from the page. */
export async function postedMessage(response: Response) {
  const html = await response.text();
  const message = /var message = (.*);\n/.exec(html)?.[1];
  const target = /var targetOrigin = (.*);\n/.exec(html)?.[1];
  return {
    html,
    message: message ? (JSON.parse(message) as Record<string, unknown>) : null,
    targetOrigin: target ? (JSON.parse(target) as string) : null,
  };
}

/** The host's tracker: project prj_web (PLANE) with PLANE-12, -13 and -14 in Todo. */
export function trackerHost() {
  const at = new Date(NOW).toISOString();
  return createMemoryHost({
    projects: [{ id: "prj_web", key: "PLANE", name: "Web" }],
    states: {
      prj_web: [
        { id: "st_todo", name: "Todo", category: "unstarted" },
        { id: "st_review", name: "In review", category: "started" },
        { id: "st_done", name: "Done", category: "completed" },
      ],
    },
    issues: [12, 13, 14].map((n) => ({
      id: `iss_${n}`,
      key: `PLANE-${n}`,
      projectId: "prj_web",
      title: `Issue ${n}`,
      description: null,
      stateId: "st_todo",
      priority: null,
      assigneeId: null,
      dueDate: null,
      url: `https://tracker.test/issues/PLANE-${n}`,
      createdAt: at,
      updatedAt: at,
    })),
  });
}
