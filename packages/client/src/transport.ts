import {
  type ErrorCode,
  errorTable,
  type HttpMethod,
  isProblem,
  PlugboardError,
  problemContentType,
} from "@plugboard/core/routes";

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

/** A body that is not JSON (a CSV upload), sent as it is with its content type. */
export interface RawBody {
  body: Blob | string;
  contentType: string;
}

interface Call extends CallOptions {
  method: HttpMethod;
  path: string;
  json?: unknown;
  raw?: RawBody;
}

/** Resolves with the parsed JSON answer, or undefined for a 204; the caller knows its type. */
export type Transport = (call: Call) => Promise<unknown>;

/**
 * Plain fetch and no zod, so the package weighs little in a browser bundle and its CommonJS
 * build runs wherever fetch does (a wrapped ESM-only HTTP library broke `require()` consumers).
 */
export function createTransport(options: TransportOptions): Transport {
  const prefix = options.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeout ?? 30_000;

  return async function call({ method, path, json, raw, signal }: Call): Promise<unknown> {
    const headers = new Headers(
      typeof options.headers === "function" ? await options.headers() : options.headers,
    );
    if (!headers.has("accept")) headers.set("accept", `application/json, ${problemContentType}`);
    if (json !== undefined) headers.set("content-type", "application/json");
    if (raw) headers.set("content-type", raw.contentType);

    // One signal for the caller's abort and our timeout; which one fired decides the error.
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onCallerAbort, { once: true });
    if (signal?.aborted) onCallerAbort();
    let timedOut = false;
    const timer =
      timeoutMs === false
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs);

    try {
      const response = await (options.fetch ?? globalThis.fetch)(
        `${prefix}/${path.replace(/^\/+/, "")}`,
        {
          method,
          headers,
          ...(json === undefined ? {} : { body: JSON.stringify(json) }),
          ...(raw ? { body: raw.body } : {}),
          signal: controller.signal,
        },
      );
      if (!response.ok) throw await fromResponse(response);
      if (response.status === 204) {
        await response.body?.cancel();
        return undefined;
      }
      // Typed by the contract, not checked here: the server validated it at the boundary. A body
      // that is not JSON at all (a proxy's HTML page) is still refused.
      return await response.json().catch((error: unknown) => {
        throw new PlugboardError({
          code: "invalid_response",
          detail: `The server's answer to ${method} ${path} is not JSON`,
          cause: error,
        });
      });
    } catch (error) {
      if (error instanceof PlugboardError) throw error;
      if (timedOut) {
        throw new PlugboardError({ code: "timeout", detail: "The server took too long to answer" });
      }
      // A caller's abort stays an AbortError, so cancellation is never mistaken for a failure.
      if (signal?.aborted) throw error;
      throw new PlugboardError({
        code: "network_error",
        detail: "Could not reach the server",
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onCallerAbort);
    }
  };
}

async function fromResponse(response: Response): Promise<PlugboardError> {
  if (response.headers.get("content-type")?.startsWith(problemContentType)) {
    const problem: unknown = await response.json().catch(() => undefined);
    if (isProblem(problem)) return PlugboardError.fromProblem(problem);
  } else {
    await response.body?.cancel();
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
