import { createHmac } from "node:crypto";
import {
  githubReferenceListSchema,
  githubRepositoryListSchema,
  integrationListSchema,
  repositoryLinkListSchema,
} from "@plugboard/core";
import { simulatedRepository } from "@plugboard/provider-simulators";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { oauthHarness } from "../integrations/oauth/oauth.test-harness";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function installed(options: Parameters<typeof oauthHarness>[0] = {}) {
  const h = oauthHarness(options);
  server.use(...h.github.handlers);
  expect((await h.install()).status).toBe(200);
  return h;
}

const secret = "whsec-github-test";
let deliveries = 0;

/** Posts a signed delivery, then lets the worker run what it queued (as a host's worker would). */
async function delivery(
  h: ReturnType<typeof oauthHarness>,
  event: string,
  payload: unknown,
  init: { id?: string; signature?: string } = {},
) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  const response = await h.plugboard.handler(
    new Request("http://app.test/api/plugboard/providers/github/webhook", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": event,
        "x-github-delivery": init.id ?? `delivery-${++deliveries}`,
        "x-hub-signature-256": init.signature ?? signature,
      },
      body,
    }),
  );
  await h.plugboard.worker.runDue();
  return response;
}

const web = { id: 101, full_name: "acme-inc/web" };

function pullRequest(action: string, fields: Record<string, unknown> = {}) {
  return {
    action,
    number: 42,
    repository: web,
    pull_request: {
      number: 42,
      title: "PLANE-12: fix the login redirect",
      body: "Also touches PLANE-13 and PLANE-12 again; plane-99 in lower case is prose.",
      html_url: "https://github.com/acme-inc/web/pull/42",
      state: "open",
      merged: false,
      user: { login: "octocat" },
      head: { ref: "feature/PLANE-14-login" },
      ...fields,
    },
  };
}

async function link(
  h: ReturnType<typeof oauthHarness>,
  projectId = "prj_web",
  repository = "acme-inc/web",
) {
  return h.call("POST", "/api/plugboard/providers/github/links", {
    user: "ada",
    body: { projectId, repository },
  });
}

async function references(h: ReturnType<typeof oauthHarness>, projectId = "prj_web") {
  const response = await h.call(
    "GET",
    `/api/plugboard/providers/github/references?projectId=${projectId}`,
    { user: "grace" },
  );
  return githubReferenceListSchema.parse(await response.json()).data;
}

describe("GitHub repositories", () => {
  it("lists every repository the installation can see, across pages", async () => {
    const h = await installed({
      github: {
        pageSize: 2,
        repositories: [
          simulatedRepository(1, "acme-inc/a"),
          simulatedRepository(2, "acme-inc/b", true),
          simulatedRepository(3, "acme-inc/c"),
        ],
      },
    });
    const response = await h.call("GET", "/api/plugboard/providers/github/repositories", {
      user: "grace",
    });
    expect(response.status).toBe(200);
    const { data } = githubRepositoryListSchema.parse(await response.json());
    expect(data.map((repository) => repository.fullName)).toEqual([
      "acme-inc/a",
      "acme-inc/b",
      "acme-inc/c",
    ]);
    expect(data[1]).toMatchObject({ private: true, htmlUrl: "https://github.com/acme-inc/b" });
  });

  it("answers 404 with a hint before GitHub is installed", async () => {
    const h = oauthHarness();
    const response = await h.call("GET", "/api/plugboard/providers/github/repositories", {
      user: "ada",
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ detail: "Install GitHub first" });
  });
});

