import type { Integration } from "@plugboard/core";
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { usePlugboard, useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { PermissionTooltip } from "./permission-tooltip";
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
      <AlertDialog.Root
        open={confirming}
        onOpenChange={(open) => {
          if (!uninstall.isPending) setConfirming(open);
          if (open) uninstall.reset();
        }}
      >
        <PermissionTooltip content={denied}>
          <button
            type="button"
            className="pb-button"
            aria-disabled={denied ? true : undefined}
            onClick={(event) => {
              if (denied) return;
              event.preventDefault();
              setConfirming(true);
            }}
          >
            {uninstall.isPending ? strings.uninstalling : strings.uninstall}
          </button>
        </PermissionTooltip>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="pb-root pb-dialog__overlay" />
          <AlertDialog.Content className="pb-root pb-dialog">
            <AlertDialog.Title className="pb-dialog__title">
              {strings.uninstallTitle(integration.name)}
            </AlertDialog.Title>
            <AlertDialog.Description className="pb-dialog__description">
              {strings.uninstallDescription(integration.name)}
            </AlertDialog.Description>
            {uninstall.isError && (
              <p role="alert" className="pb-error">
                {uninstall.error.message}
              </p>
            )}
            <div className="pb-dialog__actions">
              <AlertDialog.Cancel className="pb-button" disabled={uninstall.isPending}>
                {strings.cancel}
              </AlertDialog.Cancel>
              <button
                type="button"
                className="pb-button pb-button--danger"
                disabled={uninstall.isPending}
                aria-busy={uninstall.isPending || undefined}
                onClick={() => uninstall.mutate()}
              >
                {uninstall.isPending ? strings.uninstalling : strings.uninstall}
              </button>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
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
