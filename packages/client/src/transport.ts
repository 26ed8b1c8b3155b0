import {
  type ErrorCode,
  errorTable,
  PlugboardError,
  problemContentType,
  problemSchema,
} from "@plugboard/core";
import ky, { HTTPError, type KyInstance, TimeoutError } from "ky";
import type { z } from "zod";

export interface TransportOptions {
  /** Where the handler kit is mounted, e.g. `https://app.example.com/api/plugboard`. */
  baseUrl: string;
  /** Defaults to the global fetch; pass one to add credentials, tracing or a test double. */
  fetch?: typeof fetch;
  /** Sent with every request; a function is called per request (for short-lived tokens). */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** Milliseconds before a request fails with code `timeout`. Default 30 000; false for none. */
  timeout?: number | false;
}

export interface CallOptions {
  signal?: AbortSignal;
}

interface Call<T> extends CallOptions {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  json?: unknown;
  /** Omitted for responses without a body (204). */
  schema?: z.ZodType<T>;
}

export type Transport = <T>(call: Call<T>) => Promise<T>;

export function createTransport(options: TransportOptions): Transport {
  const http: KyInstance = ky.create({
    prefixUrl: options.baseUrl,
    timeout: options.timeout ?? 30_000,
    retry: 0,
    throwHttpErrors: true,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    hooks: {
      beforeRequest: [
        async (request) => {
          const extra =
            typeof options.headers === "function" ? await options.headers() : options.headers;
          new Headers(extra).forEach((value, name) => {
            request.headers.set(name, value);
          });
        },
      ],
    },
  });

  return async function call<T>({ method, path, json, schema, signal }: Call<T>): Promise<T> {
    let response: Response;
    try {
      response = await http(path.replace(/^\//, ""), {
        method,
        ...(json === undefined ? {} : { json }),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      throw await toPlugboardError(error);
    }
    if (!schema) return undefined as T;
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw new PlugboardError({
        code: "invalid_response",
        detail: `The server's answer to ${method.toUpperCase()} ${path} did not match the contract`,
        cause: parsed.error,
      });
    }
    return parsed.data;
  };
}

async function toPlugboardError(error: unknown): Promise<unknown> {
  if (error instanceof HTTPError) return fromResponse(error.response);
  if (error instanceof TimeoutError) {
    return new PlugboardError({ code: "timeout", detail: "The server took too long to answer" });
  }
  // A caller's abort stays an AbortError, so cancellation is never mistaken for a failure.
  if (error instanceof DOMException && error.name === "AbortError") return error;
  return new PlugboardError({
    code: "network_error",
    detail: "Could not reach the server",
    cause: error,
  });
}

async function fromResponse(response: Response): Promise<PlugboardError> {
  if (response.headers.get("content-type")?.startsWith(problemContentType)) {
    const problem = problemSchema.safeParse(await response.json().catch(() => undefined));
    if (problem.success) return PlugboardError.fromProblem(problem.data);
  }
  // Not one of ours (a proxy's 502, say): keep the status, pick the closest code.
  return new PlugboardError({
    code: codeForStatus(response.status),
    status: response.status,
    detail: `The server answered ${response.status} ${response.statusText}`.trim(),
  });
}

function codeForStatus(status: number): ErrorCode {
  if (status >= 500) return "internal_error";
  const exact = (Object.keys(errorTable) as ErrorCode[]).find(
    (code) => errorTable[code].status === status,
  );
  return exact ?? "validation_failed";
}