describe("when GitHub stops accepting the installation's token", () => {
  const badCredentials = () =>
    HttpResponse.json(
      { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" },
      { status: 401 },
    );

  async function githubInstallation(h: ReturnType<typeof oauthHarness>) {
    const response = await h.call("GET", "/api/plugboard/integrations", { user: "grace" });
    const { data } = integrationListSchema.parse(await response.json());
    return data.find((entry) => entry.id === "github")?.installations[0];
  }

  it("answers provider_error and lists the installation as errored", async () => {
    const h = await installed();
    expect((await githubInstallation(h))?.status).toBe("active");
    // The user revoked the app on github.com: GitHub refuses the (non-expiring) token.
    server.use(http.get("https://api.github.com/user/repos", badCredentials));

    const response = await h.call("GET", "/api/plugboard/providers/github/repositories", {
      user: "grace",
    });
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      code: "provider_error",
      detail: "GitHub no longer accepts this connection; reconnect GitHub",
    });
    const installation = await githubInstallation(h);
    expect(installation?.status).toBe("error");
    // Still installed (a reconnect reuses it), and its tokens are kept.
    const [record] = await h.store.installations.list("org_acme");
    expect(record?.secret).toBeTruthy();
  });

  it("marks it errored when linking hits the 401 too", async () => {
    const h = await installed();
    server.use(http.get("https://api.github.com/repos/:owner/:repo", badCredentials));

    const response = await link(h);
    expect(response.status).toBe(502);
    expect((await githubInstallation(h))?.status).toBe("error");
  });

  it("does not mark a connection that was reconnected while the call was out", async () => {
    const h = await installed();
    const [before] = await h.store.installations.list("org_acme");
    server.use(
      http.get("https://api.github.com/user/repos", async () => {
        // Another tab reconnects GitHub meanwhile: new tokens land in the store.
        expect((await h.install()).status).toBe(200);
        return badCredentials();
      }),
    );

    const response = await h.call("GET", "/api/plugboard/providers/github/repositories", {
      user: "grace",
    });
    expect(response.status).toBe(502);
    const [after] = await h.store.installations.list("org_acme");
    expect(after?.secret).not.toBe(before?.secret);
    expect(after?.status).toBe("active");
  });

  it("leaves the installation active on GitHub's other failures", async () => {
    const h = await installed();
    server.use(
      http.get("https://api.github.com/user/repos", () =>
        HttpResponse.json({ message: "API rate limit exceeded" }, { status: 403 }),
      ),
    );

    const response = await h.call("GET", "/api/plugboard/providers/github/repositories", {
      user: "grace",
    });
    expect(response.status).toBe(502);
    expect((await githubInstallation(h))?.status).toBe("active");
  });
});

describe("linking repositories to projects", () => {
  it("links, lists per project, refuses duplicates and unlinks", async () => {
    const h = await installed();
    const created = await link(h);
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; repositoryId: number };
    expect(body).toMatchObject({ repositoryId: 101, repositoryFullName: "acme-inc/web" });

    expect((await link(h)).status).toBe(409);
    expect((await link(h, "prj_other")).status).toBe(201);

    const listed = await h.call("GET", "/api/plugboard/providers/github/links?projectId=prj_web", {
      user: "grace",
    });
    const { data } = repositoryLinkListSchema.parse(await listed.json());
    expect(data.map((entry) => entry.repositoryFullName)).toEqual(["acme-inc/web"]);

    const unlinked = await h.call("DELETE", `/api/plugboard/providers/github/links/${body.id}`, {
      user: "ada",
    });
    expect(unlinked.status).toBe(204);
    const again = await h.call("DELETE", `/api/plugboard/providers/github/links/${body.id}`, {
      user: "ada",
    });
    expect(again.status).toBe(404);
  });

  it("refuses a repository GitHub does not show the installation, and members", async () => {
    const h = await installed();
    const missing = await link(h, "prj_web", "acme-inc/secret");
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: "validation_failed" });

    const member = await h.call("POST", "/api/plugboard/providers/github/links", {
      user: "grace",
      body: { projectId: "prj_web", repository: "acme-inc/web" },
    });
    expect(member.status).toBe(403);
  });

  it("requires ?projectId on the list routes", async () => {
    const h = await installed();
    const response = await h.call("GET", "/api/plugboard/providers/github/links", { user: "ada" });
    expect(response.status).toBe(400);
  });
});

