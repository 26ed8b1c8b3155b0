import { PlugboardError, toFieldErrors } from "@plugboard/core";
import type { z } from "zod";
import { refuseNulInJson } from "./nul";

/**
 * Reads and validates a JSON body. Every way it can be wrong is the client's mistake and ends in
 * a 4xx with a stable code, never a 500.
 */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]+\+)?json\b/i.test(type)) {
    throw new PlugboardError({
      code: "unsupported_media_type",
      detail: "Send the request body as application/json",
    });
  }
  const text = await request.text();
  refuseNulInJson(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PlugboardError({
      code: "validation_failed",
      detail: "The request body is not valid JSON",
      errors: [{ path: "", message: "Malformed JSON" }],
    });
  }
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
