import {
  createId,
  type createJiraCloudSourceSchema,
  type Identity,
  type JiraPreview,
  type jiraPreviewInputSchema,
  PlugboardError,
  type startJiraImportSchema,
} from "@plugboard/core";
import { z } from "zod";
import type { Keyring } from "../crypto/keyring";
import type { HostClient } from "../host/host-client";
import type { HostCall } from "../host/port";
import { defineJob } from "../jobs/define";
import type { JobWorker } from "../jobs/worker";
import type { Logger } from "../logger";
import { readJiraExport } from "./csv/read-export";
import type { ResolvedJiraImportOptions } from "./options";
import { dryRun } from "./run/dry-run";
import { message, runImport } from "./run/run-import";
import { connectionProblem, jiraCloudClient } from "./source/cloud-client";
import { openSource, tokenContext } from "./source/reader";
import { updatedSinceJql } from "./source/updated-window";
import type { JiraImportStore, JiraRunRecord, JiraSourceRecord } from "./store/types";

/** One job per run; its payload only names the run, whose row holds the checkpoint. */
export const jiraImportJob = defineJob("jira-import.run", z.object({ runId: z.string() }), {
  maxAttempts: 8,
});

/** Rows written to the store per statement while a CSV upload streams in. */
const rowBatch = 500;

export type JiraImportRuntime = ReturnType<typeof createJiraImportRuntime>;

