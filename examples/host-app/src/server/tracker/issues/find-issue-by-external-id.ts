import type { HostIssue } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import type { TrackerContext } from "../context";
import { type IssueRow, toIssue } from "../rows";

/** The issue an importer created with that external id (`jira:10001`), or null. */
export async function findIssueByExternalId(
  context: TrackerContext,
  call: HostCall,
  externalId: string,
): Promise<HostIssue | null> {
  const row = context.db
    .prepare<[string, string], IssueRow>(
      "SELECT * FROM issues WHERE organization_id = ? AND external_id = ?",
    )
    .get(call.organizationId, externalId);
  return row ? toIssue(context, row) : null;
}
