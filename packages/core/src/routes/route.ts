import type { Contract, HttpMethod } from "../contracts/contract";

/** Where a route lives. The contracts spread it and add their zod schemas. */
export interface RoutePath {
  readonly method: HttpMethod;
  /** Relative to where the handler is mounted; `:name` segments are path parameters. */
  readonly path: `/${string}`;
}

/**
 * A contract without its schemas, for the browser: method and path are values, the contract is
 * only a type (`~contract` is never set). A client calls it typed from the zod schemas without
 * loading zod; the server validates at the boundary, so the browser trusts the typed answer.
 */
export interface Route<C extends Contract = Contract> {
  readonly method: C["method"];
  readonly path: C["path"];
  readonly "~contract"?: C;
}

/**
 * A group's routes, typed from its contracts. `paths` must hold every contract's exact method
 * and path, so a route and its contract cannot drift apart.
 */
export function routesOf<Contracts extends Record<string, Contract>>(
  paths: {
    readonly [Name in keyof Contracts]: Pick<Contracts[Name], "method" | "path">;
  },
): { readonly [Name in keyof Contracts]: Route<Contracts[Name]> } {
  return paths;
}
