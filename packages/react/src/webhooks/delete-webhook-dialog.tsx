import type { WebhookEndpoint } from "@plugboard/core";
import { ConfirmDialog } from "../parts/confirm-dialog";
import { useNotify } from "../parts/toast";
import { useStrings } from "../provider/plugboard-provider";
import { useDeleteWebhookEndpoint } from "./use-webhooks";

export interface DeleteWebhookDialogProps {
  endpoint: WebhookEndpoint | null;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

/** Confirms deleting an endpoint (and its delivery log). */
export function DeleteWebhookDialog({
  endpoint,
  onOpenChange,
  onCloseAutoFocus,
  className,
}: DeleteWebhookDialogProps) {
  const strings = useStrings();
  const notify = useNotify();
  const remove = useDeleteWebhookEndpoint();
  return (
    <ConfirmDialog
      open={endpoint !== null}
      onOpenChange={(open) => {
        if (!open) remove.reset();
        onOpenChange(open);
      }}
      title={strings.webhookDeleteTitle}
      description={endpoint ? strings.webhookDeleteBody(endpoint.url) : ""}
      confirmLabel={strings.webhookDeleteConfirm}
      pendingLabel={strings.webhookSaving}
      pending={remove.isPending}
      error={remove.error?.message ?? null}
      tone="danger"
      className={className}
      onCloseAutoFocus={onCloseAutoFocus}
      onConfirm={() => {
        if (!endpoint) return;
        remove.mutate(endpoint.id, {
          onSuccess: () => {
            notify(strings.outcomes.webhookDeleted);
            remove.reset();
            onOpenChange(false);
          },
        });
      }}
    />
  );
}
