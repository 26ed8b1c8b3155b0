import { escapeHtml, htmlPage } from "../html";
import type { SimulatedPullRequest } from "./pull-requests";
import type { SimulatedRepository } from "./repositories";
import type { SimulatedDelivery } from "./webhooks";

/** The simulator's home: every repository, each linking to its pull requests. */
export function repositoriesPage(web: string, repositories: SimulatedRepository[]): Response {
  const items = repositories
    .map(
      (repository) =>
        `<li><a href="${escapeHtml(`${web}/${repository.full_name}/pulls`)}">${escapeHtml(repository.full_name)}</a>${repository.private ? ' <span class="muted">private</span>' : ""}</li>`,
    )
    .join("");
  return htmlPage(
    "Repositories · GitHub (simulated)",
    `<h1>GitHub (simulated)</h1><h2>Repositories</h2><ul>${items}</ul>`,
  );
}

/**
 * A repository's pull requests: a form to open one, and Merge / Close on each open one. Every
 * change sends the `pull_request` webhook; the last deliveries show what the receiver answered.
 */
export function pullRequestsPage(
  web: string,
  repository: SimulatedRepository,
  pulls: SimulatedPullRequest[],
  deliveries: SimulatedDelivery[],
): Response {
  const base = `${web}/${repository.full_name}`;
  const items = pulls
    .map((pull) => {
      const status = pull.merged ? "Merged" : pull.state === "open" ? "Open" : "Closed";
      const actions =
        pull.state === "open"
          ? `<form method="post" action="${escapeHtml(`${base}/pull/${pull.number}/merge`)}"><button>Merge</button></form>
<form method="post" action="${escapeHtml(`${base}/pull/${pull.number}/close`)}"><button>Close</button></form>`
          : "";
      return `<li id="pr-${pull.number}" aria-labelledby="pr-${pull.number}-title">
<div class="row"><strong id="pr-${pull.number}-title">#${pull.number} ${escapeHtml(pull.title)}</strong>
<span class="muted">${escapeHtml(pull.head)} · ${escapeHtml(pull.author)}</span>
<span data-testid="state">${status}</span></div>
${pull.body ? `<p>${escapeHtml(pull.body)}</p>` : ""}<div class="row">${actions}</div></li>`;
    })
    .join("");
  const log = deliveries
    .slice(-5)
    .reverse()
    .map(
      (delivery) =>
        `<li><code>${escapeHtml(delivery.event)}${delivery.action ? `.${escapeHtml(delivery.action)}` : ""}</code> → ${escapeHtml(delivery.url)}: ${delivery.status ?? escapeHtml(delivery.error ?? "")}</li>`,
    )
    .join("");
  return htmlPage(
    `Pull requests · ${repository.full_name} · GitHub (simulated)`,
    `<p><a href="${escapeHtml(`${web}/`)}">Repositories</a></p>
<h1>${escapeHtml(repository.full_name)}</h1>
<section aria-labelledby="new-pull"><h2 id="new-pull">Open a pull request</h2>
<form method="post" action="${escapeHtml(`${base}/pulls`)}">
<label>Title <input name="title" required maxlength="256"></label>
<label>Description <textarea name="body" rows="3"></textarea></label>
<label>Branch <input name="head" value="feature" required maxlength="100"></label>
<button>Open pull request</button></form></section>
<section aria-labelledby="pulls"><h2 id="pulls">Pull requests</h2>
${items ? `<ul aria-labelledby="pulls">${items}</ul>` : "<p>No pull requests yet.</p>"}</section>
<section aria-labelledby="deliveries"><h2 id="deliveries">Recent webhook deliveries</h2>
${log ? `<ul aria-labelledby="deliveries">${log}</ul>` : "<p>None yet. Webhooks go to the URLs the simulator was given.</p>"}</section>`,
  );
}
