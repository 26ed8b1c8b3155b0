import type { Integration } from "@plugboard/core";
import { isPlugboardError } from "@plugboard/core/routes";
import * as Dialog from "@radix-ui/react-dialog";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import { DialogActions } from "../parts/dialog-actions";
import { Field } from "../parts/field";
import { useNotify } from "../parts/toast";
import { usePlugboard, useStrings } from "../provider/plugboard-provider";
import { cx, useRootProps } from "../provider/root-props";
import { webhookKeys } from "../webhooks/query-keys";
import { integrationKeys } from "./query-keys";

export interface ConnectWebhookDialogProps {
  /** A webhook-based integration (`auth: "webhook"`, such as Pumble). */
  integration: Integration;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

/**
 * Connects a webhook-based integration from the incoming-webhook URL the user copies out of the
 * provider. Closes once the installation exists and the card knows it.
 */
export function ConnectWebhookDialog({
  integration,
  open,
  onOpenChange,
  onCloseAutoFocus,
  className,
}: ConnectWebhookDialogProps) {
  const strings = useStrings();
  const notify = useNotify();
  const { client, queryClient } = usePlugboard();
  const rootProps = useRootProps("pb-dialog", cx("pb-connect-dialog", className));
  const inputRef = useRef<HTMLInputElement>(null);
  const connect = useMutation(
    {
      mutationFn: (webhookUrl: string) =>
        client.integrations.installWebhook(integration.id, { webhookUrl }),
      // Still pending until the card and any webhook list (the server may add an endpoint for
      // the integration) have the new state, so the dialog closes onto an installed card.
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: integrationKeys.all }),
          queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
        ]);
        notify(strings.outcomes.integrationConnected(integration.name));
      },
    },
    queryClient,
  );
  const pending = connect.isPending;
  const change = (next: boolean) => {
    if (pending) return;
    connect.reset();
    onOpenChange(next);
  };

  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Portal>
        <Dialog.Overlay className="pb-root pb-dialog__overlay" />
        <Dialog.Content
          {...rootProps}
          aria-describedby={undefined}
          data-state={pending ? "pending" : "open"}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            inputRef.current?.focus();
          }}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          <Dialog.Title className="pb-dialog__title">
            {strings.connectTitle(integration.name)}
          </Dialog.Title>
          {/* Mounted per opening, so every opening starts empty. */}
          {open && (
            <ConnectForm
              name={integration.name}
              inputRef={inputRef}
              pending={pending}
              error={connect.error}
              // Correcting the URL clears the refusal; the next submit asks the server again.
              onEdit={() => connect.isError && connect.reset()}
              onSubmit={(webhookUrl) =>
                connect.mutate(webhookUrl, { onSuccess: () => onOpenChange(false) })
              }
            />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ConnectForm({
  name,
  inputRef,
  pending,
  error,
  onEdit,
  onSubmit,
}: {
  name: string;
  inputRef: RefObject<HTMLInputElement | null>;
  pending: boolean;
  error: Error | null;
  onEdit: () => void;
  onSubmit: (webhookUrl: string) => void;
}) {
  const strings = useStrings();
  const [url, setUrl] = useState("");
  // The form's own check of the server's first rule (https), so an obvious slip needs no request;
  // the rest (the provider's host) comes back as the field's error.
  const [invalid, setInvalid] = useState<string | null>(null);
  const serverFieldError = isPlugboardError(error) ? error.fieldError("webhookUrl") : undefined;
  const formError = error && !serverFieldError ? error.message : null;

  // Back on the field once a refusal is explained (the disabled submit button lost the focus).
  useEffect(() => {
    if (error) inputRef.current?.focus();
  }, [error, inputRef]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const webhookUrl = url.trim();
    if (!isHttpsUrl(webhookUrl)) {
      setInvalid(strings.connectWebhookUrlHttps);
      inputRef.current?.focus();
      return;
    }
    setInvalid(null);
    onSubmit(webhookUrl);
  }

  return (
    <form className="pb-form" noValidate onSubmit={submit}>
      <Field
        label={strings.connectWebhookUrl}
        hint={strings.connectWebhookUrlHint(name)}
        error={invalid ?? serverFieldError}
      >
        {(props) => (
          <input
            {...props}
            ref={inputRef}
            className="pb-input"
            type="url"
            inputMode="url"
            required
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            readOnly={pending}
            value={url}
            onChange={(event) => {
              setUrl(event.target.value);
              setInvalid(null);
              onEdit();
            }}
          />
        )}
      </Field>
      <DialogActions
        error={formError}
        pending={pending}
        submitLabel={strings.connect}
        pendingLabel={strings.connecting}
      />
    </form>
  );
}

function isHttpsUrl(text: string): boolean {
  return URL.canParse(text) && new URL(text).protocol === "https:";
}
