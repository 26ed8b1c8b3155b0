function scope<R extends string, A extends string>(resource: R, action: A, description: string) {
  return { scope: `${resource}:${action}` as const, resource, action, description };
}

/** Every concrete scope, in display order; a scope picker groups them by `resource`. */
export const apiKeyScopes = [
  scope("issues", "read", "Read issues"),
  scope("issues", "write", "Create and edit issues"),
  scope("issues", "delete", "Delete issues"),
  scope("projects", "read", "Read projects"),
  scope("projects", "write", "Create and edit projects"),
  scope("comments", "read", "Read comments"),
  scope("comments", "write", "Post and edit comments"),
  scope("documents", "read", "Read documents"),
  scope("documents", "write", "Create and edit documents"),
  scope("search", "read", "Run searches"),
] as const;

export type ApiKeyScopeInfo = (typeof apiKeyScopes)[number];
export type ApiKeyResource = ApiKeyScopeInfo["resource"];
/** A concrete scope, `<resource>:*` (every action on it), or `*` (everything). */
export type ApiKeyScope = ApiKeyScopeInfo["scope"] | `${ApiKeyResource}:*` | "*";

/**
 * Whether `grant` includes `required`. A wildcard grant covers its resource's scopes, and a
 * required wildcard is covered only by an equal or broader grant: `issues:read` does not
 * include `issues:*`.
 */
function covers(grant: string, required: string): boolean {
  if (grant === "*" || grant === required) return true;
  return grant.endsWith(":*") && required.startsWith(grant.slice(0, -1));
}

/** Whether the granted scopes cover every required one. */
export function hasScopes(granted: readonly string[], required: readonly string[]): boolean {
  return required.every((scope) => granted.some((grant) => covers(grant, scope)));
}

/** The required scopes no grant covers, to name in a 403's detail. */
export function missingScopes<S extends string>(
  granted: readonly string[],
  required: readonly S[],
): S[] {
  return required.filter((scope) => !granted.some((grant) => covers(grant, scope)));
}
