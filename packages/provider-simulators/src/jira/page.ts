import { escapeHtml, htmlPage } from "../html";
import type { issueOf, JiraSeed } from "./seed";

/** Rows shown on the project page; the API serves every issue. */
const pageRows = 200;

/**
 * The project as a person sees it in Jira: its issues with status and assignee (the first 200),
 * or one issue (`/browse/ORB-12`), where the importer's "link back to Jira" lands.
 */
export function projectPage(
  base: string,
  seed: JiraSeed,
  issue: (n: number) => ReturnType<typeof issueOf>,
  only?: number,
): Response {
  const numbers =
    only !== undefined
      ? [only].filter((n) => n >= 1 && n <= seed.issueCount)
      : Array.from({ length: Math.min(seed.issueCount, pageRows) }, (_, i) => i + 1);
  const rows = numbers
    .map((n) => {
      const { key, fields } = issue(n);
      const status = (fields.status as { name: string }).name;
      const assignee = (fields.assignee as { displayName: string } | null)?.displayName;
      return `<li id="${escapeHtml(key)}"><div class="row"><a href="${escapeHtml(`${base}/browse/${key}`)}"><strong>${escapeHtml(key)}</strong></a>
<span>${escapeHtml(String(fields.summary))}</span><span class="muted">${escapeHtml(status)} · ${escapeHtml(assignee ?? "Unassigned")}</span></div></li>`;
    })
    .join("");
  const title = `${seed.project.name} (${seed.project.key}) · Jira (simulated)`;
  return htmlPage(
    title,
    `<h1>${escapeHtml(seed.project.name)} <span class="muted">${escapeHtml(seed.project.key)}</span></h1>
<p class="muted">${seed.issueCount} issues${seed.issueCount > pageRows && only === undefined ? `, the first ${pageRows} shown` : ""}.</p>
<ul aria-label="Issues">${rows}</ul>`,
    numbers.length === 0 ? 404 : 200,
  );
}
