import { ssoPaths as paths } from "../routes/sso";
import {
  addSsoDomainSchema,
  createSsoConnectionSchema,
  ssoConnectionListSchema,
  ssoConnectionSchema,
  ssoDomainListSchema,
  ssoDomainSchema,
  ssoLoginAttemptListSchema,
  ssoLoginAttemptQuerySchema,
  ssoPolicySchema,
  ssoTestLoginSchema,
  updateSsoConnectionSchema,
} from "../schemas/sso";
import { defineContract } from "./contract";

/**
 * Per-organization SSO, for admins. The login itself (start, SAML ACS and metadata, OIDC
 * callback) is browser traffic: server routes without a contract.
 */
export const ssoContracts = {
  listConnections: defineContract({
    ...paths.listConnections,
    role: "admin",
    response: ssoConnectionListSchema,
  }),
  /** SAML from metadata (URL or XML) or by hand; OIDC from the issuer with its client secret. */
  createConnection: defineContract({
    ...paths.createConnection,
    role: "admin",
    body: createSsoConnectionSchema,
    response: ssoConnectionSchema,
    status: 201,
  }),
  getConnection: defineContract({
    ...paths.getConnection,
    role: "admin",
    response: ssoConnectionSchema,
  }),
  /** Rename, enable or disable (`{ enabled }`), remap, or replace the protocol's settings. */
  updateConnection: defineContract({
    ...paths.updateConnection,
    role: "admin",
    body: updateSsoConnectionSchema,
    response: ssoConnectionSchema,
  }),
  deleteConnection: defineContract({
    ...paths.deleteConnection,
    role: "admin",
  }),
  /**
   * Test connection: a login URL for a popup, good for a few minutes. The run signs nobody in;
   * its last page posts the mapped profile (or the refusal) to the page that asked, at its
   * exact origin.
   */
  testConnection: defineContract({
    ...paths.testConnection,
    role: "admin",
    response: ssoTestLoginSchema,
  }),
  listDomains: defineContract({
    ...paths.listDomains,
    role: "admin",
    response: ssoDomainListSchema,
  }),
  /** The answer holds the TXT record to publish; the domain routes logins once verified. */
  addDomain: defineContract({
    ...paths.addDomain,
    role: "admin",
    body: addSsoDomainSchema,
    response: ssoDomainSchema,
    status: 201,
  }),
  /** Looks the TXT record up now; a 409 `conflict` says it is not there (yet). */
  verifyDomain: defineContract({
    ...paths.verifyDomain,
    role: "admin",
    response: ssoDomainSchema,
  }),
  removeDomain: defineContract({ ...paths.removeDomain, role: "admin" }),
  getPolicy: defineContract({
    ...paths.getPolicy,
    role: "admin",
    response: ssoPolicySchema,
  }),
  /** Require SSO for the organization's verified domains, with a few break-glass admins. */
  putPolicy: defineContract({
    ...paths.putPolicy,
    role: "admin",
    body: ssoPolicySchema,
    response: ssoPolicySchema,
  }),
  /** Recent sign-ins, newest first, with the reason each refused one was refused. */
  listLoginAttempts: defineContract({
    ...paths.listLoginAttempts,
    role: "admin",
    query: ssoLoginAttemptQuerySchema,
    response: ssoLoginAttemptListSchema,
  }),
};
