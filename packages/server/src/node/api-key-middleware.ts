import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiKeyScope } from "@plugboard/core";
import { failureResponse, rateLimitHeaders } from "../api-keys/guard";
import { readPresentedKey, type VerifiedApiKey } from "../api-keys/verifier";
import { contextOf } from "../context";
import type { Plugboard } from "../plugboard";

export interface ApiKeyMiddlewareOptions {
  scopes?: readonly ApiKeyScope[];
  /** The project the request touches, when the route is about one. */
  projectId?: string | ((req: IncomingMessage) => string | undefined);
  /** Default: Express's `req.ip` (which honours its `trust proxy`), else the socket's address. */
  clientIp?: (req: IncomingMessage) => string | null;
}

declare global {
  // Express's request type is this global namespace's Request (@types/express), so with this
  // `req.apiKey` is typed in a host's Express routes without a cast.
  namespace Express {
    interface Request {
      /** The verified key, on routes behind `apiKeyMiddleware`. */
      apiKey?: VerifiedApiKey;
    }
  }
}

/** What the middleware puts on the request for the routes after it. */
export interface ApiKeyRequest extends IncomingMessage {
  apiKey?: VerifiedApiKey;
}

type Next = (error?: unknown) => void;

/**
 * Express / connect middleware: answers 401/403/429 problem+json itself (503 when the rate
 * limiter fails and `rateLimit.onError` is "deny"), or sets `req.apiKey` (and `res.locals.apiKey`
 * on Express) and calls `next()`. Usage is recorded when the response
 * finishes, in the background.
 */
export function apiKeyMiddleware(plugboard: Plugboard, options: ApiKeyMiddlewareOptions = {}) {
  const { apiKeys: service, now } = contextOf(plugboard);
  return function requireApiKey(req: ApiKeyRequest, res: ServerResponse, next: Next): void {
    const started = performance.now();
    const headers = new Headers();
    for (const name of ["authorization", "x-api-key"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers.set(name, value);
    }
    const projectId =
      typeof options.projectId === "function" ? options.projectId(req) : options.projectId;
    service
      .verify(readPresentedKey(headers), {
        ...(options.scopes ? { scopes: options.scopes } : {}),
        ...(projectId === undefined ? {} : { projectId }),
      })
      .then(async (result) => {
        const key = result.key;
        if (key) {
          res.once("finish", () => {
            const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? "/";
            service.recordUsage({
              keyId: key.id,
              organizationId: key.organizationId,
              at: now(),
              method: req.method ?? "GET",
              path: url.split("?")[0] as string,
              status: res.statusCode,
              latencyMs: performance.now() - started,
              userAgent: req.headers["user-agent"] ?? null,
              ip: options.clientIp
                ? options.clientIp(req)
                : ((req as { ip?: string }).ip ?? req.socket.remoteAddress ?? null),
            });
          });
        }
        if (!result.valid) {
          const response = failureResponse(result, now());
          res.statusCode = response.status;
          response.headers.forEach((value, name) => {
            res.setHeader(name, value);
          });
          res.end(await response.text());
          return;
        }
        if (result.rateLimit) {
          for (const [name, value] of Object.entries(rateLimitHeaders(result.rateLimit, now()))) {
            res.setHeader(name, value);
          }
        }
        req.apiKey = result.key;
        const locals = (res as { locals?: Record<string, unknown> }).locals;
        if (locals) locals.apiKey = result.key;
        next();
      })
      .catch(next);
  };
}
