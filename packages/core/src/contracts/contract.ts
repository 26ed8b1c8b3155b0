import type { z } from "zod";
import type { Role } from "../schemas/common";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The `:name` segments of a path template: `"/a/:id/b/:other"` ⇒ `"id" | "other"`. */
export type PathParamNames<Path extends string> =
  Path extends `${string}:${infer Name}/${infer Rest}`
    ? Name | PathParamNames<`/${Rest}`>
    : Path extends `${string}:${infer Name}`
      ? Name
      : never;

/** One string per `:name` segment: `"/endpoints/:endpointId"` ⇒ `{ endpointId: string }`. */
export type PathParams<Path extends string> = { [Name in PathParamNames<Path>]: string };

/**
 * One route of the REST API: its method and path from `routes/` (the client calls those, from
 * `@plugboard/core/routes`, typed from this contract), the schemas the server validates with
 * (`implement` in `@plugboard/server`).
 */
export interface Contract {
  readonly method: HttpMethod;
  /** Relative to where the handler is mounted; `:name` segments are path parameters. */
  readonly path: `/${string}`;
  /** The query string, validated like a body (a bad one is a 400 `validation_failed`). */
  readonly query?: z.ZodType;
  /** A JSON body, validated before the handler runs. */
  readonly body?: z.ZodType;
  /** The JSON answer: its output type is what the client gets. Omitted: 204 No Content. */
  readonly response?: z.ZodType;
  /** The success status of a route with a response. Default 200. */
  readonly status?: 200 | 201 | 202;
  /** The least role allowed. Default: any signed-in member of the organization. */
  readonly role?: Role;
}

/** Declares a contract; its types (path parameters included) are inferred from the object. */
export function defineContract<const C extends Contract>(contract: C): C {
  return contract;
}

/** What a caller passes: `params` when the path has any, `query` when it has one, `body`. */
export type ContractInput<C extends Contract> = ParamsInput<C["path"]> &
  (C extends { query: infer Q extends z.ZodType } ? { query?: z.input<Q> } : unknown) &
  (C extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : unknown);

type ParamsInput<Path extends string> = [PathParamNames<Path>] extends [never]
  ? unknown
  : { params: PathParams<Path> };

/** What the caller gets: the response schema's output, or nothing for a 204. */
export type ContractResponse<C extends Contract> = C extends {
  response: infer R extends z.ZodType;
}
  ? z.output<R>
  : // biome-ignore lint/suspicious/noConfusingVoidType: a 204 resolves to nothing, like a void function
    void;

/** The query as the server's handler sees it, parsed (defaults applied). */
export type ContractQuery<C extends Contract> = C extends { query: infer Q extends z.ZodType }
  ? z.output<Q>
  : undefined;

/** The body as the server's handler sees it, parsed. */
export type ContractBody<C extends Contract> = C extends { body: infer B extends z.ZodType }
  ? z.output<B>
  : undefined;

/**
 * What the server's handler returns: the response schema's output, defaults filled in, or
 * nothing (204). The browser trusts the answer unparsed, so it must already be in that shape.
 */
export type ContractReply<C extends Contract> = C extends { response: infer R extends z.ZodType }
  ? z.output<R>
  : // biome-ignore lint/suspicious/noConfusingVoidType: a 204 handler returns nothing, like a void function
    void;
