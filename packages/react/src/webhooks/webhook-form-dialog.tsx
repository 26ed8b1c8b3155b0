import type {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDestination,
  WebhookEndpoint,
} from "@plugboard/core";
import { webhookDestinations } from "@plugboard/core/routes";
import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { DialogActions } from "../parts/dialog-actions";
import { DialogPanel } from "../parts/dialog-panel";
import { Field, TextField } from "../parts/field";
import { Select } from "../parts/select";
import { useNotify } from "../parts/toast";
import { useServerForm } from "../parts/use-server-form";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { EventPicker, type EventSelection } from "./event-picker";
import { useCreateWebhookEndpoint, useUpdateWebhookEndpoint } from "./use-webhooks";

export interface WebhookFormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The endpoint to edit; omitted to create one. */
  endpoint?: WebhookEndpoint | undefined;
  /** After a create: the signing secret, which the caller shows once. */
  onCreated: (secret: string) => void;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

const fieldPaths = ["url", "description", "destination", "projectId", "events"];

interface FormValues extends EventSelection {
  url: string;
  description: string;
  destination: WebhookDestination;
  projectId: string;
}

function initialValues(endpoint: WebhookEndpoint | undefined): FormValues {
  return {
    url: endpoint?.url ?? "",
    description: endpoint?.description ?? "",
    destination: endpoint?.destination ?? "standard",
    projectId: endpoint?.projectId ?? "",
    eventMode: endpoint?.eventMode ?? "all",
    events: endpoint?.events ?? [],
  };
}

/** Create or edit an endpoint. Field errors, the form's own or the server's, show inline. */
export function WebhookFormDialog({
  open,
  onOpenChange,
  endpoint,
  onCreated,
  onCloseAutoFocus,
  className,
}: WebhookFormDialogProps) {
  const strings = useStrings();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <DialogPanel
        title={endpoint ? strings.webhookEditTitle : strings.webhookCreateTitle}
        className={cx("pb-webhook-form", className)}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {/* Mounted per opening, so every opening starts from the endpoint's current values. */}
        {open && (
          <WebhookForm
            endpoint={endpoint}
            onDone={(secret) => {
              onOpenChange(false);
              if (secret) onCreated(secret);
            }}
          />
        )}
      </DialogPanel>
    </Dialog.Root>
  );
}

function WebhookForm({
  endpoint,
  onDone,
}: {
  endpoint: WebhookEndpoint | undefined;
  onDone: (secret: string | null) => void;
}) {
  const strings = useStrings();
  const notify = useNotify();
  const [values, setValues] = useState(() => initialValues(endpoint));
  const create = useCreateWebhookEndpoint();
  const update = useUpdateWebhookEndpoint();
  const form = useServerForm(fieldPaths, [create, update]);
  const { fieldError } = form;

  function send() {
    const input = {
      url: values.url.trim(),
      description: values.description,
      destination: values.destination,
      projectId: values.projectId.trim() || null,
      eventMode: values.eventMode,
      events: values.eventMode === "all" ? [] : values.events,
    } satisfies CreateWebhookEndpointInput;
    // The server checks the whole endpoint, as created or as it would be after the edit.
    if (!endpoint) {
      create.mutate(input, {
        onSuccess: (created) => {
          notify(strings.outcomes.webhookCreated);
          onDone(created.secret);
        },
        onError: form.onError,
      });
      return;
    }
    // A PATCH of what changed only: an untouched URL is not put through the SSRF check again.
    const changes = Object.fromEntries(
      Object.entries(input).filter(
        ([key, value]) =>
          JSON.stringify(value) !== JSON.stringify(endpoint[key as keyof typeof input]),
      ),
    ) as UpdateWebhookEndpointInput;
    if (Object.keys(changes).length === 0) onDone(null);
    else
      update.mutate(
        { id: endpoint.id, input: changes },
        {
          onSuccess: () => {
            notify(strings.outcomes.webhookSaved);
            onDone(null);
          },
          onError: form.onError,
        },
      );
  }

  // Editing a field clears its error; the others stay until the next submit.
  const change = (fields: Partial<FormValues>) => {
    setValues((current) => ({ ...current, ...fields }));
    form.clearErrors(Object.keys(fields));
  };

  // The server answers a chat destination's URL masked (it is the channel's credential); sent
  // back unchanged it keeps the stored one.
  const maskedUrl = endpoint && endpoint.destination !== "standard" && values.url === endpoint.url;

  return (
    <form ref={form.ref} className="pb-form" noValidate onSubmit={form.onSubmit(send)}>
      <TextField
        label={strings.webhookUrl}
        hint={maskedUrl ? strings.webhookUrlMaskedHint : strings.webhookUrlHint}
        error={fieldError("url")}
        type="url"
        value={values.url}
        onValueChange={(url) => change({ url })}
      />
      <TextField
        label={strings.webhookDescription}
        error={fieldError("description")}
        value={values.description}
        onValueChange={(description) => change({ description })}
      />
      <Field label={strings.webhookDestination} error={fieldError("destination")}>
        {(props) => (
          <Select
            {...props}
            value={values.destination}
            onValueChange={(destination) => change({ destination })}
            options={webhookDestinations.map((destination) => ({
              value: destination,
              label: strings.webhookDestinations[destination] ?? destination,
            }))}
          />
        )}
      </Field>
      <TextField
        label={strings.webhookProject}
        hint={strings.webhookProjectHint}
        error={fieldError("projectId")}
        value={values.projectId}
        onValueChange={(projectId) => change({ projectId })}
      />
      <EventPicker value={values} onChange={change} error={fieldError("events")} />
      <DialogActions
        error={form.formError}
        pending={form.pending}
        submitLabel={endpoint ? strings.webhookSave : strings.webhookCreate}
        pendingLabel={strings.webhookSaving}
      />
    </form>
  );
}
