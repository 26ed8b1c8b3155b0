import type { WebhookEndpoint } from "@plugboard/core";
import { defaultWebhookSecretGraceSeconds } from "@plugboard/core/routes";
import { useEffect, useState } from "react";
import { ConfirmDialog } from "../parts/confirm-dialog";
import { RadioOptions } from "../parts/radio-options";
import { useNotify } from "../parts/toast";
import { useStrings } from "../provider/plugboard-provider";
import { useRotateWebhookSecret } from "./use-webhooks";

export interface RotateSecretDialogProps {
  endpoint: WebhookEndpoint | null;
  onOpenChange: (open: boolean) => void;
  /** The new secret, which the caller shows once. */
  onRotated: (secret: string) => void;
  onCloseAutoFocus?: (event: Event) => void;
  className?: string | undefined;
}

/** The same choices as an API key's rotation; `rotateWebhookSecretSchema` caps them at 7 days. */
const graceChoices = [0, 3600, defaultWebhookSecretGraceSeconds, 7 * 86_400];

/** Confirms a rotation, and how long the old secret keeps signing beside the new one. */
export function RotateSecretDialog({
  endpoint,
  onOpenChange,
  onRotated,
  onCloseAutoFocus,
  className,
}: RotateSecretDialogProps) {
  const strings = useStrings();
  const notify = useNotify();
  const rotate = useRotateWebhookSecret();
  const [grace, setGrace] = useState(defaultWebhookSecretGraceSeconds);
  useEffect(() => {
    if (endpoint) setGrace(defaultWebhookSecretGraceSeconds);
  }, [endpoint]);
  return (
    <ConfirmDialog
      open={endpoint !== null}
      onOpenChange={(open) => {
        if (!open) rotate.reset();
        onOpenChange(open);
      }}
      title={strings.webhookRotateTitle}
      description={strings.webhookRotateBody}
      confirmLabel={strings.webhookRotate}
      pendingLabel={strings.webhookSaving}
      pending={rotate.isPending}
      error={rotate.error?.message ?? null}
      className={className}
      onCloseAutoFocus={onCloseAutoFocus}
      onConfirm={() => {
        if (!endpoint) return;
        rotate.mutate(
          { id: endpoint.id, input: { gracePeriodSeconds: grace } },
          {
            onSuccess: (rotated) => {
              notify(strings.outcomes.webhookSecretRotated);
              rotate.reset();
              onOpenChange(false);
              onRotated(rotated.secret);
            },
          },
        );
      }}
    >
      <fieldset className="pb-webhook-choices" disabled={rotate.isPending}>
        <legend className="pb-field__label">{strings.webhookRotateGrace}</legend>
        <RadioOptions
          value={grace}
          options={graceChoices.map((seconds) => ({
            value: seconds,
            label: strings.webhookRotateGraceOptions[String(seconds)],
          }))}
          onChange={setGrace}
        />
      </fieldset>
    </ConfirmDialog>
  );
}
