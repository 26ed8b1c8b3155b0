import { ApiKeysManager, IntegrationGallery, LinkedRepositories } from "@plugboard/react";
import { RoleSwitcher } from "./role-switcher";
import { WebhooksSection } from "./webhooks-section";

/** The host's settings page: its own chrome, Plugboard's components inside. */
export function SettingsPage({
  user,
  onUserChange,
}: {
  user: string;
  onUserChange: (user: string) => void;
}) {
  return (
    <div className="host-layout">
      <header className="host-header">
        <strong>Acme</strong>
        <span className="host-breadcrumb">Settings / Integrations</span>
        <RoleSwitcher user={user} onChange={onUserChange} />
      </header>
      <main className="host-main">
        <h1>Integrations</h1>
        <p className="host-lead">Connect the tools your team already uses.</p>
        <IntegrationGallery />
        <h2>Project “Web”</h2>
        <LinkedRepositories projectId="prj_web" />
        <WebhooksSection />
        <ApiKeysManager projects={[{ id: "prj_web", name: "Web" }]} />
      </main>
    </div>
  );
}
