import type { HostUser } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import type { TrackerContext } from "../context";

/** A person of the organization by id, or null. */
export async function getUser(
  context: TrackerContext,
  call: HostCall,
  userId: string,
): Promise<HostUser | null> {
  return (
    context.db
      .prepare<[string, string], HostUser>(
        "SELECT id, email, name FROM users WHERE organization_id = ? AND id = ?",
      )
      .get(call.organizationId, userId) ?? null
  );
}
