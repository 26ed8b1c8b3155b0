import type { Kysely, Selectable } from "kysely";
import type { Database } from "../../stores/sql/schema";
import type { AccountLinkIntentsTable, AccountLinksTable } from "./schema";
import type { AccountLinkIntentRecord, AccountLinkRecord, AccountLinkStore } from "./types";

export function sqlAccountLinks(db: Kysely<Database>): AccountLinkStore {
  return {
    async upsert(record) {
      // One statement: a concurrent confirmation for the same provider user cannot leave two.
      await db
        .insertInto("plugboard_account_links")
        .values({
          id: record.id,
          organization_id: record.organizationId,
          provider: record.provider,
          external_user_id: record.externalUserId,
          external_account_id: record.externalAccountId,
          external_user_name: record.externalUserName,
          user_id: record.userId,
          created_at: record.createdAt,
        })
        .onConflict((conflict) =>
          conflict.columns(["organization_id", "provider", "external_user_id"]).doUpdateSet({
            id: record.id,
            external_account_id: record.externalAccountId,
            external_user_name: record.externalUserName,
            user_id: record.userId,
            created_at: record.createdAt,
          }),
        )
        .execute();
      return { ...record };
    },
    async find(organizationId, provider, externalUserId) {
      const row = await db
        .selectFrom("plugboard_account_links")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("provider", "=", provider)
        .where("external_user_id", "=", externalUserId)
        .executeTakeFirst();
      return row ? toLink(row) : null;
    },
    async list(organizationId, userId) {
      let query = db
        .selectFrom("plugboard_account_links")
        .selectAll()
        .where("organization_id", "=", organizationId);
      if (userId !== undefined) query = query.where("user_id", "=", userId);
      const rows = await query.orderBy("created_at").orderBy("id").execute();
      return rows.map(toLink);
    },
    async get(organizationId, id) {
      const row = await db
        .selectFrom("plugboard_account_links")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toLink(row) : null;
    },
    async delete(organizationId, id) {
      const result = await db
        .deleteFrom("plugboard_account_links")
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async createIntent(record) {
      await db
        .insertInto("plugboard_account_link_intents")
        .values({
          id: record.id,
          organization_id: record.organizationId,
          provider: record.provider,
          external_user_id: record.externalUserId,
          external_account_id: record.externalAccountId,
          external_user_name: record.externalUserName,
          expires_at: record.expiresAt,
        })
        .execute();
    },
    async consumeIntent(id) {
      // DELETE … RETURNING: of two concurrent confirmations only one gets the intent.
      const row = await db
        .deleteFrom("plugboard_account_link_intents")
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      return row ? toIntent(row) : null;
    },
    async peekIntent(id) {
      const row = await db
        .selectFrom("plugboard_account_link_intents")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toIntent(row) : null;
    },
    async deleteExpiredIntents(now) {
      const result = await db
        .deleteFrom("plugboard_account_link_intents")
        .where("expires_at", "<", now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toLink(row: Selectable<AccountLinksTable>): AccountLinkRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    provider: row.provider,
    externalUserId: row.external_user_id,
    externalAccountId: row.external_account_id,
    externalUserName: row.external_user_name,
    userId: row.user_id,
    createdAt: Number(row.created_at),
  };
}

function toIntent(row: Selectable<AccountLinkIntentsTable>): AccountLinkIntentRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    provider: row.provider,
    externalUserId: row.external_user_id,
    externalAccountId: row.external_account_id,
    externalUserName: row.external_user_name,
    expiresAt: Number(row.expires_at),
  };
}
