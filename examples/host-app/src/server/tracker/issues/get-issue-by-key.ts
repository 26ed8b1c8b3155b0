import type { HostIssue } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import type { TrackerContext } from "../context";
import { type IssueRow, toIssue } from "../rows";

/** The organization's issue with that key (`DEMO-1`, any case), or null. */
export async function getIssueByKey(
  context: TrackerContext,
  call: HostCall,
  key: string,
): Promise<HostIssue | null> {
  const row = context.db
    .prepare<[string, string], IssueRow>(
      "SELECT * FROM issues WHERE organization_id = ? AND key = ?",
    )
    .get(call.organizationId, key.trim().toUpperCase());
  return row ? toIssue(context, row) : null;
}
