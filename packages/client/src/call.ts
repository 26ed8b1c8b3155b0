import {
  type Contract,
  type ContractInput,
  type ContractResponse,
  contractPath,
  type Route,
} from "@plugboard/core/routes";
import type { CallOptions, RawBody, Transport } from "./transport";

/**
 * Calls a route of `@plugboard/core/routes`: `params` fill the path, `query` becomes the query
 * string, `body` is sent as JSON. The answer is typed from the route's contract and not parsed:
 * the server validated it at the boundary, and zod stays out of the browser.
 */
export type Call = <const C extends Contract>(
  route: Route<C>,
  input: ContractInput<C>,
  options?: CallOptions & { raw?: RawBody },
) => Promise<ContractResponse<C>>;

interface ErasedInput {
  params?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, unknown>>;
  body?: unknown;
}

export function createCall(transport: Transport): Call {
  function call<const C extends Contract>(
    route: Route<C>,
    input: ContractInput<C>,
    options?: CallOptions & { raw?: RawBody },
  ): Promise<ContractResponse<C>>;
  // The typed signature is what resources see; the answer's type is the contract's response.
  function call(route: Route, input: ErasedInput, options: CallOptions & { raw?: RawBody } = {}) {
    return transport({
      method: route.method,
      path: contractPath(route.path, input.params) + queryString(input.query),
      json: input.body,
      ...options,
    });
  }
  return call;
}

/** Unset values are left out, so a default on the server applies. */
function queryString(query: Readonly<Record<string, unknown>> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) search.set(name, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}