describe("the GitHub webhook receiver", () => {
  it("refuses a wrong or missing signature with 401 and records nothing", async () => {
    const h = await installed();
    await link(h);
    const forged = await delivery(h, "pull_request", pullRequest("opened"), {
      signature: `sha256=${"0".repeat(64)}`,
    });
    expect(forged.status).toBe(401);
    const unsigned = await delivery(h, "pull_request", pullRequest("opened"), { signature: "" });
    expect(unsigned.status).toBe(401);
    expect(await references(h)).toEqual([]);
    expect(h.onIssueReference).not.toHaveBeenCalled();
  });

  it("tracks a pull request's issue keys and tells the host once per key", async () => {
    const h = await installed();
    await link(h);
    const response = await delivery(h, "pull_request", pullRequest("opened"));
    expect(response.status).toBe(200);

    const refs = await references(h);
    expect(refs.map((ref) => ref.issueKey).sort()).toEqual(["PLANE-12", "PLANE-13", "PLANE-14"]);
    expect(refs[0]).toMatchObject({
      kind: "pull_request",
      label: "#42",
      state: "open",
      author: "octocat",
      url: "https://github.com/acme-inc/web/pull/42",
    });
    expect(h.onIssueReference).toHaveBeenCalledTimes(3);
    expect(h.onIssueReference).toHaveBeenCalledWith(
      expect.objectContaining({
        organizationId: "org_acme",
        projectId: "prj_web",
        issueKey: "PLANE-12",
      }),
    );
    // The opened status, by name, applied through the host port as the integration itself.
    expect(h.host.issue("PLANE-12")?.stateId).toBe("st_review");
    const updates = h.host.calls.filter((call) => call.capability === "issues.update");
    expect(updates).toHaveLength(3);
    expect(updates[0]?.call).toEqual({
      organizationId: "org_acme",
      actor: { integration: "github" },
    });
  });

  it("processes a delivery id once, however often GitHub sends it", async () => {
    const h = await installed();
    await link(h);
    const first = await delivery(h, "pull_request", pullRequest("opened"), { id: "same-id" });
    const second = await delivery(h, "pull_request", pullRequest("opened"), { id: "same-id" });

    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: "queued" });
    expect(await second.json()).toEqual({ status: "duplicate" });
    expect(h.host.calls.filter((call) => call.capability === "issues.getByKey")).toHaveLength(3);
  });

  it("moves issues to the merged status when the pull request merges, not when it closes unmerged", async () => {
    const h = await installed();
    await link(h);
    await delivery(h, "pull_request", pullRequest("opened"));

    await delivery(h, "pull_request", pullRequest("closed", { state: "closed", merged: true }));
    // `merged: "completed"` names a category: the project's completed state.
    expect(h.host.issue("PLANE-14")?.stateId).toBe("st_done");
    const refs = await references(h);
    expect(new Set(refs.map((ref) => ref.state))).toEqual(new Set(["merged"]));
    expect(refs).toHaveLength(3);

    const before = h.host.calls.length;
    await delivery(
      h,
      "pull_request",
      pullRequest("closed", {
        number: 43,
        title: "PLANE-13: abandoned",
        body: null,
        head: { ref: "spike" },
        state: "closed",
        merged: false,
      }),
    );
    // No `closed` status configured: the issue is left alone, not even looked up.
    expect(h.host.calls.slice(before)).toEqual([]);
    expect(h.host.issue("PLANE-13")?.stateId).toBe("st_done");
  });

  it("tracks commits that mention issue keys", async () => {
    const h = await installed();
    await link(h);
    await delivery(h, "push", {
      ref: "refs/heads/main",
      repository: web,
      commits: [
        {
          id: "0123456789abcdef0123456789abcdef01234567",
          message: "PLANE-7 tighten the session cookie\n\nDetails follow.",
          url: "https://github.com/acme-inc/web/commit/0123456789abcdef0123456789abcdef01234567",
          author: { name: "Ada", username: "ada" },
        },
        {
          id: "fedcba9876543210fedcba9876543210fedcba98",
          message: "chore: no key here",
          url: "https://github.com/acme-inc/web/commit/fedcba9876543210fedcba9876543210fedcba98",
        },
      ],
    });
    const refs = await references(h);
    expect(refs).toEqual([
      expect.objectContaining({
        kind: "commit",
        issueKey: "PLANE-7",
        label: "0123456",
        title: "PLANE-7 tighten the session cookie",
        state: "pushed",
        author: "ada",
      }),
    ]);
  });

  it("ignores repositories no project linked and events it does not use", async () => {
    const h = await installed();
    const unlinked = await delivery(h, "pull_request", pullRequest("opened"));
    expect(unlinked.status).toBe(200);
    const ping = await delivery(h, "ping", { zen: "Keep it logically awesome." });
    expect(await ping.json()).toEqual({ status: "ignored" });
    expect(h.onIssueReference).not.toHaveBeenCalled();
  });

  it("acknowledges at once and retries work that failed midway on the worker's schedule", async () => {
    const h = await installed();
    await link(h);
    const upsert = h.store.github.upsertReference;
    h.store.github.upsertReference = async () => {
      throw new Error("database unavailable");
    };
    const accepted = await delivery(h, "pull_request", pullRequest("opened"), { id: "retry-me" });
    expect(accepted.status).toBe(200);
    expect(await h.plugboard.worker.list({ state: "pending" })).toEqual([
      expect.objectContaining({ queue: "github.webhook", lastError: "database unavailable" }),
    ]);

    h.store.github.upsertReference = upsert;
    h.clock.now += 60_000;
    expect(await h.plugboard.worker.runDue()).toMatchObject({ succeeded: 1 });
    expect(await references(h)).toHaveLength(3);
    // GitHub's own redelivery of the same id is a duplicate: the work is already in hand.
    const redelivered = await delivery(h, "pull_request", pullRequest("opened"), {
      id: "retry-me",
    });
    expect(await redelivered.json()).toEqual({ status: "duplicate" });
  });

  it("reads GitHub's form-encoded variant (payload=…) too", async () => {
    const h = await installed();
    await link(h);
    const body = new URLSearchParams({ payload: JSON.stringify(pullRequest("opened")) }).toString();
    const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    const response = await h.plugboard.handler(
      new Request("http://app.test/api/plugboard/providers/github/webhook", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-github-event": "pull_request",
          "x-github-delivery": "form-1",
          "x-hub-signature-256": signature,
        },
        body,
      }),
    );
    expect(response.status).toBe(200);
    await h.plugboard.worker.runDue();
    expect(await references(h)).toHaveLength(3);
  });

  it("marks every installation made with a GitHub account as needing a reconnect when its user revokes the app", async () => {
    const h = await installed();
    const response = await delivery(h, "github_app_authorization", {
      action: "revoked",
      sender: { login: "acme-inc", id: 1 },
    });
    expect(await response.json()).toEqual({ status: "queued" });
    const [installation] = await h.store.installations.list("org_acme");
    expect(installation).toMatchObject({ provider: "github", status: "error" });
  });

  it("answers 404 when the host set no webhook secret", async () => {
    const h = oauthHarness({ providers: { github: { clientId: "x", clientSecret: "y" } } });
    const response = await delivery(h, "ping", {});
    expect(response.status).toBe(404);
  });

  it("keeps serving when a host callback throws, and logs it", async () => {
    const h = await installed();
    await link(h);
    h.onIssueReference.mockRejectedValue(new Error("host database down"));
    const response = await delivery(h, "pull_request", pullRequest("opened"));
    expect(response.status).toBe(200);
    expect(h.logger.error).toHaveBeenCalledWith("onIssueReference threw", expect.anything());
  });
});

