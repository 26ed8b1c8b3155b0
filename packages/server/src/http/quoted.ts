/**
 * A client's value as a problem's `detail` repeats it: quoted, control characters escaped, and
 * clipped, so a hostile 5,000-character id does not come back whole.
 */
export function quoted(value: string, max = 64): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
