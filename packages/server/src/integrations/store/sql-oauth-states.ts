import type { Kysely, Selectable } from "kysely";
import type { Database } from "../../stores/sql/schema";
import type { OAuthStateRecord, OAuthStateStore } from "./oauth-state-types";
import type { OAuthStatesTable } from "./schema";

export function sqlOAuthStates(db: Kysely<Database>): OAuthStateStore {
  return {
    async create(record) {
      await db
        .insertInto("plugboard_oauth_states")
        .values({
          id: record.id,
          provider: record.provider,
          organization_id: record.organizationId,
          user_id: record.userId,
          project_id: record.projectId,
          level: record.level,
          return_origin: record.returnOrigin,
          redirect_uri: record.redirectUri,
          code_verifier: record.codeVerifier,
          created_at: record.createdAt,
          expires_at: record.expiresAt,
        })
        .execute();
    },
    async consume(id) {
      // DELETE … RETURNING is one statement: of two concurrent consumers only one gets the row.
      const row = await db
        .deleteFrom("plugboard_oauth_states")
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      return row ? toState(row) : null;
    },
    async deleteExpired(now) {
      const result = await db
        .deleteFrom("plugboard_oauth_states")
        .where("expires_at", "<", now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toState(row: Selectable<OAuthStatesTable>): OAuthStateRecord {
  return {
    id: row.id,
    provider: row.provider,
    organizationId: row.organization_id,
    userId: row.user_id,
    projectId: row.project_id,
    level: row.level as OAuthStateRecord["level"],
    returnOrigin: row.return_origin,
    redirectUri: row.redirect_uri,
    codeVerifier: row.code_verifier,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
  };
}
