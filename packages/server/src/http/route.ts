import type {
  Contract,
  ContractBody,
  ContractQuery,
  ContractReply,
  HttpMethod,
  Identity,
  PathParams,
  Role,
} from "@plugboard/core";
import type { z } from "zod";
import type { PlugboardContext } from "../context";
import { readJsonBody } from "./body";
import { readQuery } from "./query";
import { json, noContent } from "./responses";

export type { HttpMethod };

/**
 * One endpoint as the router holds it. Client-facing routes are made by `implement(contract)`
 * from a contract in `@plugboard/core`; pages and provider traffic by `definePublicRoute`.
 */
export type Route = ContractRoute | PublicRoute;

interface RouteArgs<Caller extends Identity | null> {
  request: Request;
  /** Every `:name` of the path, decoded: the router matched them all. */
  params: Readonly<Record<string, string>>;
  identity: Caller;
  context: PlugboardContext;
}

/** Needs the host's identity: 401 without one, 403 below `role`; the body read by the route. */
export interface ContractRoute {
  auth: "required";
  method: HttpMethod;
  /** Relative to the mount path; `:name` segments become `params.name`. */
  path: string;
  role?: Role;
  /** The body schema, for what inspects the route table (the hostile-input suite). */
  body?: z.ZodType;
  handle(args: RouteArgs<Identity>): Promise<Response>;
}

/**
 * Runs without the host's identity. `optional`: OAuth callbacks and confirmation pages, where a
 * one-time token says who started the flow; `identity` is null when nobody is signed in.
 * `none`: provider traffic, authenticated by its signature; `authenticate` is not called.
 */
export interface PublicRoute {
  auth: "optional" | "none";
  method: HttpMethod;
  path: string;
  handle(args: RouteArgs<Identity | null>): Promise<Response>;
}

/** What a contract's handler gets, every part typed from the contract. */
export interface ContractArgs<C extends Contract> {
  request: Request;
  params: PathParams<C["path"]>;
  query: ContractQuery<C>;
  body: ContractBody<C>;
  identity: Identity;
  context: PlugboardContext;
}

export interface Implementation<C extends Contract> {
  /** Returns the response body (checked against the contract's schema by type); throws a PlugboardError to refuse. */
  handle(args: ContractArgs<C>): Promise<ContractReply<C>>;
}

/** The erased form the router calls: the values come from the contract's own schemas. */
interface ErasedImplementation {
  handle(args: {
    request: Request;
    params: Readonly<Record<string, string>>;
    query: unknown;
    body: unknown;
    identity: Identity;
    context: PlugboardContext;
  }): Promise<unknown>;
}

/**
 * The server side of a contract: its body and query parsed with the contract's schemas (a bad
 * one is a 400 `validation_failed` before the handler runs), its answer sent with the contract's
 * status (204 when it has no response).
 */
export function implement<const C extends Contract>(
  contract: C,
  implementation: Implementation<C>,
): ContractRoute;
// The typed signature above is what route files see; the router holds routes of every contract,
// so here the parts are the schemas' own parse results.
export function implement(contract: Contract, implementation: ErasedImplementation): ContractRoute {
  const { method, path, role, body: bodySchema, query: querySchema, response } = contract;
  return {
    auth: "required",
    method,
    path,
    ...(role ? { role } : {}),
    ...(bodySchema ? { body: bodySchema } : {}),
    async handle({ request, params, identity, context }) {
      const body = bodySchema
        ? await readJsonBody(request, bodySchema, context.maxBodyBytes)
        : undefined;
      const query = querySchema ? readQuery(request, querySchema) : undefined;
      const reply = await implementation.handle({
        request,
        params,
        query,
        body,
        identity,
        context,
      });
      return response ? json(reply, contract.status ?? 200) : noContent();
    },
  };
}

interface PublicRouteDefinition<Path extends string> {
  method: HttpMethod;
  path: Path;
  auth: "optional" | "none";
  handle(args: {
    request: Request;
    params: PathParams<Path>;
    identity: Identity | null;
    context: PlugboardContext;
  }): Promise<Response>;
}

/** A server-only route (a page, provider traffic): it answers its own Response. */
export function definePublicRoute<const Path extends string>(
  route: PublicRouteDefinition<Path>,
): PublicRoute;
// As with `implement`: the router's params hold every `:name` of `path`.
export function definePublicRoute(route: PublicRoute): PublicRoute {
  return route;
}
