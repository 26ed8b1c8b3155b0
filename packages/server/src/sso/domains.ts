import { createId, PlugboardError, randomBase62, type SsoDomain } from "@plugboard/core";
import type { PlugboardContext } from "../context";
import type { SsoDomainRecord } from "./store/types";

/** Mail providers anyone can sign up at: proving one would hand its users to one organization. */
const consumerDomains = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "web.de",
  "mail.com",
  "yandex.ru",
  "yandex.com",
  "mail.ru",
  "qq.com",
  "163.com",
  "zoho.com",
  "fastmail.com",
  "hey.com",
]);

export const txtRecordName = (domain: string) => `_plugboard-verification.${domain}`;
const txtValue = (token: string) => `plugboard-verification=${token}`;

export function presentDomain(record: SsoDomainRecord): SsoDomain {
  return {
    id: record.id,
    organizationId: record.organizationId,
    domain: record.domain,
    verified: record.verifiedAt !== null,
    verifiedAt: record.verifiedAt === null ? null : new Date(record.verifiedAt).toISOString(),
    txtRecord: { name: txtRecordName(record.domain), value: txtValue(record.token) },
    tokenExpiresAt: new Date(record.tokenExpiresAt).toISOString(),
    createdAt: new Date(record.createdAt).toISOString(),
  };
}

export async function addDomain(
  context: PlugboardContext,
  organizationId: string,
  domain: string,
): Promise<SsoDomainRecord> {
  const { options } = context.sso;
  if (consumerDomains.has(domain) || options.consumerDomains.includes(domain)) {
    throw new PlugboardError({
      code: "validation_failed",
      detail: `${domain} is a consumer mail domain: anyone can have an address there`,
      errors: [{ path: "domain", message: "is a consumer mail domain" }],
    });
  }
  const now = context.now();
  const record: SsoDomainRecord = {
    id: createId("ssod"),
    organizationId,
    domain,
    token: randomBase62(32),
    tokenExpiresAt: now + options.domainTokenTtlMs,
    verifiedAt: null,
    createdAt: now,
  };
  if (!(await context.store.sso.addDomain(record))) {
    throw new PlugboardError({ code: "conflict", detail: `${domain} is already added` });
  }
  return record;
}

/**
 * Looks up `_plugboard-verification.<domain>` and verifies the domain when one TXT record holds
 * the token. An expired token is replaced by a fresh one (publish it and verify again); a domain
 * another organization verified first stays theirs.
 */
export async function verifyDomain(
  context: PlugboardContext,
  organizationId: string,
  id: string,
): Promise<SsoDomainRecord> {
  const { store, now } = context;
  const record = await store.sso.getDomain(organizationId, id);
  if (!record) throw new PlugboardError({ code: "not_found", detail: "No such domain" });
  if (record.verifiedAt !== null) return record;
  if (record.tokenExpiresAt <= now()) {
    const renewed = await store.sso.renewDomainToken(
      organizationId,
      id,
      randomBase62(32),
      now() + context.sso.options.domainTokenTtlMs,
    );
    throw new PlugboardError({
      code: "conflict",
      detail: `The token expired; publish the new TXT record ${txtValue(renewed?.token ?? "")} and verify again`,
    });
  }
  let records: string[][];
  try {
    records = await context.sso.options.resolveTxt(txtRecordName(record.domain));
  } catch {
    records = []; // NXDOMAIN, NODATA: not there (yet)
  }
  const expected = txtValue(record.token);
  if (!records.some((chunks) => chunks.join("") === expected)) {
    throw new PlugboardError({
      code: "conflict",
      detail: `No TXT record ${txtRecordName(record.domain)} holding ${expected} was found yet (DNS changes can take a while)`,
    });
  }
  const result = await store.sso.verifyDomain(organizationId, id, now());
  if (result === "taken") {
    throw new PlugboardError({
      code: "conflict",
      detail: `${record.domain} is verified by another organization`,
    });
  }
  if (result === "missing")
    throw new PlugboardError({ code: "not_found", detail: "No such domain" });
  return (await store.sso.getDomain(organizationId, id)) ?? record;
}
