import type { Identity, Role } from "@plugboard/core";
import type { z } from "zod";
import type { PlugboardContext } from "../context";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteArgs<Body, Caller extends Identity | null = Identity> {
  request: Request;
  params: Record<string, string>;
  identity: Caller;
  body: Body;
  context: PlugboardContext;
}

/** One endpoint. Routes live one per file, with their schema at the top. */
export interface Route<Body = unknown> {
  method: HttpMethod;
  /** Relative to the mount path; `:name` segments become `params.name`. */
  path: string;
  /** Parsed and validated before `handle` runs. */
  body?: z.ZodType<Body>;
  /** The least role allowed; members can read, changes usually need `admin`. */
  role?: Role;
  /**
   * `required` (default): 401 without an identity. `optional`: OAuth callbacks, where the signed
   * state carries who started the flow; the handler gets `identity: null` when nobody is signed in.
   * `none`: provider webhooks, authenticated by their signature; `authenticate` is not called.
   */
  auth?: "required" | "optional" | "none";
  handle(args: RouteArgs<Body>): Promise<Response>;
}

/** A route that runs without the host's identity (see `Route.auth`). It takes no JSON body. */
export interface PublicRoute {
  method: HttpMethod;
  path: string;
  auth: "optional" | "none";
  handle(args: RouteArgs<undefined, Identity | null>): Promise<Response>;
}

export function defineRoute<Body = undefined>(route: Route<Body>): Route<Body> {
  return route;
}

export function definePublicRoute(route: PublicRoute): Route<undefined> {
  return route as unknown as Route<undefined>;
}
