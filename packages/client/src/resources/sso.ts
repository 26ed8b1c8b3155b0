import {
  type AddSsoDomainInput,
  type CreateSsoConnectionInput,
  type SsoPolicy,
  ssoConnectionListSchema,
  ssoConnectionSchema,
  ssoDomainListSchema,
  ssoDomainSchema,
  ssoLoginAttemptListSchema,
  ssoPolicySchema,
  type UpdateSsoConnectionInput,
} from "@plugboard/core";
import type { CallOptions, Transport } from "../transport";

const connectionPath = (id: string) => `sso/connections/${encodeURIComponent(id)}`;
const domainPath = (id: string) => `sso/domains/${encodeURIComponent(id)}`;

/** Per-organization SSO, for admins: connections, proven domains, policy and recent sign-ins. */
export function ssoResource(call: Transport) {
  return {
    connections: {
      list: (options: CallOptions = {}) =>
        call({
          method: "get",
          path: "sso/connections",
          schema: ssoConnectionListSchema,
          ...options,
        }),
      get: (id: string, options: CallOptions = {}) =>
        call({ method: "get", path: connectionPath(id), schema: ssoConnectionSchema, ...options }),
      /** SAML from metadata (URL or XML) or by hand; OIDC from the issuer with its client secret. */
      create: (input: CreateSsoConnectionInput, options: CallOptions = {}) =>
        call({
          method: "post",
          path: "sso/connections",
          json: input,
          schema: ssoConnectionSchema,
          ...options,
        }),
      /** Rename, enable or disable (`{ enabled }`), or replace the protocol's settings. */
      update: (id: string, input: UpdateSsoConnectionInput, options: CallOptions = {}) =>
        call({
          method: "patch",
          path: connectionPath(id),
          json: input,
          schema: ssoConnectionSchema,
          ...options,
        }),
      delete: (id: string, options: CallOptions = {}) =>
        call<void>({ method: "delete", path: connectionPath(id), ...options }),
    },
    domains: {
      list: (options: CallOptions = {}) =>
        call({ method: "get", path: "sso/domains", schema: ssoDomainListSchema, ...options }),
      /** The answer holds the TXT record to publish. */
      add: (input: AddSsoDomainInput, options: CallOptions = {}) =>
        call({
          method: "post",
          path: "sso/domains",
          json: input,
          schema: ssoDomainSchema,
          ...options,
        }),
      /** Looks the TXT record up now; a 409 `conflict` says it is not there (yet). */
      verify: (id: string, options: CallOptions = {}) =>
        call({
          method: "post",
          path: `${domainPath(id)}/verify`,
          schema: ssoDomainSchema,
          ...options,
        }),
      remove: (id: string, options: CallOptions = {}) =>
        call<void>({ method: "delete", path: domainPath(id), ...options }),
    },
    policy: {
      get: (options: CallOptions = {}) =>
        call({ method: "get", path: "sso/policy", schema: ssoPolicySchema, ...options }),
      put: (input: SsoPolicy, options: CallOptions = {}) =>
        call({
          method: "put",
          path: "sso/policy",
          json: input,
          schema: ssoPolicySchema,
          ...options,
        }),
    },
    loginAttempts: (
      query: { connectionId?: string; limit?: number } = {},
      options: CallOptions = {},
    ) => {
      const search = new URLSearchParams(
        Object.entries(query).map(([name, value]) => [name, String(value)]),
      ).toString();
      return call({
        method: "get",
        path: `sso/login-attempts${search ? `?${search}` : ""}`,
        schema: ssoLoginAttemptListSchema,
        ...options,
      });
    },
  };
}
