/** Google's JSON error envelope: `{ error: { code, message, errors: [{ domain, reason }] } }`. */
export function googleError(
  code: number,
  reason: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { error: { code, message, errors: [{ domain: "global", reason, message }] } },
    { status: code, headers },
  );
}
