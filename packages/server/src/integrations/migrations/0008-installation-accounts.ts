import type { Kysely } from "kysely";

/** The provider's account id on each installation, indexed: inbound traffic finds it by that. */
export const installationAccounts = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("plugboard_installations")
      .addColumn("external_account_id", "text")
      .execute();
    await db.schema
      .createIndex("plugboard_installations_account")
      .on("plugboard_installations")
      .columns(["provider", "external_account_id"])
      .execute();
  },
};
