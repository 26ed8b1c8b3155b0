/**
 * Column value conversions shared by the SQL tables. PostgreSQL returns a bigint as a string (it
 * may not fit a JavaScript number) where SQLite returns a number, so readers convert.
 */
export function numberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

/** Lists are stored as JSON text, a column type SQLite and PostgreSQL both have. */
export function toJsonList(values: readonly string[]): string {
  return JSON.stringify(values);
}

export function fromJsonList<T extends string = string>(text: string): T[] {
  return JSON.parse(text) as T[];
}
