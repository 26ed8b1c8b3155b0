import type { WebhookEndpoint } from "@plugboard/core";
import * as Dialog from "@radix-ui/react-dialog";
import { type FormEvent, useRef, useState } from "react";
import { DialogActions } from "../parts/dialog-actions";
import { DialogPanel } from "../parts/dialog-panel";
import { Field } from "../parts/field";
import { RadioOptions } from "../parts/radio-options";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { useRecoverWebhookMessages } from "./use-webhooks";

/** How far back the presets reach, in seconds; "custom" reads the date-time input instead. */
const presets = [3600, 86_400, 7 * 86_400] as const;
type Range = (typeof presets)[number] | "custom";
const defaultRange: Range = 86_400;

/** `datetime-local` speaks local time without an offset, to the minute. */
function toLocalInput(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The input's local time as an instant, or null when empty, unreadable or in the future. */
function fromLocalInput(value: string, now: number): string | null {
  // Without an offset, a date-time string is read as local time, as the input meant it.
  const ms = Date.parse(value);
  return Number.isNaN(ms) || ms > now ? null : new Date(ms).toISOString();
}

export interface RecoverMessagesDialogProps {
  endpoint: WebhookEndpoint;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes on close: the button that opened it. */
  onCloseAutoFocus: (event: Event) => void;
  className?: string | undefined;
}

/**
 * After a receiver's outage: queues again every failed message since a time picked from presets
 * or typed, and says how many went back in the queue. Only for callers who may manage webhooks.
 */
export function RecoverMessagesDialog({
  endpoint,
  open,
  onOpenChange: setOpen,
  onCloseAutoFocus,
  className,
}: RecoverMessagesDialogProps) {
  const strings = useStrings();
  const input = useRef<HTMLInputElement>(null);
  const recover = useRecoverWebhookMessages();
  const [range, setRange] = useState<Range>(defaultRange);
  const [dateTime, setDateTime] = useState("");
  const [invalid, setInvalid] = useState(false);
  const pending = recover.isPending;

  function onOpenChange(next: boolean) {
    if (pending) return;
    setOpen(next);
    if (next) return;
    recover.reset();
    setRange(defaultRange);
    setDateTime("");
    setInvalid(false);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const now = Date.now();
    const since =
      range === "custom"
        ? fromLocalInput(dateTime, now)
        : new Date(now - range * 1000).toISOString();
    if (since === null) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    recover.mutate({ endpointId: endpoint.id, input: { since } });
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <DialogPanel
        title={strings.webhookRecoverTitle}
        description={strings.webhookRecoverBody}
        className={cx("pb-recover-dialog", className)}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <form className="pb-form" noValidate onSubmit={submit}>
          <fieldset className="pb-webhook-choices" disabled={pending}>
            <legend className="pb-field__label">{strings.webhookRecoverSince}</legend>
            <RadioOptions
              value={range}
              options={[...presets, "custom" as const].map((choice) => ({
                value: choice,
                label: strings.webhookRecoverPresets[String(choice)],
              }))}
              onChange={(choice) => {
                setRange(choice);
                setInvalid(false);
              }}
            />
            {/* Only "A date and time" asks for one. */}
            {range === "custom" && (
              <Field
                label={strings.webhookRecoverDateTime}
                error={invalid ? strings.webhookRecoverDateTimeMissing : undefined}
              >
                {(props) => (
                  <input
                    {...props}
                    ref={input}
                    className="pb-input"
                    type="datetime-local"
                    max={toLocalInput(Date.now())}
                    value={dateTime}
                    onChange={(event) => {
                      setDateTime(event.target.value);
                      setInvalid(false);
                    }}
                  />
                )}
              </Field>
            )}
          </fieldset>
          <DialogActions
            error={recover.error?.message ?? null}
            pending={pending}
            submitLabel={strings.webhookRecoverConfirm}
            pendingLabel={strings.webhookRecovering}
            closeLabel={recover.isSuccess ? strings.done : undefined}
          >
            <p role="status" className="pb-hint">
              {recover.data ? strings.webhookRecovered(recover.data.recovered) : ""}
            </p>
          </DialogActions>
        </form>
      </DialogPanel>
    </Dialog.Root>
  );
}
