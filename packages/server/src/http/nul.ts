import { PlugboardError } from "@plugboard/core";

/*
 * U+0000 has no use in any id, query value or field here, and PostgreSQL's text type cannot
 * hold it (it fails the whole statement). Refused at the edge, as the client's mistake.
 */

function nulError(where: string): PlugboardError {
  return new PlugboardError({
    code: "validation_failed",
    detail: `The ${where} contains a NUL character`,
    errors: [{ path: "", message: "NUL characters are not allowed" }],
  });
}

export function refuseNul(where: string, values: Iterable<string>): void {
  for (const value of values) if (value.includes("\0")) throw nulError(where);
}

/** JSON spells a NUL as `\u0000` after an even run of backslashes (so the `\` is unescaped). */
export function refuseNulInJson(text: string): void {
  if (/(?<!\\)(?:\\\\)*\\u0000/i.test(text)) throw nulError("request body");
}
