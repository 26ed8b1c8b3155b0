import type {
  HostWorkflowState,
  JiraDryRunReport,
  JiraMapping,
  JiraPreview,
} from "@plugboard/core";
import type { HostClient } from "../../host/host-client";
import type { HostCall } from "../../host/port";
import { planIssue } from "../convert/plan-issue";
import { createDiscovery } from "../mapping/discover";
import { suggestMapping } from "../mapping/suggest";
import { isMalformed, type JiraItem } from "../source/item";
import type { SourceReader } from "../source/reader";
import type { JiraImportStore } from "../store/types";

const sampleSize = 5;

/**
 * Reads the whole source and says what an import would do — counts, unmapped values, warnings,
 * a sample converted exactly as the import converts — writing nothing anywhere: it only reads
 * the source, the host's states and users, and the item map.
 */
export async function dryRun(args: {
  reader: SourceReader;
  host: HostClient;
  store: JiraImportStore;
  call: HostCall;
  hostProjectId: string;
  mapping: JiraMapping | undefined;
}): Promise<JiraPreview> {
  const { reader, host, store, call, hostProjectId } = args;
  const discovery = createDiscovery();
  const items: JiraItem[] = [];
  const skipped: JiraDryRunReport["skipped"] = [];
  const warnings: JiraDryRunReport["warnings"] = [];
  const byType: Record<string, number> = {};
  let comments = 0;
  let attachments = 0;
  let updates = 0;
  let issues = 0;
  const large: { item: JiraItem; fileName: string; size: number }[] = [];
  for await (const page of reader.pages({ pageToken: null, row: 0 })) {
    for (const row of page.rows) {
      if (isMalformed(row)) {
        skipped.push({ item: row.item, reason: row.reason });
        warnings.push({ code: "malformed_row", message: row.reason, jiraKey: null });
        continue;
      }
      issues += 1;
      discovery.add(row);
      byType[row.type] = (byType[row.type] ?? 0) + 1;
      comments += row.comments.length;
      attachments += row.attachments.length;
      for (const attachment of row.attachments) large.push({ item: row, ...attachment });
      if (await store.findItem(call.organizationId, hostProjectId, "issue", row.id)) updates += 1;
      // The sample keeps a few whole items; everything else is counted and let go.
      if (items.length < sampleSize) items.push(row);
    }
  }
  const states: HostWorkflowState[] = await host.workflowStates.list(call, hostProjectId);
  const hostUsers = new Map<string, string>();
  if (typeof host.port?.users?.findByEmail === "function") {
    for (const [accountId, email] of discovery.emails()) {
      const user = await host.users.findByEmail(call, email);
      if (user) hostUsers.set(accountId, user.id);
    }
  }
  const found = discovery.result((accountId) => hostUsers.get(accountId) ?? null);
  const canCreateCycles = typeof host.port?.cycles?.create === "function";
  const suggestedMapping = suggestMapping(found, states, canCreateCycles);
  const mapping = args.mapping ?? suggestedMapping;
  const unmapped = (names: string[], chosen: Record<string, string | null>) =>
    names.filter((name) => !chosen[name]);
  const report: JiraDryRunReport = {
    issues,
    updates,
    comments,
    attachments,
    byType,
    unmapped: {
      statuses: unmapped(
        found.statuses.map((s) => s.name),
        mapping.statuses,
      ),
      priorities: unmapped(
        found.priorities.map((p) => p.name),
        mapping.priorities,
      ),
      users: found.users.filter((u) => !mapping.users[u.accountId]).map((u) => u.name),
      sprints: unmapped(
        found.sprints.map((s) => s.name),
        mapping.sprints,
      ),
    },
    warnings,
    skipped,
    sample: items.map((item) => {
      const planned = planIssue(item, {
        hostProjectId,
        mapping,
        siteUrl: reader.siteUrl,
        cycleFor: () => null,
      });
      return {
        jiraKey: item.key,
        title: planned.title,
        description: planned.description ?? "",
        stateId: planned.stateId ?? null,
        priority: planned.priority ?? null,
        assigneeId: planned.assigneeId ?? null,
        labels: planned.labels ?? [],
        comments: item.comments.length,
      };
    }),
  };
  for (const status of report.unmapped.statuses) {
    warnings.push({
      code: "unmapped_status",
      message: `${status} goes to the project's default state`,
      jiraKey: null,
    });
  }
  for (const user of report.unmapped.users) {
    warnings.push({
      code: "unmapped_user",
      message: `${user} has no host user: their issues stay unassigned`,
      jiraKey: null,
    });
  }
  for (const { item, fileName, size } of large) {
    if (size > mapping.attachmentMaxBytes) {
      warnings.push({
        code: "attachment_too_large",
        message: `${fileName} is ${size} bytes, over the ${mapping.attachmentMaxBytes} byte limit`,
        jiraKey: item.key,
      });
    }
  }
  return { discovery: found, suggestedMapping, report, hostStates: states };
}
