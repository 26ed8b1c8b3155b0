import { type ChildProcess, fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jiraImportRunSchema, jiraPreviewSchema } from "@plugboard/core";
import { listenOnLoopback, startJiraSimulator } from "@plugboard/provider-simulators/node";
import { afterAll, describe, expect, it } from "vitest";
import { generateEncryptionKey } from "../../crypto/keyring";
import { createPlugboard } from "../../plugboard";
import { sqliteStore } from "../../stores/sqlite/index";
import { importHost, jiraImportSetup, scope } from "../jira-import.test-harness";

const issueCount = 120;
const killAfterCreates = 50;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Host = ReturnType<typeof importHost>;

/** The host's whole state, with ids replaced by external ids and the fake's origin taken out. */
function snapshot(host: Host, origin: string) {
  const external = new Map(host.issues().map((issue) => [issue.id, issue.externalId]));
  const cycles = new Map(host.cycles().map((cycle) => [cycle.id, cycle.name]));
  const strip = (text: string | null | undefined) => text?.replaceAll(origin, "JIRA") ?? null;
  const by = <T extends { externalId?: string }>(a: T, b: T) =>
    (a.externalId ?? "").localeCompare(b.externalId ?? "");
  return {
    issues: host
      .issues()
      .sort(by)
      .map((issue) => ({
        externalId: issue.externalId,
        externalUrl: strip(issue.externalUrl),
        title: issue.title,
        description: strip(issue.description),
        stateId: issue.stateId,
        priority: issue.priority,
        assigneeId: issue.assigneeId,
        labels: issue.labels,
        parent: issue.parentId ? external.get(issue.parentId) : null,
        cycle: issue.cycleId ? cycles.get(issue.cycleId) : null,
        estimate: issue.estimate,
        dueDate: issue.dueDate,
        createdAt: issue.createdAt,
        completedAt: issue.completedAt,
      })),
    comments: host
      .comments()
      .sort(by)
      .map((comment) => ({
        externalId: comment.externalId,
        issue: external.get(comment.issueId),
        body: comment.body,
        authorId: comment.authorId,
        createdAt: comment.createdAt,
      })),
    cycles: [...cycles.values()].sort(),
    attachments: host.attachments().map((attachment) => ({
      externalId: attachment.externalId,
      issue: external.get(attachment.issueId),
      content: attachment.content,
    })),
  };
}

function forkWorker(env: Record<string, string>) {
  const child = fork(new URL("./resume-worker.fixture.ts", import.meta.url).pathname, {
    env: { ...process.env, ...env },
    execArgv: ["--conditions=@plugboard/source", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return child;
}

const message = (child: ChildProcess, type: string) =>
  new Promise<Record<string, unknown>>((resolve, reject) => {
    child.on("message", (m: Record<string, unknown>) => m.type === type && resolve(m));
    child.once("exit", (code, signal) => reject(new Error(`worker exited (${code ?? signal})`)));
  });

describe("Jira import survives SIGKILL", () => {
  it("resumes from its checkpoint in a new process; the host ends as after an uninterrupted run", async () => {
    const jira = await startJiraSimulator({ issues: issueCount });
    cleanups.push(() => jira.close());
    const dir = await mkdtemp(join(tmpdir(), "plugboard-jira-resume-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, "plugboard.db");
    const key = generateEncryptionKey();
    const store = await sqliteStore(file);
    cleanups.push(() => store.close());
    const host = importHost();
    const admin = { userId: "usr_ada", organizationId: "org_acme", role: "admin" as const };
    const plugboard = createPlugboard({
      store,
      authenticate: () => admin,
      encryption: { currentKeyId: "k1", keys: { k1: key } },
      host: host.port,
      jiraImport: { allowInsecureHttp: true },
    });
    const api = async (path: string, json: unknown) =>
      (
        await plugboard.handler(
          new Request(`http://app.test/api/plugboard${path}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(json),
          }),
        )
      ).json();

    // The host's tracker serves the worker processes; the first dies while creating issue 90.
    let creates = 0;
    let victim: ChildProcess | null = null;
    const rpc = await listenOnLoopback(
      async (request: IncomingMessage, response: ServerResponse) => {
        let text = "";
        for await (const chunk of request) text += chunk;
        const { capability, args } = JSON.parse(text) as { capability: string; args: unknown[] };
        const [group, method] = capability.split(".") as [string, string];
        if (capability === "issues.create" && ++creates === killAfterCreates && victim) {
          // The create lands in the host; the worker dies before it can record it anywhere.
          await (host.port.issues.create as (...a: unknown[]) => Promise<unknown>)(...args);
          victim.kill("SIGKILL");
          return;
        }
        if (capability === "attachments.upload") {
          const input = args[1] as { content: string };
          args[1] = { ...input, content: new Response(input.content).body };
        }
        const fn = (
          host.port as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>
        )[group]?.[method];
        try {
          const answer = await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
          response
            .writeHead(200, { "content-type": "application/json" })
            .end(JSON.stringify(answer ?? null));
        } catch (error) {
          response.writeHead(500).end((error as Error).message);
        }
      },
    );
    cleanups.push(() => rpc.close());
    const source = (await api("/jira-import/sources/cloud", {
      siteUrl: jira.origin,
      email: "ada@example.com",
      apiToken: "jira-test-api-token",
    })) as { id: string };
    const preview = jiraPreviewSchema.parse(await api("/jira-import/preview", scope(source.id)));
    const run = jiraImportRunSchema.parse(
      await api("/jira-import/runs", { ...scope(source.id), mapping: preview.suggestedMapping }),
    );
    const env = { PLUGBOARD_DB: file, HOST_RPC: rpc.origin, ENCRYPTION_KEY: key, RUN_ID: run.id };
    victim = forkWorker(env);
    const killed = await new Promise((resolve) =>
      victim?.once("exit", (_code, signal) => resolve(signal)),
    );
    expect(killed).toBe("SIGKILL");
    expect(host.issues()).toHaveLength(killAfterCreates);
    const interrupted = await store.jiraImport.getRunById(run.id);
    expect(interrupted?.status).toBe("running");
    expect(interrupted?.checkpoint.done).toBeLessThan(killAfterCreates);
    const second = forkWorker(env);
    expect(await message(second, "finished")).toEqual({ type: "finished", status: "succeeded" });
    const finished = await store.jiraImport.getRunById(run.id);
    expect(finished?.progress).toMatchObject({ done: issueCount, total: issueCount, step: "done" });

    // The same import without a crash, in this process, into a fresh host.
    const reference = await jiraImportSetup({ issues: issueCount });
    cleanups.push(() => reference.close());
    const referenceSource = await reference.connect();
    const referencePreview = jiraPreviewSchema.parse(
      await (
        await reference.call("POST", "/jira-import/preview", { json: scope(referenceSource.id) })
      ).json(),
    );
    await reference.call("POST", "/jira-import/runs", {
      json: { ...scope(referenceSource.id), mapping: referencePreview.suggestedMapping },
    });
    await reference.drain();

    const resumed = snapshot(host, jira.origin);
    expect(resumed.issues).toHaveLength(issueCount);
    expect(new Set(resumed.issues.map((issue) => issue.externalId)).size).toBe(issueCount);
    expect(resumed).toEqual(snapshot(reference.host, reference.jira.origin));
  }, 120_000);
});
