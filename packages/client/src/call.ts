import {
  type Contract,
  type ContractInput,
  type ContractResponse,
  contractPath,
} from "@plugboard/core";
import type { CallOptions, Transport } from "./transport";

/**
 * Calls the route a contract describes: `params` fill the path, `query` becomes the query string,
 * `body` is sent as JSON, and the answer is parsed with the contract's response schema.
 */
export type Call = <const C extends Contract>(
  contract: C,
  input: ContractInput<C>,
  options?: CallOptions,
) => Promise<ContractResponse<C>>;

interface ErasedInput {
  params?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, unknown>>;
  body?: unknown;
}

export function createCall(transport: Transport): Call {
  function call<const C extends Contract>(
    contract: C,
    input: ContractInput<C>,
    options?: CallOptions,
  ): Promise<ContractResponse<C>>;
  // The typed signature is what resources see; the answer's type is the response schema's parse.
  function call(contract: Contract, input: ErasedInput, options: CallOptions = {}) {
    return transport({
      method: contract.method,
      path: contractPath(contract.path, input.params) + queryString(input.query),
      json: input.body,
      ...(contract.response ? { schema: contract.response } : {}),
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
