import type { Kysely, Selectable } from "kysely";
import type { SqlStoreOptions } from "../../stores/sql/options";
import type { Database } from "../../stores/sql/schema";
import type {
  SsoConnectionsTable,
  SsoDomainsTable,
  SsoLoginAttemptsTable,
  SsoRequestsTable,
} from "./schema";
import type {
  SsoConnectionRecord,
  SsoDomainRecord,
  SsoLoginAttemptRecord,
  SsoPendingRequestRecord,
  SsoStore,
} from "./types";

export function sqlSso(db: Kysely<Database>, options: SqlStoreOptions): SsoStore {
  return {
    async createConnection(record) {
      await db.insertInto("plugboard_sso_connections").values(toConnectionRow(record)).execute();
    },
    async getConnection(organizationId, id) {
      const row = await db
        .selectFrom("plugboard_sso_connections")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toConnection(row) : null;
    },
    async findConnection(id) {
      const row = await db
        .selectFrom("plugboard_sso_connections")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toConnection(row) : null;
    },
    async listConnections(organizationId) {
      const rows = await db
        .selectFrom("plugboard_sso_connections")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(toConnection);
    },
    async listSamlConnections() {
      const rows = await db
        .selectFrom("plugboard_sso_connections")
        .selectAll()
        .where("protocol", "=", "saml")
        .orderBy("id")
        .execute();
      return rows.map(toConnection);
    },
    async updateConnection(record) {
      const { id, organization_id, created_at, ...changes } = toConnectionRow(record);
      const result = await db
        .updateTable("plugboard_sso_connections")
        .set(changes)
        .where("organization_id", "=", organization_id)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async deleteConnection(organizationId, id) {
      const result = await db
        .deleteFrom("plugboard_sso_connections")
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async addDomain(record) {
      try {
        await db
          .insertInto("plugboard_sso_domains")
          .values({
            id: record.id,
            organization_id: record.organizationId,
            domain: record.domain,
            token: record.token,
            token_expires_at: record.tokenExpiresAt,
            verified_at: record.verifiedAt,
            verified_domain: record.verifiedAt === null ? null : record.domain,
            created_at: record.createdAt,
          })
          .execute();
        return true;
      } catch (error) {
        if (options.isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async listDomains(organizationId) {
      const rows = await db
        .selectFrom("plugboard_sso_domains")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(toDomain);
    },
    async getDomain(organizationId, id) {
      const row = await db
        .selectFrom("plugboard_sso_domains")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toDomain(row) : null;
    },
    async renewDomainToken(organizationId, id, token, tokenExpiresAt) {
      const row = await db
        .updateTable("plugboard_sso_domains")
        .set({ token, token_expires_at: tokenExpiresAt })
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      return row ? toDomain(row) : null;
    },
    async verifyDomain(organizationId, id, at) {
      try {
        // verified_domain's unique index decides a race between two organizations.
        const row = await db
          .updateTable("plugboard_sso_domains")
          .set((eb) => ({
            verified_at: eb.fn.coalesce("verified_at", eb.val(at)),
            verified_domain: eb.ref("domain"),
          }))
          .where("organization_id", "=", organizationId)
          .where("id", "=", id)
          .returning("id")
          .executeTakeFirst();
        return row ? "verified" : "missing";
      } catch (error) {
        if (options.isUniqueViolation(error)) return "taken";
        throw error;
      }
    },
    async deleteDomain(organizationId, id) {
      const result = await db
        .deleteFrom("plugboard_sso_domains")
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async findVerifiedDomain(domain) {
      const row = await db
        .selectFrom("plugboard_sso_domains")
        .selectAll()
        .where("verified_domain", "=", domain)
        .executeTakeFirst();
      return row ? toDomain(row) : null;
    },

    async getPolicy(organizationId) {
      const row = await db
        .selectFrom("plugboard_sso_policies")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .executeTakeFirst();
      if (!row) return null;
      return {
        organizationId: row.organization_id,
        requireSso: Boolean(row.require_sso),
        breakGlassEmails: JSON.parse(row.break_glass_emails) as string[],
        updatedAt: Number(row.updated_at),
      };
    },
    async putPolicy(record) {
      const values = {
        require_sso: record.requireSso ? 1 : 0,
        break_glass_emails: JSON.stringify(record.breakGlassEmails),
        updated_at: record.updatedAt,
      };
      await db
        .insertInto("plugboard_sso_policies")
        .values({ organization_id: record.organizationId, ...values })
        .onConflict((conflict) => conflict.column("organization_id").doUpdateSet(values))
        .execute();
    },

    async recordAttempt(record) {
      await db
        .insertInto("plugboard_sso_login_attempts")
        .values({
          id: record.id,
          organization_id: record.organizationId,
          connection_id: record.connectionId,
          at: record.at,
          outcome: record.outcome,
          reason: record.reason,
          detail: record.detail,
          email: record.email,
        })
        .execute();
    },
    async listAttempts(organizationId, { connectionId, limit }) {
      let query = db
        .selectFrom("plugboard_sso_login_attempts")
        .selectAll()
        .where("organization_id", "=", organizationId);
      if (connectionId !== undefined) query = query.where("connection_id", "=", connectionId);
      const rows = await query.orderBy("at", "desc").orderBy("id", "desc").limit(limit).execute();
      return rows.map(toAttempt);
    },

    async createRequest(record) {
      await db
        .insertInto("plugboard_sso_requests")
        .values({
          id: record.id,
          connection_id: record.connectionId,
          organization_id: record.organizationId,
          browser_hash: record.browserHash,
          return_to: record.returnTo,
          test_origin: record.testOrigin,
          nonce: record.nonce,
          code_verifier: record.codeVerifierCiphertext,
          expires_at: record.expiresAt,
        })
        .execute();
    },
    async consumeRequest(id) {
      const row = await db
        .deleteFrom("plugboard_sso_requests")
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      return row ? toRequest(row) : null;
    },

    async rememberAssertion(connectionId, assertionId, expiresAt) {
      const result = await db
        .insertInto("plugboard_sso_assertions")
        .values({ connection_id: connectionId, assertion_id: assertionId, expires_at: expiresAt })
        .onConflict((conflict) => conflict.columns(["connection_id", "assertion_id"]).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async deleteExpired(now) {
      const requests = await db
        .deleteFrom("plugboard_sso_requests")
        .where("expires_at", "<", now)
        .executeTakeFirst();
      const assertions = await db
        .deleteFrom("plugboard_sso_assertions")
        .where("expires_at", "<", now)
        .executeTakeFirst();
      return Number(requests.numDeletedRows) + Number(assertions.numDeletedRows);
    },
  };
}

interface ConnectionConfig {
  attributeMapping: SsoConnectionRecord["attributeMapping"];
  groupRoles: SsoConnectionRecord["groupRoles"];
  saml: SsoConnectionRecord["saml"];
  oidc: SsoConnectionRecord["oidc"];
}

function toConnectionRow(record: SsoConnectionRecord): Selectable<SsoConnectionsTable> {
  const config: ConnectionConfig = {
    attributeMapping: record.attributeMapping,
    groupRoles: record.groupRoles,
    saml: record.saml,
    oidc: record.oidc,
  };
  return {
    id: record.id,
    organization_id: record.organizationId,
    name: record.name,
    protocol: record.protocol,
    enabled: record.enabled ? 1 : 0,
    config: JSON.stringify(config),
    client_secret: record.clientSecretCiphertext,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}

function toConnection(row: Selectable<SsoConnectionsTable>): SsoConnectionRecord {
  const config = JSON.parse(row.config) as ConnectionConfig;
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    protocol: row.protocol as SsoConnectionRecord["protocol"],
    enabled: Boolean(row.enabled),
    ...config,
    clientSecretCiphertext: row.client_secret,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toDomain(row: Selectable<SsoDomainsTable>): SsoDomainRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    domain: row.domain,
    token: row.token,
    tokenExpiresAt: Number(row.token_expires_at),
    verifiedAt: row.verified_at === null ? null : Number(row.verified_at),
    createdAt: Number(row.created_at),
  };
}

function toAttempt(row: Selectable<SsoLoginAttemptsTable>): SsoLoginAttemptRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    connectionId: row.connection_id,
    at: Number(row.at),
    outcome: row.outcome as SsoLoginAttemptRecord["outcome"],
    reason: row.reason,
    detail: row.detail,
    email: row.email,
  };
}

function toRequest(row: Selectable<SsoRequestsTable>): SsoPendingRequestRecord {
  return {
    id: row.id,
    connectionId: row.connection_id,
    organizationId: row.organization_id,
    browserHash: row.browser_hash,
    returnTo: row.return_to,
    testOrigin: row.test_origin,
    nonce: row.nonce,
    codeVerifierCiphertext: row.code_verifier,
    expiresAt: Number(row.expires_at),
  };
}