export function createJiraImportRuntime(deps: {
  store: JiraImportStore;
  keyring: Keyring;
  host: HostClient;
  worker: JobWorker;
  logger: Logger;
  now: () => number;
  options: ResolvedJiraImportOptions;
}) {
  const { store, keyring, host, worker, now, options } = deps;
  const http = {
    fetch: options.fetch,
    sleep: options.sleep,
    maxRetries: options.maxRetries,
    retryBaseMs: options.retryBaseMs,
  };
  const callFor = (identity: Identity): HostCall => ({
    organizationId: identity.organizationId,
    actor: { integration: "jira-import" },
  });

  async function sourceOf(identity: Identity, id: string): Promise<JiraSourceRecord> {
    const source = await store.getSource(identity.organizationId, id);
    if (!source) throw new PlugboardError({ code: "not_found", detail: "No such Jira source" });
    return source;
  }

  async function hostProject(identity: Identity, projectId: string) {
    const projects = await host.projects.list(callFor(identity));
    if (!projects.some((project) => project.id === projectId)) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "No such host project",
        errors: [{ path: "hostProjectId", message: "No such project" }],
      });
    }
  }

  async function cloudClient(source: JiraSourceRecord) {
    const apiToken = await keyring.decrypt(source.tokenCiphertext ?? "", tokenContext(source.id));
    return jiraCloudClient(
      { siteUrl: source.siteUrl ?? "", email: source.email ?? "", apiToken },
      http,
    );
  }

  /**
   * An incremental run's filter: issues updated since the last succeeded run of the same scope
   * began, written in the Jira user's zone (JQL reads date literals there). None before: all.
   */
  async function incrementalJql(
    identity: Identity,
    source: JiraSourceRecord,
    input: z.output<typeof startJiraImportSchema>,
  ) {
    if (source.kind !== "cloud") {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "Only Jira Cloud sources can import what changed: a CSV export is read whole",
        errors: [{ path: "incremental", message: "Needs a Jira Cloud source" }],
      });
    }
    const last = (await store.listRuns(identity.organizationId)).find(
      (run) =>
        run.status === "succeeded" &&
        run.sourceId === source.id &&
        run.projectKey === input.projectKey &&
        run.hostProjectId === input.hostProjectId,
    );
    if (!last) return input.jql;
    const me = await (await cloudClient(source)).myself().catch((error: unknown) => {
      throw connectionProblem(error);
    });
    return updatedSinceJql(input.jql, last.createdAt, me.timeZone ?? "UTC");
  }

  const open = (source: JiraSourceRecord, scope: { projectKey: string; jql: string | null }) =>
    openSource(source, scope, { store, keyring, http });

  return {
    async createCloudSource(
      identity: Identity,
      input: z.output<typeof createJiraCloudSourceSchema>,
    ) {
      if (input.siteUrl.startsWith("http:") && !options.allowInsecureHttp) {
        throw new PlugboardError({
          code: "validation_failed",
          detail: "Jira sites are reached over https",
          errors: [{ path: "siteUrl", message: "Use an https:// URL" }],
        });
      }
      // The token is checked before it is kept: a wrong one never becomes a source.
      const me = await jiraCloudClient(input, http)
        .myself()
        .catch((error: unknown) => {
          throw connectionProblem(error);
        });
      const id = createId("jis");
      const record: JiraSourceRecord = {
        id,
        organizationId: identity.organizationId,
        kind: "cloud",
        name: input.name ?? new URL(input.siteUrl).host,
        siteUrl: input.siteUrl,
        email: me.emailAddress ?? input.email,
        tokenCiphertext: await keyring.encrypt(input.apiToken, tokenContext(id)),
        timeZone: null,
        rowCount: null,
        createdAt: now(),
      };
      await store.createSource(record);
      return record;
    },

    /**
     * Streams the export through the CSV parser into stored rows (never whole in memory). A
     * failure part-way deletes what was stored: no half-read source is left behind.
     */
    async createCsvSource(
      identity: Identity,
      query: { name: string; timeZone: string },
      body: ReadableStream<Uint8Array>,
    ) {
      const id = createId("jis");
      const record: JiraSourceRecord = {
        id,
        organizationId: identity.organizationId,
        kind: "csv",
        name: query.name,
        siteUrl: null,
        email: null,
        tokenCiphertext: null,
        timeZone: query.timeZone,
        rowCount: null,
        createdAt: now(),
      };
      // Node's streams load here, not at the top: the kit also runs in browsers (Storybook).
      const { Readable, Transform } = await import("node:stream");
      await store.createSource(record);
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > options.maxCsvBytes) {
            done(
              new PlugboardError({
                code: "payload_too_large",
                detail: `CSV exports are limited to ${options.maxCsvBytes} bytes`,
              }),
            );
          } else done(null, chunk);
        },
      });
      const input = Readable.fromWeb(body as never);
      input.on("error", (error) => limit.destroy(error));
      let index = 0;
      let batch: { index: number; data: string }[] = [];
      try {
        for await (const row of readJiraExport(input.pipe(limit), { timeZone: query.timeZone })) {
          batch.push({ index, data: JSON.stringify(row) });
          index += 1;
          if (batch.length >= rowBatch) {
            await store.appendRows(id, batch);
            batch = [];
          }
        }
        await store.appendRows(id, batch);
      } catch (error) {
        await store.deleteSource(identity.organizationId, id);
        if (error instanceof PlugboardError) throw error;
        throw new PlugboardError({
          code: "validation_failed",
          detail: `The file is not a readable CSV export: ${message(error)}`,
        });
      }
      if (index === 0) {
        await store.deleteSource(identity.organizationId, id);
        throw new PlugboardError({
          code: "validation_failed",
          detail: "The CSV export has no rows",
        });
      }
      await store.setRowCount(identity.organizationId, id, index);
      return { ...record, rowCount: index };
    },

    async projects(identity: Identity, sourceId: string) {
      const source = await sourceOf(identity, sourceId);
      if (source.kind === "csv") {
        const keys = new Set<string>();
        let from = 0;
        for (;;) {
          const rows = await store.readRows(source.id, from, 1_000);
          if (rows.length === 0) break;
          for (const row of rows) {
            const key = (JSON.parse(row.data) as { key?: string }).key;
            if (key) keys.add(key.replace(/-\d+$/, ""));
          }
          from = (rows.at(-1)?.index ?? from) + 1;
        }
        return [...keys].sort().map((key) => ({ key, name: key }));
      }
      const projects = await (await cloudClient(source)).projects().catch((error: unknown) => {
        throw connectionProblem(error);
      });
      return projects.map(({ key, name }) => ({ key, name }));
    },

    async preview(
      identity: Identity,
      input: z.output<typeof jiraPreviewInputSchema>,
    ): Promise<JiraPreview> {
      const source = await sourceOf(identity, input.sourceId);
      await hostProject(identity, input.hostProjectId);
      const reader = await open(source, input);
      return dryRun({
        reader,
        host,
        store,
        call: callFor(identity),
        hostProjectId: input.hostProjectId,
        mapping: input.mapping,
      }).catch((error: unknown) => {
        throw error instanceof PlugboardError ? error : connectionProblem(error);
      });
    },

    async start(identity: Identity, input: z.output<typeof startJiraImportSchema>) {
      const source = await sourceOf(identity, input.sourceId);
      await hostProject(identity, input.hostProjectId);
      // Kept on the run: a resumed run reads the same window.
      const jql = input.incremental ? await incrementalJql(identity, source, input) : input.jql;
      const at = now();
      const run: JiraRunRecord = {
        id: createId("jir"),
        organizationId: identity.organizationId,
        sourceId: input.sourceId,
        projectKey: input.projectKey,
        jql,
        hostProjectId: input.hostProjectId,
        mapping: input.mapping,
        status: "queued",
        checkpoint: { pageToken: null, row: 0, done: 0, parentsAfter: null },
        progress: { done: 0, total: null, step: "counting", ratePerSecond: null, etaSeconds: null },
        report: {
          created: 0,
          updated: 0,
          comments: 0,
          attachments: 0,
          issues: [],
          skipped: [],
          warnings: [],
        },
        error: null,
        createdAt: at,
        updatedAt: at,
      };
      await store.createRun(run);
      await worker.enqueue(
        jiraImportJob,
        { runId: run.id },
        { dedupeKey: `jira-import:${run.id}` },
      );
      return run;
    },

    async cancel(identity: Identity, runId: string) {
      const run = await store.getRun(identity.organizationId, runId);
      if (!run) throw new PlugboardError({ code: "not_found", detail: "No such import run" });
      // A queued run is cancelled at once; a running one stops between two issues.
      if (await store.transitionRun(run.id, ["queued"], "cancelled", now())) return;
      if (await store.transitionRun(run.id, ["running"], "cancelling", now())) return;
      if (run.status === "cancelling" || run.status === "cancelled") return;
      throw new PlugboardError({
        code: "conflict",
        detail: `The import has already ${run.status}`,
      });
    },

    /** The job: runs (or resumes) the import; on its last failed attempt the run is failed. */
    async handle(runId: string, lastAttempt: boolean) {
      try {
        await runImport(runId, {
          store,
          host,
          logger: deps.logger,
          now,
          async open(run) {
            const source = await store.getSource(run.organizationId, run.sourceId);
            if (!source) throw new Error("The run's Jira source was deleted");
            return open(source, run);
          },
        });
      } catch (error) {
        if (lastAttempt) {
          await store.updateRun(runId, { error: message(error), updatedAt: now() });
          await store.transitionRun(runId, ["queued", "running", "cancelling"], "failed", now());
        }
        throw error;
      }
    },
  };
}
