import { WebhookManager } from "@plugboard/react";
import { DemoReceiverPanel } from "./demo-receiver-panel";

/**
 * Outgoing webhooks. The endpoint list tells the manager whether the caller may change them, so
 * members (Grace) see it read-only without the host passing a role; the server enforces it anyway.
 */
export function WebhooksSection() {
  return (
    <div className="host-section">
      <WebhookManager />
      <DemoReceiverPanel />
    </div>
  );
}
