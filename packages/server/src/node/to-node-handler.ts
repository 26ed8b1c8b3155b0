import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { PlugboardError } from "@plugboard/core";
import { problemResponse } from "../http/responses";
import { consoleLogger, type Logger } from "../logger";

export interface NodeHandlerOptions {
  /** Bodies larger than this are refused with 413 before they are buffered. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Trust `X-Forwarded-Proto` / `X-Forwarded-Host` when building the request URL (behind a
   * proxy you control). Default false.
   */
  trustProxy?: boolean;
  /** Where errors the Web handler throws are reported (message and route only). */
  logger?: Logger;
}

type WebHandler = (request: Request) => Promise<Response>;

/**
 * Adapts a Web handler to node:http and Express: `(req, res) => void`. It only converts between
 * IncomingMessage and Request; the raw body bytes pass through untouched so signatures over them
 * can be verified. Mount it before any body-parsing middleware.
 */
export function toNodeHandler(handler: WebHandler, options: NodeHandlerOptions = {}) {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const logger = options.logger ?? consoleLogger;

  // node:http ignores the promise a listener returns, so nothing may escape from here: a
  // rejection would be unhandled and, by Node's default, end the process.
  return async function nodeHandler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    let response: Response;
    try {
      const body = await readBody(req, maxBodyBytes);
      response = await handler(toRequest(req, body, abort.signal, options.trustProxy ?? false));
    } catch (error) {
      if (error instanceof PlugboardError) {
        response = problemResponse(error, { connection: "close" });
      } else {
        logger.error("Unhandled error while serving a request", {
          method: req.method,
          path: (req.url ?? "").split("?")[0],
          error: error instanceof Error ? error.message : String(error),
        });
        response = problemResponse(
          new PlugboardError({
            code: "internal_error",
            detail: "Something went wrong on our side",
          }),
        );
      }
    }
    try {
      await writeResponse(res, response);
    } catch {
      // The client went away mid-response, or the body stream failed: nothing left to tell it.
      res.destroy();
    }
  };
}

/**
 * Builds the Web Request. Clients can send what fetch cannot represent (a Host header that
 * makes no URL, a method such as TRACE): that is their mistake, answered 400, not a crash.
 */
function toRequest(
  req: IncomingMessage,
  body: Uint8Array<ArrayBuffer> | undefined,
  signal: AbortSignal,
  trustProxy: boolean,
): Request {
  try {
    return new Request(requestUrl(req, trustProxy), {
      method: req.method ?? "GET",
      headers: toHeaders(req),
      body,
      signal,
    });
  } catch (error) {
    throw new PlugboardError({
      code: "validation_failed",
      detail: "The request's method, URL or Host header cannot be served",
      cause: error,
    });
  }
}

async function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (req.method === "GET" || req.method === "HEAD") return undefined;
  const tooLarge = () =>
    new PlugboardError({
      code: "payload_too_large",
      detail: `Request bodies are limited to ${limit} bytes`,
    });
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain so the 413 can be written on a healthy socket
    throw tooLarge();
  }
  // Listeners, not for-await: leaving a for-await loop early destroys the socket, and the 413
  // must still be written. Past the limit the rest is read and dropped, never buffered.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) reject(tooLarge());
      else chunks.push(chunk);
    });
    req.on("end", () =>
      resolve(size === 0 ? undefined : (Buffer.concat(chunks, size) as Uint8Array<ArrayBuffer>)),
    );
    req.on("error", reject);
  });
}

function requestUrl(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = (name: string) => {
    const value = req.headers[name];
    return trustProxy && typeof value === "string" ? value.split(",")[0]?.trim() : undefined;
  };
  const encrypted = "encrypted" in req.socket && req.socket.encrypted === true;
  const protocol = forwarded("x-forwarded-proto") ?? (encrypted ? "https" : "http");
  const host = forwarded("x-forwarded-host") ?? req.headers.host ?? "localhost";
  // Express strips its mount path from req.url; originalUrl keeps it.
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? "/";
  return `${protocol}://${host}${path}`;
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(":") || value === undefined) continue; // HTTP/2 pseudo-headers
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body) {
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as NodeReadableStream);
  if (res.destroyed) {
    body.destroy(); // cancels the Web stream: nobody will read it
    return;
  }
  // pipeline, unlike pipe, settles when either side fails or closes early.
  await pipeline(body, res);
}
