import type { Kysely } from "kysely";

/**
 * Chat destinations (Pumble, Slack) are addressed by URLs that carry their credential: the full
 * URL moves to an encrypted column and `url` keeps a masked form for display.
 */
export const webhookSecretUrls = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("plugboard_webhook_endpoints")
      .addColumn("secret_url", "text")
      .execute();
  },
};
