import type { WebhookEndpoint } from "@plugboard/core";
import { DeleteDialog } from "../parts/delete-dialog";
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
export function DeleteWebhookDialog({ endpoint, ...props }: DeleteWebhookDialogProps) {
  const strings = useStrings();
  const notify = useNotify();
  return (
    <DeleteDialog
      {...props}
      item={endpoint}
      remove={useDeleteWebhookEndpoint()}
      title={strings.webhookDeleteTitle}
      description={endpoint ? strings.webhookDeleteBody(endpoint.url) : ""}
      confirmLabel={strings.webhookDeleteConfirm}
      pendingLabel={strings.webhookSaving}
      onDeleted={() => notify(strings.outcomes.webhookDeleted)}
    />
  );
}
