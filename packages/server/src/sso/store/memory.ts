import type {
  SsoConnectionRecord,
  SsoDomainRecord,
  SsoLoginAttemptRecord,
  SsoPendingRequestRecord,
  SsoPolicyRecord,
  SsoStore,
} from "./types";

const copy = <T>(value: T): T => structuredClone(value);

export function memorySso(): SsoStore & { clear(): void } {
  const connections = new Map<string, SsoConnectionRecord>();
  const domains = new Map<string, SsoDomainRecord>();
  const policies = new Map<string, SsoPolicyRecord>();
  const attempts: SsoLoginAttemptRecord[] = [];
  const requests = new Map<string, SsoPendingRequestRecord>();
  const assertions = new Map<string, number>();
  const inOrganization = <T extends { organizationId: string }>(
    record: T | undefined,
    organizationId: string,
  ) => (record && record.organizationId === organizationId ? record : undefined);

  return {
    async createConnection(record) {
      connections.set(record.id, copy(record));
    },
    async getConnection(organizationId, id) {
      const found = inOrganization(connections.get(id), organizationId);
      return found ? copy(found) : null;
    },
    async findConnection(id) {
      const found = connections.get(id);
      return found ? copy(found) : null;
    },
    async listConnections(organizationId) {
      return [...connections.values()]
        .filter((record) => record.organizationId === organizationId)
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
        .map(copy);
    },
    async listSamlConnections() {
      return [...connections.values()].filter((record) => record.protocol === "saml").map(copy);
    },
    async updateConnection(record) {
      if (!inOrganization(connections.get(record.id), record.organizationId)) return false;
      connections.set(record.id, copy(record));
      return true;
    },
    async deleteConnection(organizationId, id) {
      if (!inOrganization(connections.get(id), organizationId)) return false;
      return connections.delete(id);
    },

    async addDomain(record) {
      const claimed = [...domains.values()].some(
        (domain) =>
          domain.organizationId === record.organizationId && domain.domain === record.domain,
      );
      if (claimed) return false;
      domains.set(record.id, copy(record));
      return true;
    },
    async listDomains(organizationId) {
      return [...domains.values()]
        .filter((record) => record.organizationId === organizationId)
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
        .map(copy);
    },
    async getDomain(organizationId, id) {
      const found = inOrganization(domains.get(id), organizationId);
      return found ? copy(found) : null;
    },
    async renewDomainToken(organizationId, id, token, tokenExpiresAt) {
      const found = inOrganization(domains.get(id), organizationId);
      if (!found) return null;
      Object.assign(found, { token, tokenExpiresAt });
      return copy(found);
    },
    async verifyDomain(organizationId, id, at) {
      const found = inOrganization(domains.get(id), organizationId);
      if (!found) return "missing";
      const owner = [...domains.values()].find(
        (domain) => domain.domain === found.domain && domain.verifiedAt !== null,
      );
      if (owner && owner.id !== found.id) return "taken";
      found.verifiedAt = found.verifiedAt ?? at;
      return "verified";
    },
    async deleteDomain(organizationId, id) {
      if (!inOrganization(domains.get(id), organizationId)) return false;
      return domains.delete(id);
    },
    async findVerifiedDomain(domain) {
      const found = [...domains.values()].find(
        (record) => record.domain === domain && record.verifiedAt !== null,
      );
      return found ? copy(found) : null;
    },

    async getPolicy(organizationId) {
      const found = policies.get(organizationId);
      return found ? copy(found) : null;
    },
    async putPolicy(record) {
      policies.set(record.organizationId, copy(record));
    },

    async recordAttempt(record) {
      attempts.push(copy(record));
    },
    async listAttempts(organizationId, { connectionId, limit }) {
      return attempts
        .filter(
          (attempt) =>
            attempt.organizationId === organizationId &&
            (connectionId === undefined || attempt.connectionId === connectionId),
        )
        .sort((a, b) => b.at - a.at || b.id.localeCompare(a.id))
        .slice(0, limit)
        .map(copy);
    },

    async createRequest(record) {
      requests.set(record.id, copy(record));
    },
    async consumeRequest(id) {
      const found = requests.get(id);
      requests.delete(id);
      return found ? copy(found) : null;
    },

    async rememberAssertion(connectionId, assertionId, expiresAt) {
      const key = `${connectionId}\n${assertionId}`;
      if (assertions.has(key)) return false;
      assertions.set(key, expiresAt);
      return true;
    },
    async deleteExpired(now) {
      let deleted = 0;
      for (const [id, request] of requests) {
        if (request.expiresAt < now) deleted += Number(requests.delete(id));
      }
      for (const [key, expiresAt] of assertions) {
        if (expiresAt < now) deleted += Number(assertions.delete(key));
      }
      return deleted;
    },
    clear() {
      for (const map of [connections, domains, policies, requests, assertions]) map.clear();
      attempts.length = 0;
    },
  };
}
