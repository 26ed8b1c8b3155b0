import type { Role } from "../schemas/common";
import { type ApiKeyResource, type ApiKeyScope, apiKeyScopes, hasScopes } from "./scopes";

/**
 * What a key may be granted, by its creator's role: a key never carries more power than the
 * person who made it. Admins grant anything. Members read and write issues, comments and
 * documents, read projects and search; deleting issues and changing projects stay with admins,
 * so `issues:*`, `projects:*` and `*` are admin-only too.
 */
const memberGrants = [
  "issues:read",
  "issues:write",
  "projects:read",
  "comments:read",
  "comments:write",
  "documents:read",
  "documents:write",
  "search:read",
] as const satisfies readonly ApiKeyScope[];

/**
 * Every scope (wildcards included) a key created by this role may carry. A member gets
 * `comments:*` because they hold every comment scope, but not `issues:*`.
 */
export function grantableScopes(role: Role): ApiKeyScope[] {
  if (role === "admin") {
    return ["*", ...wildcards(), ...apiKeyScopes.map((entry) => entry.scope)];
  }
  const concrete: ApiKeyScope[] = [...memberGrants];
  const full = wildcards().filter((wildcard) =>
    apiKeyScopes
      .filter((entry) => `${entry.resource}:*` === wildcard)
      .every((entry) => concrete.includes(entry.scope)),
  );
  return [...full, ...concrete];
}

/** The requested scopes the role may not grant, to name in a 403's detail. */
export function ungrantableScopes(role: Role, requested: readonly ApiKeyScope[]): ApiKeyScope[] {
  const allowed = grantableScopes(role);
  return requested.filter((scope) => !hasScopes(allowed, [scope]));
}

function wildcards(): ApiKeyScope[] {
  const resources = [...new Set(apiKeyScopes.map((entry) => entry.resource))];
  return resources.map((resource: ApiKeyResource) => `${resource}:*` as const);
}
