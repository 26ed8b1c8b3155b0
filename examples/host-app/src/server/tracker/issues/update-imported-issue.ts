import type { HostIssue } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import type { TrackerContext } from "../context";
import { loadIssue } from "../rows";
import { type ImportedFields, writeImportedFields } from "./imported-fields";
import { updateIssue } from "./update-issue";

/**
 * The port's update: the tracker's own fields through `updateIssue` (validated, announced), an
 * importer's (labels, parent, cycle…) written beside them. An importer linking a parent sends
 * only imported fields; then nothing is announced.
 */
export async function updateImportedIssue(
  context: TrackerContext,
  call: HostCall,
  issueId: string,
  own: Record<string, unknown>,
  imported: ImportedFields,
): Promise<HostIssue> {
  loadIssue(context, call.organizationId, issueId);
  writeImportedFields(context, call.organizationId, issueId, imported);
  if (Object.keys(own).length > 0) return updateIssue(context, call, issueId, own);
  return loadIssue(context, call.organizationId, issueId);
}
