import type { JiraImportReport, JiraMapping } from "@plugboard/core";
import type { HostClient } from "../../host/host-client";
import type { HostCall } from "../../host/port";
import {
  attachmentExternalId,
  issueExternalId,
  planComment,
  planIssue,
} from "../convert/plan-issue";
import type { JiraItem } from "../source/item";
import { AttachmentUnavailable, type SourceReader } from "../source/reader";
import type { JiraImportStore } from "../store/types";

export interface WriteContext {
  call: HostCall;
  host: HostClient;
  store: JiraImportStore;
  reader: SourceReader;
  hostProjectId: string;
  mapping: JiraMapping;
  report: JiraImportReport;
  /** Sprint name → host cycle id, found or created once per run. */
  cycles: Map<string, string | null>;
}

/** Issues listed with links in the final report; the rest are in the host project. */
const reportedIssues = 100;

const can = (host: HostClient, group: "cycles" | "attachments" | "comments", method: string) =>
  typeof (host.port?.[group] as Record<string, unknown> | undefined)?.[method] === "function";

/**
 * Writes one Jira issue to the host, idempotently by its Jira id: the item map says whether it
 * was imported before; if a crash came between the host's write and the map's, the host's
 * `findByExternalId` finds it. The same holds for each comment and attachment, so resuming or
 * re-running never duplicates anything.
 */
export async function writeIssue(item: JiraItem, context: WriteContext): Promise<void> {
  const { host, store, call, hostProjectId, mapping, report } = context;
  const org = call.organizationId;
  const cycleIds = new Map<string, string | null>();
  for (const sprint of item.sprints) cycleIds.set(sprint.name, await cycleFor(sprint, context));
  const input = planIssue(item, {
    hostProjectId,
    mapping,
    siteUrl: context.reader.siteUrl,
    cycleFor: (name) => cycleIds.get(name) ?? null,
  });
  // A parent imported already is set now; one still to come is left to the parents step.
  const parent = item.parentId
    ? await store.findItem(org, hostProjectId, "issue", item.parentId)
    : item.parentKey
      ? await store.findIssueByKey(org, hostProjectId, item.parentKey)
      : null;
  if (parent) input.parentId = parent.hostId;
  const known =
    (await store.findItem(org, hostProjectId, "issue", item.id))?.hostId ??
    (await host.issues.findByExternalId(call, issueExternalId(item)))?.id ??
    null;
  const { projectId: _, ...changes } = input;
  const issue = known
    ? await host.issues.update(call, known, changes)
    : await host.issues.create(call, input);
  await store.putItem({
    organizationId: org,
    hostProjectId,
    kind: "issue",
    jiraId: item.id,
    jiraKey: item.key,
    hostId: issue.id,
    parentJiraId: parent ? null : item.parentId,
    parentJiraKey: parent ? null : (item.parentKey ?? null),
  });
  if (known) report.updated += 1;
  else report.created += 1;
  if (report.issues.length < reportedIssues && !report.issues.some((i) => i.jiraKey === item.key)) {
    report.issues.push({ jiraKey: item.key, hostKey: issue.key, url: issue.url });
  }

  for (const comment of item.comments) {
    if (await store.findItem(org, hostProjectId, "comment", comment.id)) continue;
    const planned = planComment(comment, mapping);
    const written =
      (can(host, "comments", "findByExternalId")
        ? await host.comments.findByExternalId(call, planned.externalId)
        : null) ?? (await host.comments.create(call, { issueId: issue.id, ...planned }));
    await store.putItem({
      organizationId: org,
      hostProjectId,
      kind: "comment",
      jiraId: comment.id,
      jiraKey: item.key,
      hostId: written.id,
      parentJiraId: null,
      parentJiraKey: null,
    });
    report.comments += 1;
  }

  for (const attachment of item.attachments) {
    if (await store.findItem(org, hostProjectId, "attachment", attachment.id)) continue;
    const skip = (reason: string) =>
      report.skipped.push({ item: `${item.key} ${attachment.fileName}`, reason });
    if (!can(host, "attachments", "upload")) {
      skip("The host port has no attachments.upload");
      continue;
    }
    if (attachment.size > mapping.attachmentMaxBytes) {
      skip(`Larger than the ${mapping.attachmentMaxBytes} byte limit (${attachment.size} bytes)`);
      continue;
    }
    let uploaded: Awaited<ReturnType<typeof host.attachments.upload>>;
    try {
      uploaded = await host.attachments.upload(call, {
        issueId: issue.id,
        fileName: attachment.fileName,
        contentType: attachment.mimeType,
        size: attachment.size,
        externalId: attachmentExternalId(attachment.id),
        content: capped(await context.reader.content(attachment.url), mapping.attachmentMaxBytes),
      });
    } catch (error) {
      // One file that cannot come over is reported; the issue and the import go on.
      if (error instanceof AttachmentUnavailable || error instanceof AttachmentTooLarge) {
        skip(error.message);
        continue;
      }
      throw error;
    }
    await store.putItem({
      organizationId: org,
      hostProjectId,
      kind: "attachment",
      jiraId: attachment.id,
      jiraKey: item.key,
      hostId: uploaded.id,
      parentJiraId: null,
      parentJiraKey: null,
    });
    report.attachments += 1;
  }
}

class AttachmentTooLarge extends Error {}

/**
 * The file's bytes with the size cap enforced as they stream: a CSV export gives no size, so a
 * file over the cap is found out only while it is read (and the host's upload fails with this).
 */
function capped(content: ReadableStream<Uint8Array>, maxBytes: number) {
  let size = 0;
  return content.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          controller.error(new AttachmentTooLarge(`Larger than the ${maxBytes} byte limit`));
        } else controller.enqueue(chunk);
      },
    }),
  );
}

/** A sprint's cycle: chosen in the mapping, or created once ("create") and remembered. */
async function cycleFor(sprint: JiraItem["sprints"][number], context: WriteContext) {
  const chosen = context.mapping.sprints[sprint.name] ?? null;
  if (chosen !== "create") return chosen;
  const cached = context.cycles.get(sprint.name);
  if (cached !== undefined) return cached;
  const { store, host, call, hostProjectId } = context;
  let id =
    (await store.findItem(call.organizationId, hostProjectId, "cycle", sprint.name))?.hostId ??
    null;
  if (!id && can(host, "cycles", "create")) {
    const existing = can(host, "cycles", "list")
      ? (await host.cycles.list(call, hostProjectId)).find((cycle) => cycle.name === sprint.name)
      : undefined;
    id =
      existing?.id ??
      (
        await host.cycles.create(call, {
          projectId: hostProjectId,
          name: sprint.name,
          startsAt: sprint.startsAt,
          endsAt: sprint.endsAt,
        })
      ).id;
    await store.putItem({
      organizationId: call.organizationId,
      hostProjectId,
      kind: "cycle",
      jiraId: sprint.name,
      jiraKey: null,
      hostId: id,
      parentJiraId: null,
      parentJiraKey: null,
    });
  }
  context.cycles.set(sprint.name, id);
  return id;
}
