import type { HostProject } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import type { TrackerContext } from "../context";

/** The organization's projects, by key. */
export async function listProjects(
  context: TrackerContext,
  call: HostCall,
): Promise<HostProject[]> {
  return context.db
    .prepare<[string], HostProject>(
      "SELECT id, key, name FROM projects WHERE organization_id = ? ORDER BY key",
    )
    .all(call.organizationId);
}
