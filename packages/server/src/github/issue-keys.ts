/** Distinct issue keys in the texts, in order of first mention, upper-cased. */
export function findIssueKeys(pattern: RegExp, ...texts: (string | null | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(pattern)) keys.add(match[0].toUpperCase());
  }
  return [...keys];
}
