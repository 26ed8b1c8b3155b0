import type { Integration } from "@plugboard/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "../parts/confirm-dialog";
import { PermissionTooltip } from "../parts/permission-tooltip";
import { usePlugboard, useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { integrationKeys } from "./query-keys";
import { useIntegrationPopup } from "./use-integration-popup";

export interface IntegrationActionsProps {
  integration: Integration;
  className?: string;
  errorClassName?: string;
}

/** Install (OAuth popup) or Uninstall (with confirmation), with loading and inline errors. */
export function IntegrationActions({
  integration,
  className,
  errorClassName,
}: IntegrationActionsProps) {
  const strings = useStrings();
  const { client, queryClient } = usePlugboard();
  const [confirming, setConfirming] = useState(false);
  const popup = useIntegrationPopup(integration.id, {
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
        setConfirming(false);
        popup.reset();
        await queryClient.invalidateQueries({ queryKey: integrationKeys.all });
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

  let action = null;
  if (integration.installed) {
    const denied = integration.permissions.uninstall
      ? null
      : strings.uninstallNeedsAdmin(integration.name);
    action = (
      <>
        <PermissionTooltip content={denied}>
          <button
            type="button"
            className="pb-button"
            aria-disabled={denied ? true : undefined}
            onClick={() => {
              if (denied) return;
              uninstall.reset();
              setConfirming(true);
            }}
          >
            {uninstall.isPending ? strings.uninstalling : strings.uninstall}
          </button>
        </PermissionTooltip>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={strings.uninstallTitle(integration.name)}
          description={strings.uninstallDescription(integration.name)}
          confirmLabel={strings.uninstall}
          pendingLabel={strings.uninstalling}
          pending={uninstall.isPending}
          error={uninstall.isError ? uninstall.error.message : null}
          tone="danger"
          onConfirm={() => uninstall.mutate()}
        />
      </>
    );
  } else if (integration.auth === "oauth") {
    const denied = integration.permissions.install
      ? null
      : strings.installNeedsAdmin(integration.name);
    action = (
      <PermissionTooltip content={denied}>
        <button
          type="button"
          className="pb-button pb-button--primary"
          aria-disabled={denied || installing ? true : undefined}
          aria-busy={installing || undefined}
          onClick={() => {
            if (denied || installing) return;
            // Synchronously, inside the click: the popup must open before any await.
            void popup.start();
          }}
        >
          {installing ? strings.installing : strings.install}
        </button>
      </PermissionTooltip>
    );
  }

  if (!action && !error) return null;
  return (
    <div className={cx("pb-integration-card__actions", className)}>
      {action}
      {error && (
        <p role="alert" className={cx("pb-error", errorClassName)}>
          {error}
        </p>
      )}
    </div>
  );
}
