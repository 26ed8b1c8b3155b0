import { PlugboardError, toFieldErrors } from "@plugboard/core";
import type { z } from "zod";
import { refuseNul, refuseNulInJson } from "./nul";

/** Default cap on request bodies read by the handler itself (`maxBodyBytes`). */
export const defaultMaxBodyBytes = 1024 * 1024;

/**
 * The body's bytes, at most `limit` of them. The handler caps what it reads itself: mounted
 * directly (Next.js, Hono, Bun) there is no adapter in front to stop a huge upload, so a
 * declared or streamed body past the limit is a 413 and the rest is never buffered.
 */
export async function readRawBody(request: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new PlugboardError({
      code: "payload_too_large",
      detail: `Request bodies are limited to ${limit} bytes`,
    });
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const decoder = new TextDecoder();

/** Parses JSON text, every way it can be wrong a 400 `validation_failed`, never a 500. */
export function parseJsonText(text: string): unknown {
  refuseNulInJson(text);
  try {
    return JSON.parse(text);
  } catch {
    throw new PlugboardError({
      code: "validation_failed",
      detail: "The request body is not valid JSON",
      errors: [{ path: "", message: "Malformed JSON" }],
    });
  }
}

/** `application/x-www-form-urlencoded` (Slack commands and interactions, SAML posts). */
export function parseFormText(text: string): URLSearchParams {
  const form = new URLSearchParams(text);
  refuseNul("request body", form.values());
  return form;
}

/**
 * Reads a JSON or a form body by its content type, within the size cap: the bytes (for
 * signatures, which are always checked over them, never over re-serialized data), the text, and
 * the parsed value.
 */
export async function readBody(request: Request, limit: number) {
  return parseBody(request, await readRawBody(request, limit));
}

/** The bytes already read (and their signature checked), parsed by the request's content type. */
export function parseBody(request: Request, raw: Uint8Array) {
  const text = decoder.decode(raw);
  const type = request.headers.get("content-type") ?? "";
  if (isJson(type)) return { raw, text, json: parseJsonText(text) };
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    return { raw, text, form: parseFormText(text) };
  }
  return { raw, text };
}

function isJson(type: string): boolean {
  return /^application\/([a-z.+-]+\+)?json\b/i.test(type);
}

/**
 * Reads and validates a JSON body. Every way it can be wrong is the client's mistake and ends in
 * a 4xx with a stable code, never a 500.
 */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  limit: number,
): Promise<z.infer<T>> {
  if (!isJson(request.headers.get("content-type") ?? "")) {
    throw new PlugboardError({
      code: "unsupported_media_type",
      detail: "Send the request body as application/json",
    });
  }
  const value = parseJsonText(decoder.decode(await readRawBody(request, limit)));
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new PlugboardError({
      code: "validation_failed",
      detail: "The request body has invalid fields",
      errors: toFieldErrors(parsed.error),
    });
  }
  return parsed.data;
}
