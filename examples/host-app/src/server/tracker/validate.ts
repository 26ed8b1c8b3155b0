import { PlugboardError, toFieldErrors } from "@plugboard/core";
import type { z } from "zod";

/** Parses a change to the tracker; a mistake is a 400 naming the field, never a 500. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new PlugboardError({
      code: "validation_failed",
      detail: "The issue is invalid",
      errors: toFieldErrors(parsed.error),
    });
  }
  return parsed.data;
}

export function invalidField(path: string, message: string): PlugboardError {
  return new PlugboardError({
    code: "validation_failed",
    detail: message,
    errors: [{ path, message }],
  });
}
