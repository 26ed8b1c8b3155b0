import type { JiraImportProgress } from "@plugboard/core";
import type { HostClient } from "../../host/host-client";
import type { Logger } from "../../logger";
import { isMalformed } from "../source/item";
import type { SourceReader } from "../source/reader";
import type { JiraImportStore, JiraRunRecord } from "../store/types";
import { type WriteContext, writeIssue } from "./write-issue";

export interface RunDeps {
  store: JiraImportStore;
  host: HostClient;
  logger: Logger;
  now: () => number;
  open(run: JiraRunRecord): Promise<SourceReader>;
}

/** How often (issues) a run looks whether someone cancelled it. */
const cancelCheckEvery = 25;
const parentsBatch = 200;

/**
 * One import run, from its checkpoint to the end: issues page by page (the checkpoint moves
 * after each page, so a crash repeats at most one page, idempotently), then the parents step
 * (epics and parents that came after their children). Returns early when cancelled.
 */
export async function runImport(runId: string, deps: RunDeps): Promise<void> {
  const { store, now } = deps;
  const run = await store.getRunById(runId);
  if (!run || !["queued", "running", "cancelling"].includes(run.status)) return;
  if (await cancelled(run.id, deps)) return;
  await store.transitionRun(run.id, ["queued"], "running", now());
  const reader = await deps.open(run);
  const { report, checkpoint } = run;
  const started = { at: now(), done: checkpoint.done };
  let progress: JiraImportProgress = run.progress;
  if (progress.total === null) {
    progress = { ...progress, total: await reader.count(), step: "issues" };
    await store.updateRun(run.id, { progress, updatedAt: now() });
  }
  // Counting may have waited out Jira's rate limit: a cancel pressed meanwhile writes nothing.
  if (await cancelled(run.id, deps)) return;
  const measure = (done: number, step: JiraImportProgress["step"]): JiraImportProgress => {
    const seconds = (now() - started.at) / 1000;
    const rate = seconds > 0 ? (done - started.done) / seconds : null;
    const total = Math.max(progress.total ?? 0, done);
    return {
      done,
      total,
      step,
      ratePerSecond: rate === null ? null : Math.round(rate * 10) / 10,
      etaSeconds: rate ? Math.round((total - done) / rate) : null,
    };
  };
  const context: WriteContext = {
    call: { organizationId: run.organizationId, actor: { integration: "jira-import" } },
    host: deps.host,
    store,
    reader,
    hostProjectId: run.hostProjectId,
    mapping: run.mapping,
    report,
    cycles: new Map(),
  };

  if (checkpoint.parentsAfter === null) {
    let done = checkpoint.done;
    for await (const page of reader.pages({
      pageToken: checkpoint.pageToken,
      row: checkpoint.row,
    })) {
      // So does one pressed while this page was fetched (Retry-After waits included).
      if (await cancelled(run.id, deps)) return;
      for (const row of page.rows) {
        if (isMalformed(row)) {
          report.skipped.push({ item: row.item, reason: row.reason });
          report.warnings.push({ code: "malformed_row", message: row.reason, jiraKey: null });
        } else {
          try {
            await writeIssue(row, context);
          } catch (error) {
            // One issue the host refuses is reported; the rest of the import goes on.
            report.skipped.push({ item: row.key, reason: message(error) });
          }
        }
        done += 1;
        if (done % cancelCheckEvery === 0 && (await cancelled(run.id, deps))) return;
      }
      progress = measure(done, "issues");
      const next = page.next ?? { pageToken: null, row: 0 };
      Object.assign(checkpoint, {
        pageToken: next.pageToken,
        row: next.row,
        done,
        parentsAfter: page.next ? null : "",
      });
      await store.updateRun(run.id, { checkpoint, progress, report, updatedAt: now() });
      if (await cancelled(run.id, deps)) return;
    }
    if (checkpoint.parentsAfter === null) {
      checkpoint.parentsAfter = "";
      await store.updateRun(run.id, { checkpoint, updatedAt: now() });
    }
  }

  progress = measure(checkpoint.done, "parents");
  await store.updateRun(run.id, { progress, updatedAt: now() });
  for (;;) {
    const children = await store.listChildren(
      run.organizationId,
      run.hostProjectId,
      checkpoint.parentsAfter || null,
      parentsBatch,
    );
    if (children.length === 0) break;
    for (const child of children) {
      const parent = child.parentJiraId
        ? await store.findItem(run.organizationId, run.hostProjectId, "issue", child.parentJiraId)
        : await store.findIssueByKey(
            run.organizationId,
            run.hostProjectId,
            child.parentJiraKey ?? "",
          );
      if (parent) {
        await deps.host.issues.update(context.call, child.hostId, { parentId: parent.hostId });
      } else if (
        !report.warnings.some(
          (w) => w.jiraKey === child.jiraKey && w.code === "link_outside_import",
        )
      ) {
        report.warnings.push({
          code: "link_outside_import",
          message: "Its parent is not part of this import",
          jiraKey: child.jiraKey,
        });
      }
    }
    checkpoint.parentsAfter = children.at(-1)?.jiraId ?? checkpoint.parentsAfter;
    await store.updateRun(run.id, { checkpoint, report, updatedAt: now() });
  }
  await store.updateRun(run.id, {
    progress: { ...measure(checkpoint.done, "done"), total: checkpoint.done, etaSeconds: 0 },
    report,
    updatedAt: now(),
  });
  await store.transitionRun(run.id, ["running"], "succeeded", now());
}

/** A cancel requested: the run becomes cancelled here, between two issues. */
async function cancelled(runId: string, deps: RunDeps): Promise<boolean> {
  const run = await deps.store.getRunById(runId);
  if (run?.status !== "cancelling") return run?.status === "cancelled";
  await deps.store.transitionRun(runId, ["cancelling"], "cancelled", deps.now());
  return true;
}

export function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
