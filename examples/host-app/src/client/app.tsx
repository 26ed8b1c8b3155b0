import { IssueDetailPage } from "./issues/issue-detail-page";
import { IssuesPage } from "./issues/issues-page";
import { NewIssuePage } from "./issues/new-issue-page";
import { useTrackerSession } from "./issues/use-tracker-session";
import { RoleSwitcher } from "./role-switcher";
import { Link, usePath } from "./router";
import { SettingsPage } from "./settings-page";

const sections = [
  { href: "/issues", label: "Issues" },
  { href: "/settings", label: "Settings" },
];

/**
 * The host app's chrome: its navigation and sign-in switcher, then the page for the path. The
 * page is keyed on the user, so a switch loads everything again as them.
 */
export function App({
  user,
  onUserChange,
}: {
  user: string;
  onUserChange: (user: string) => void;
}) {
  const path = usePath();
  const { session, error } = useTrackerSession(user);
  const onIssues = path.startsWith("/issues");
  const issueKey = /^\/issues\/([^/]+)$/.exec(path)?.[1];

  let page = <SettingsPage />;
  if (onIssues && !session) {
    page = error ? <p role="alert">{error}</p> : <p role="status">Loading…</p>;
  } else if (onIssues && session) {
    page =
      issueKey === "new" ? (
        <NewIssuePage session={session} />
      ) : issueKey ? (
        <IssueDetailPage key={issueKey} session={session} issueKey={decodeURIComponent(issueKey)} />
      ) : (
        <IssuesPage session={session} />
      );
  }

  return (
    <div className="host-layout">
      <header className="host-header">
        <strong>Acme</strong>
        <nav aria-label="Main" className="host-nav">
          {sections.map((section) => {
            const current = section.href === "/issues" ? onIssues : !onIssues;
            return (
              <Link
                key={section.href}
                href={section.href}
                aria-current={current ? "page" : undefined}
              >
                {section.label}
              </Link>
            );
          })}
        </nav>
        <RoleSwitcher user={user} onChange={onUserChange} />
      </header>
      <main className="host-main" key={user}>
        {page}
      </main>
    </div>
  );
}