describe("GitHub's ping and events Plugboard does not use", () => {
  const ping = {
    zen: "Design for failure.",
    hook_id: 123456,
    hook: {
      type: "Repository",
      id: 123456,
      active: true,
      events: ["pull_request", "push"],
      config: { content_type: "json", insecure_ssl: "0", url: "https://app.test/hook" },
    },
    repository: web,
    sender: { login: "octocat", id: 1 },
  };

  it("answers a signed ping with 200 and remembers nothing, not even its delivery id", async () => {
    const h = await installed();
    await link(h);
    const response = await delivery(h, "ping", ping, { id: "ping-then-reused" });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ignored" });
    expect(await references(h)).toEqual([]);
    expect(h.onIssueReference).not.toHaveBeenCalled();
    expect(h.host.calls).toEqual([]);
    // Had the ping's id been stored, this delivery would be skipped as a duplicate.
    expect(await h.store.github.recordDelivery("ping-then-reused", 0)).toBe(true);
  });

  it("still refuses a ping signed with the wrong secret, so a misconfigured hook shows up", async () => {
    const h = await installed();
    const response = await delivery(h, "ping", ping, { signature: `sha256=${"1".repeat(64)}` });
    expect(response.status).toBe(401);
  });

  it("acknowledges an event type it does not use on a linked repository, and does nothing", async () => {
    const h = await installed();
    await link(h);
    const response = await delivery(h, "issues", {
      action: "opened",
      issue: { number: 7, title: "PLANE-12 is broken", body: "PLANE-13 too" },
      repository: web,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ignored" });
    expect(await references(h)).toEqual([]);
    expect(h.onIssueReference).not.toHaveBeenCalled();
    expect(h.host.calls).toEqual([]);
  });
});

describe("remembering delivery ids", () => {
  const day = 24 * 60 * 60 * 1000;

  function githubWith(deliveryRetentionDays?: number) {
    return {
      providers: {
        github: {
          clientId: "Iv1.plugboardtest",
          clientSecret: "test-client-secret",
          webhookSecret: secret,
          ...(deliveryRetentionDays === undefined ? {} : { deliveryRetentionDays }),
        },
      },
    };
  }

  it("skips redeliveries for 7 days, then forgets the id", async () => {
    const h = await installed();
    await link(h);
    const start = h.clock.now;
    expect(
      await (await delivery(h, "pull_request", pullRequest("opened"), { id: "old" })).json(),
    ).toEqual({ status: "queued" });

    h.clock.now = start + 6 * day;
    const redelivered = await delivery(h, "pull_request", pullRequest("opened"), { id: "old" });
    expect(await redelivered.json()).toEqual({ status: "duplicate" });

    h.clock.now = start + 7 * day + 1;
    await h.plugboard.worker.runDue();
    const late = await delivery(h, "pull_request", pullRequest("opened"), { id: "old" });
    expect(await late.json()).toEqual({ status: "queued" });
  });

  it("prunes delivery ids on the worker's hourly schedule, with the configured retention", async () => {
    const h = await installed(githubWith(2));
    const prune = vi.spyOn(h.store.github, "pruneDeliveries");
    const start = h.clock.now;

    for (const minutes of [0, 30, 59]) {
      h.clock.now = start + minutes * 60_000;
      await h.plugboard.worker.runDue();
    }
    expect(prune).toHaveBeenCalledTimes(1);
    expect(prune).toHaveBeenLastCalledWith(start - 2 * day);

    h.clock.now = start + 60 * 60_000;
    await h.plugboard.worker.runDue();
    expect(prune).toHaveBeenCalledTimes(2);
    expect(prune).toHaveBeenLastCalledWith(h.clock.now - 2 * day);
  });

  it("retries a failed prune later and keeps its error visible", async () => {
    const h = await installed();
    vi.spyOn(h.store.github, "pruneDeliveries").mockRejectedValue(new Error("disk full"));

    expect(await h.plugboard.worker.runDue()).toMatchObject({ retried: 1 });
    expect(await h.plugboard.worker.list({ state: "pending" })).toEqual([
      expect.objectContaining({
        queue: "schedule:plugboard.github.prune-deliveries",
        attempts: 1,
        lastError: "disk full",
      }),
    ]);
  });

  it("refuses a retention that is not a positive number of days at startup", () => {
    expect(() => oauthHarness(githubWith(0))).toThrow(/deliveryRetentionDays/);
  });
});

describe("status sync through the host port", () => {
  it("refuses to start when statuses are configured but the host port cannot move issues", () => {
    expect(() =>
      oauthHarness({
        host: { issues: { getByKey: async () => null } },
      }),
    ).toThrow(
      "providers.github.statuses needs the host port to implement host.workflowStates.list, host.issues.update",
    );
  });

  it("leaves issues of another project than the linked one alone", async () => {
    const h = await installed();
    await link(h, "prj_mobile");
    await delivery(h, "pull_request", pullRequest("opened"));
    expect(h.host.issue("PLANE-12")?.stateId).toBe("st_todo");
    expect(h.host.calls.some((call) => call.capability === "issues.update")).toBe(false);
  });

  it("logs a host answer that breaks the contract and still acknowledges the delivery", async () => {
    const h = await installed();
    await link(h);
    const getByKey = h.host.port.issues.getByKey;
    h.host.port.issues.getByKey = async (call, key) =>
      ({
        ...(await getByKey(call, key)),
        url: "not a url",
      }) as never;
    const response = await delivery(h, "pull_request", pullRequest("opened"));
    expect(response.status).toBe(200);
    expect(h.logger.error).toHaveBeenCalledWith(
      "Status sync through the host port failed",
      expect.objectContaining({
        error: expect.stringContaining("host.issues.getByKey returned an invalid answer"),
      }),
    );
  });
});
