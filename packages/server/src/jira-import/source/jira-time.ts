/** Jira writes offsets as `+0100`; ISO 8601 (and `Date.parse` everywhere) wants `+01:00`. */
export function jiraInstant(value: unknown): string | null {
  if (typeof value !== "string" || value === "") return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
