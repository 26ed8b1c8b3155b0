import type { Installation, Integration } from "@plugboard/core";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { GuardedButton } from "../parts/guarded-button";
import { useNotify } from "../parts/toast";
import { useReturnFocus } from "../parts/use-return-focus";
import { usePlugboard, useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { webhookKeys } from "../webhooks/query-keys";
import { ConnectWebhookDialog, JiraImportDialog, UninstallDialog } from "./dialogs";
import { integrationKeys } from "./query-keys";
import { useIntegrationPopup } from "./use-integration-popup";

/** What the card shows, derived once from the integration and its installations. */
/** `unavailable`: the host did not set this integration up, so there is nothing to click. */
export type IntegrationCardState = "available" | "unavailable" | "installed" | "needs-reconnect";

export interface IntegrationActionsProps {
  integration: Integration;
  state: IntegrationCardState;
  /** The installation the provider no longer accepts (when `state` is `needs-reconnect`). */
  broken: Installation | undefined;
  className?: string | undefined;
  errorClassName?: string | undefined;
}

/**
 * Install or Reconnect (OAuth popup), Connect (a dialog asking for the incoming-webhook URL, for
 * webhook-based integrations) and Uninstall (with confirmation), with loading and inline errors.
 * Reconnect is the install flow again for the broken installation's place, which the server
 * answers by giving that installation new tokens.
 */
export function IntegrationActions({
  integration,
  state,
  broken,
  className,
  errorClassName,
}: IntegrationActionsProps) {
  const strings = useStrings();
  const notify = useNotify();
  const { client, queryClient } = usePlugboard();
  const [confirming, setConfirming] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const [importing, setImporting] = useState(false);
  const actionsRef = useRef<HTMLDivElement>(null);
  // Back to the button that opened a dialog; once it is gone (Uninstall after uninstalling,
  // Connect after connecting) to the card's action that took its place.
  const focus = useReturnFocus(() => actionsRef.current?.querySelector("button"));
  const popup = useIntegrationPopup(integration.id, {
    ...(broken ? { level: broken.level, projectId: broken.projectId } : {}),
    messages: {
      popupBlocked: strings.popupBlocked,
      popupClosed: strings.popupClosed(integration.name),
    },
  });
  const uninstall = useMutation(
    {
      mutationFn: async () => {
        for (const installation of integration.installations) {
          await client.integrations.uninstall(integration.id, installation.id);
        }
      },
      onSuccess: async () => {
        notify(strings.outcomes.integrationUninstalled(integration.name));
        setConfirming(false);
        popup.reset();
        // A webhook-based installation can come with a webhook endpoint, which goes with it.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: integrationKeys.all }),
          queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
        ]);
      },
    },
    queryClient,
  );

  const installing = popup.state.status === "pending";
  const error =
    popup.state.status === "error"
      ? popup.state.error.message
      : uninstall.isError && !confirming
        ? uninstall.error.message
        : null;

  /** The Install or Reconnect button: opens the popup, busy until it reports back. */
  const popupButton = (label: string, busyLabel: string, denied: string | null) => (
    <GuardedButton
      denied={denied}
      busy={installing}
      className="pb-button pb-button--primary"
      // Synchronously, inside the click: the popup must open before any await.
      onClick={() => void popup.start()}
    >
      {installing ? busyLabel : label}
    </GuardedButton>
  );

  // The server says who may install (and import); the button tells the others why not.
  const installDenied = integration.permissions.install
    ? null
    : strings.installNeedsAdmin(integration.name);

  /** Connect or Import: opens its dialog, and focus comes back here when it closes. */
  const dialogButton = (label: string, open: (open: boolean) => void) => (
    <GuardedButton
      denied={installDenied}
      className="pb-button pb-button--primary"
      aria-haspopup="dialog"
      onClick={() => {
        focus.remember();
        open(true);
      }}
    >
      {label}
    </GuardedButton>
  );

  let action = null;
  if (state === "installed" || state === "needs-reconnect") {
    const denied = integration.permissions.uninstall
      ? null
      : strings.uninstallNeedsAdmin(integration.name);
    // A user-level installation the caller sees is their own to reconnect; any other level needs
    // an admin, and for those `permissions.uninstall` is true exactly when the caller is one.
    const reconnectDenied =
      broken?.level === "user" || integration.permissions.uninstall
        ? null
        : strings.reconnectNeedsAdmin(integration.name);
    action = (
      <>
        {state === "needs-reconnect" &&
          integration.auth === "oauth" &&
          popupButton(strings.reconnect, strings.reconnecting, reconnectDenied)}
        <GuardedButton
          denied={denied}
          className="pb-button"
          onClick={() => {
            focus.remember();
            uninstall.reset();
            setConfirming(true);
          }}
        >
          {uninstall.isPending ? strings.uninstalling : strings.uninstall}
        </GuardedButton>
        <UninstallDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={strings.uninstallTitle(integration.name)}
          description={[
            strings.uninstallDescription(integration.name),
            strings.uninstallConsequences[integration.id],
          ]
            .filter(Boolean)
            .join(" ")}
          confirmLabel={strings.uninstall}
          pendingLabel={strings.uninstalling}
          pending={uninstall.isPending}
          error={uninstall.isError ? uninstall.error.message : null}
          tone="danger"
          onConfirm={() => uninstall.mutate()}
          onCloseAutoFocus={focus.onCloseAutoFocus}
        />
      </>
    );
  } else if (state === "unavailable") {
    action = null;
  } else if (integration.auth === "oauth") {
    action = popupButton(strings.install, strings.installing, installDenied);
  } else if (integration.auth === "webhook") {
    // Webhook-based integrations install at the organization or a project: admins only.
    action = dialogButton(strings.connect, setConnecting);
  } else if (integration.auth === "import") {
    // Importers (Jira) run in the server's jobs: admins only, like the routes they call.
    action = dialogButton(strings.startImport, setImporting);
  }

  if (!action && !error) return null;
  return (
    <div ref={actionsRef} className={cx("pb-integration-card__actions", className)}>
      {action}
      {integration.auth === "webhook" && (
        // Outside the state's branch: it stays open while the card turns installed under it.
        <ConnectWebhookDialog
          integration={integration}
          open={connecting}
          onOpenChange={setConnecting}
          onCloseAutoFocus={focus.onCloseAutoFocus}
        />
      )}
      {integration.auth === "import" && (
        <JiraImportDialog
          open={importing}
          onOpenChange={setImporting}
          onCloseAutoFocus={focus.onCloseAutoFocus}
        />
      )}
      {error && (
        <p role="alert" className={cx("pb-error", errorClassName)}>
          {error}
        </p>
      )}
    </div>
  );
}
