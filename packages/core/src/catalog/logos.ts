/**
 * Built-in logos: small monogram tiles in each product's brand colour, as SVG data URIs, so the
 * catalog renders offline, in Storybook and in tests without fetching anything. Hosts that want
 * the official marks pass their own catalog entries with other `logo` URLs.
 */
function monogram(letters: string, background: string, foreground = "#ffffff"): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">` +
    `<rect width="48" height="48" rx="10" fill="${background}"/>` +
    `<text x="24" y="31" font-family="system-ui,sans-serif" font-size="${letters.length > 1 ? 17 : 22}" ` +
    `font-weight="700" text-anchor="middle" fill="${foreground}">${letters}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export const logos = {
  github: monogram("GH", "#24292f"),
  slack: monogram("S", "#4a154b"),
  googleCalendar: monogram("31", "#1a73e8"),
  pumble: monogram("P", "#4d3ae8"),
  jira: monogram("J", "#0052cc"),
};
