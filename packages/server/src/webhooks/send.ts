import { signWebhook, type WebhookPayload, webhookHeaderNames } from "@plugboard/core";
import type { Keyring } from "../crypto/keyring";
import { secretUrlContext } from "./endpoint-url";
import { RefusedAddressError, type Transport } from "./node-transport";
import type { ResolvedWebhooksOptions } from "./options";
import { presentEndpoint } from "./present";
import type { WebhookEndpointRecord, WebhookMessageRecord } from "./store/types";
import type { UrlGuard } from "./url-guard";

/** What one HTTP attempt came to, before it is logged. */
export interface SendResult {
  ok: boolean;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
  latencyMs: number;
  /** From a `Retry-After` header, epoch ms; null without one. */
  retryAfter: number | null;
}

/** The keyring's AAD for an endpoint's secrets: a ciphertext copied to another row won't open. */
export const secretContext = (endpointId: string) => `webhook-endpoint:${endpointId}`;

/** `Retry-After` is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return now + Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(now, date);
}

/** Reads at most `limit` characters and drops the rest unread. */
async function readCapped(response: Response, limit: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text.slice(0, limit);
}

const maxCachedSecrets = 1000;

export interface Sender {
  send(endpoint: WebhookEndpointRecord, message: WebhookMessageRecord): Promise<SendResult>;
}

export function createSender(
  options: ResolvedWebhooksOptions,
  guard: UrlGuard,
  transport: Transport,
  keyring: Keyring,
  now: () => number,
): Sender {
  // Decrypting costs as much as signing; an endpoint's ciphertext changes only when its secret
  // does (rotation writes a new one), so it is the cache key. Bounded, oldest first out.
  const decrypted = new Map<string, Promise<string>>();
  function decrypt(ciphertext: string, context: string): Promise<string> {
    const key = `${context}\n${ciphertext}`;
    let secret = decrypted.get(key);
    if (!secret) {
      secret = keyring.decrypt(ciphertext, context);
      secret.catch(() => decrypted.delete(key));
      decrypted.set(key, secret);
      if (decrypted.size > maxCachedSecrets) {
        decrypted.delete(decrypted.keys().next().value as string);
      }
    }
    return secret;
  }

  async function secretsFor(endpoint: WebhookEndpointRecord, at: number): Promise<string[]> {
    const context = secretContext(endpoint.id);
    const secrets = [await decrypt(endpoint.secret, context)];
    if (endpoint.previousSecret && (endpoint.previousSecretExpiresAt ?? 0) > at) {
      secrets.push(await decrypt(endpoint.previousSecret, context));
    }
    return secrets;
  }

  async function request(endpoint: WebhookEndpointRecord, message: WebhookMessageRecord) {
    const at = now();
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "Plugboard-Webhooks/1.0",
      [webhookHeaderNames.id]: message.id,
    };
    if (endpoint.destination !== "standard") {
      const payload = JSON.parse(message.body) as WebhookPayload;
      const text = options.formatChatMessage(payload, presentEndpoint(endpoint, undefined, at));
      return { headers, body: JSON.stringify({ text }) };
    }
    const timestamp = Math.floor(at / 1000);
    headers[webhookHeaderNames.timestamp] = String(timestamp);
    headers[webhookHeaderNames.signature] = await signWebhook(await secretsFor(endpoint, at), {
      id: message.id,
      timestamp,
      body: message.body,
    });
    return { headers, body: message.body };
  }

  return {
    async send(endpoint, message) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const failure = (error: string): SendResult => ({
        ok: false,
        responseStatus: null,
        responseBody: null,
        error,
        latencyMs: elapsed(),
        retryAfter: null,
      });

      const url = endpoint.secretUrl
        ? await decrypt(endpoint.secretUrl, secretUrlContext(endpoint.id))
        : endpoint.url;
      const check = await guard(url);
      if (!check.ok) return failure(`${check.code}: ${check.message}`);
      const { headers, body } = await request(endpoint, message);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs);
      try {
        const response = await transport(url, {
          method: "POST",
          headers,
          body,
          // A redirect is the receiver's configuration mistake: following it would send the
          // signed payload somewhere nobody checked (and past the SSRF guard).
          redirect: "manual",
          signal: controller.signal,
        });
        const responseBody = await readCapped(response, options.responseBodyLimit);
        // Browsers answer a manual redirect with an opaque status 0.
        const status = response.type === "opaqueredirect" ? 302 : response.status;
        return {
          ok: status >= 200 && status < 300,
          responseStatus: status,
          responseBody,
          error: status >= 300 && status < 400 ? "redirect_not_followed" : null,
          latencyMs: elapsed(),
          retryAfter: parseRetryAfter(response.headers.get("retry-after"), now()),
        };
      } catch (error) {
        if (controller.signal.aborted) return failure("timeout");
        // The pinned connection re-resolved the name and refused where it now points.
        if (error instanceof RefusedAddressError) return failure(`${error.code}: ${error.message}`);
        // The message of a network error names the cause (ECONNREFUSED…), never a secret.
        const cause = error instanceof Error ? (error.cause ?? error) : error;
        const detail = cause instanceof Error ? cause.message : String(cause);
        return failure(`network: ${detail}`.slice(0, 300));
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
