import type { HostUser } from "@plugboard/core";
import type { TrackerContext } from "../context";

/** Everyone in the organization, by name (the assignee picker). */
export function listUsers(context: TrackerContext, organizationId: string): HostUser[] {
  return context.db
    .prepare<[string], HostUser>(
      "SELECT id, email, name FROM users WHERE organization_id = ? ORDER BY name",
    )
    .all(organizationId);
}
