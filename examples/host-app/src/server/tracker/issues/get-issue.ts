import type { HostIssue } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import type { TrackerContext } from "../context";
import { issueById, toIssue } from "../rows";

/** The organization's issue with that id, or null (deleted, or another organization's). */
export async function getIssue(
  context: TrackerContext,
  call: HostCall,
  issueId: string,
): Promise<HostIssue | null> {
  const row = issueById(context, call.organizationId, issueId);
  return row ? toIssue(context, row) : null;
}
