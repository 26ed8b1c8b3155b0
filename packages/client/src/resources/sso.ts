import type {
  AddSsoDomainInput,
  CreateSsoConnectionInput,
  SsoPolicy,
  UpdateSsoConnectionInput,
} from "@plugboard/core";
import { ssoRoutes as routes } from "@plugboard/core/routes";
import type { Call } from "../call";
import type { CallOptions } from "../transport";

/** Per-organization SSO, for admins: connections, proven domains, policy and recent sign-ins. */
export function ssoResource(call: Call) {
  return {
    connections: {
      list: (options: CallOptions = {}) => call(routes.listConnections, {}, options),
      get: (id: string, options: CallOptions = {}) =>
        call(routes.getConnection, { params: { connectionId: id } }, options),
      /** SAML from metadata (URL or XML) or by hand; OIDC from the issuer with its client secret. */
      create: (input: CreateSsoConnectionInput, options: CallOptions = {}) =>
        call(routes.createConnection, { body: input }, options),
      /** Rename, enable or disable (`{ enabled }`), or replace the protocol's settings. */
      update: (id: string, input: UpdateSsoConnectionInput, options: CallOptions = {}) =>
        call(routes.updateConnection, { params: { connectionId: id }, body: input }, options),
      delete: (id: string, options: CallOptions = {}) =>
        call(routes.deleteConnection, { params: { connectionId: id } }, options),
      /** A login URL for a Test connection popup; the run signs nobody in. */
      test: (id: string, options: CallOptions = {}) =>
        call(routes.testConnection, { params: { connectionId: id } }, options),
    },
    domains: {
      list: (options: CallOptions = {}) => call(routes.listDomains, {}, options),
      /** The answer holds the TXT record to publish. */
      add: (input: AddSsoDomainInput, options: CallOptions = {}) =>
        call(routes.addDomain, { body: input }, options),
      /** Looks the TXT record up now; a 409 `conflict` says it is not there (yet). */
      verify: (id: string, options: CallOptions = {}) =>
        call(routes.verifyDomain, { params: { domainId: id } }, options),
      remove: (id: string, options: CallOptions = {}) =>
        call(routes.removeDomain, { params: { domainId: id } }, options),
    },
    policy: {
      get: (options: CallOptions = {}) => call(routes.getPolicy, {}, options),
      put: (input: SsoPolicy, options: CallOptions = {}) =>
        call(routes.putPolicy, { body: input }, options),
    },
    loginAttempts: (
      query: { connectionId?: string; limit?: number } = {},
      options: CallOptions = {},
    ) => call(routes.listLoginAttempts, { query }, options),
  };
}
