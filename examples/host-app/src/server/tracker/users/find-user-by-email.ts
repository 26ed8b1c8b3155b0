import type { HostUser } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import type { TrackerContext } from "../context";

/** A person of the organization by email, compared case-insensitively, or null. */
export async function findUserByEmail(
  context: TrackerContext,
  call: HostCall,
  email: string,
): Promise<HostUser | null> {
  return (
    context.db
      .prepare<[string, string], HostUser>(
        "SELECT id, email, name FROM users WHERE organization_id = ? AND lower(email) = lower(?)",
      )
      .get(call.organizationId, email.trim()) ?? null
  );
}
