import type { Kysely } from "kysely";

/** A started login may be a Test connection run: where its result is posted instead of signing in. */
export const ssoTestRuns = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("plugboard_sso_requests").addColumn("test_origin", "text").execute();
  },
};
