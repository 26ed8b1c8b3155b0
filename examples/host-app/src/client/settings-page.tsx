import {
  AccountLinks,
  ApiKeysManager,
  GoogleCalendarSync,
  IntegrationGallery,
  LinkedRepositories,
  SlackChannelSettings,
  SsoSettings,
} from "@plugboard/react";
import { DemoPumbleNote } from "./demo-pumble-note";
import { WebhooksSection } from "./webhooks-section";

/** The host's settings page: Plugboard's components inside the host's own layout. */
export function SettingsPage() {
  return (
    <>
      <h1>Integrations</h1>
      <p className="host-lead">Connect the tools your team already uses.</p>
      <IntegrationGallery />
      <DemoPumbleNote />
      <h2>Project “Demo”</h2>
      <p className="host-lead">
        Link a repository: its pull requests and commits that mention a DEMO key show on that issue.
      </p>
      <div className="host-stack">
        <LinkedRepositories projectId="prj_demo" />
        <SlackChannelSettings projectId="prj_demo" />
        <p className="host-lead">
          Sync due dates with your Google Calendar: move an event there and the issue follows.
        </p>
        <GoogleCalendarSync projects={[{ id: "prj_demo", name: "Demo" }]} />
      </div>
      <h2>Your linked accounts</h2>
      <p className="host-lead">
        Slack and other tools act as you once you confirm the link they send you.
      </p>
      <AccountLinks />
      <h2>Developers</h2>
      <p className="host-lead">Signed webhooks and API keys, for your own scripts and services.</p>
      <div className="host-stack">
        <WebhooksSection />
        <ApiKeysManager projects={[{ id: "prj_demo", name: "Demo" }]} />
      </div>
      <h2>Organization</h2>
      <p className="host-lead">Sign in with your company's identity provider.</p>
      {/* Admins manage it; members see that it is admin-only (the server enforces it anyway). */}
      <SsoSettings />
    </>
  );
}
