import { PlugboardError, toFieldErrors } from "@plugboard/core";
import type { z } from "zod";

/** Validates the query string like `readJsonBody` validates bodies: a bad one is a 400. */
export function readQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    throw new PlugboardError({
      code: "validation_failed",
      detail: "The query string has invalid parameters",
      errors: toFieldErrors(parsed.error),
    });
  }
  return parsed.data;
}
