import type { WebhookEventMode, WebhookEventType } from "@plugboard/core";
import { webhookEventsByResource } from "@plugboard/core/routes";
import { useId, useState } from "react";
import { Checkbox } from "../parts/checkbox";
import { RadioOptions } from "../parts/radio-options";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";

export interface EventSelection {
  eventMode: WebhookEventMode;
  events: WebhookEventType[];
}

export interface EventPickerProps {
  value: EventSelection;
  onChange: (value: EventSelection) => void;
  error?: string | undefined;
  className?: string;
}

const groups = webhookEventsByResource();

/** "All events", or individual events as checkboxes grouped by resource, with a search. */
export function EventPicker({ value, onChange, error, className }: EventPickerProps) {
  const strings = useStrings();
  const errorId = useId();
  const selected = new Set(value.events);
  const [query, setQuery] = useState("");
  const needle = query.trim().toLowerCase();
  // A group shows when its name matches (all of its events) or any event's type or description.
  const shown = groups
    .map((group) => {
      const label = strings.webhookEventGroups[group.resource] ?? group.resource;
      const events =
        needle === "" || label.toLowerCase().includes(needle)
          ? group.events
          : group.events.filter((event) =>
              `${event.type} ${event.description}`.toLowerCase().includes(needle),
            );
      return { ...group, label, events };
    })
    .filter((group) => group.events.length > 0);

  function setEvents(events: Set<WebhookEventType>) {
    // Keep the catalog's order, so the request (and the list) read the same as the picker.
    const ordered = groups.flatMap((group) => group.events.map((event) => event.type));
    onChange({ ...value, events: ordered.filter((type) => events.has(type)) });
  }

  return (
    <fieldset
      className={cx("pb-event-picker", className)}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
      data-state={value.eventMode}
    >
      <legend className="pb-field__label">{strings.webhookEvents}</legend>
      <div className="pb-event-picker__modes">
        <RadioOptions
          value={value.eventMode}
          options={[
            { value: "all", label: strings.webhookEventsAll },
            { value: "individual", label: strings.webhookEventsSome },
          ]}
          onChange={(eventMode) => onChange({ ...value, eventMode })}
        />
      </div>
      {value.eventMode === "individual" && (
        <div className="pb-event-picker__groups">
          <input
            type="search"
            className="pb-input pb-event-picker__search"
            aria-label={strings.webhookSearchEvents}
            placeholder={strings.webhookSearchEvents}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            // Enter filters, it does not submit the endpoint form around the picker.
            onKeyDown={(event) => {
              if (event.key === "Enter") event.preventDefault();
            }}
          />
          {shown.length === 0 && (
            <p role="status" className="pb-hint">
              {strings.webhookNoMatchingEvents}
            </p>
          )}
          {shown.map((group) => {
            const { label } = group;
            const chosen = group.events.filter((event) => selected.has(event.type)).length;
            const all = chosen === group.events.length;
            return (
              <fieldset key={group.resource} className="pb-event-picker__group">
                <legend className="pb-event-picker__group-title">
                  <label className="pb-choice">
                    <Checkbox
                      checked={chosen > 0 && !all ? "indeterminate" : all}
                      onCheckedChange={() => {
                        const next = new Set(selected);
                        for (const event of group.events) {
                          if (all) next.delete(event.type);
                          else next.add(event.type);
                        }
                        setEvents(next);
                      }}
                    />
                    {label}
                  </label>
                </legend>
                {group.events.map((event) => (
                  <label key={event.type} className="pb-choice pb-event-picker__event">
                    <Checkbox
                      checked={selected.has(event.type)}
                      onCheckedChange={(on) => {
                        const next = new Set(selected);
                        if (on) next.add(event.type);
                        else next.delete(event.type);
                        setEvents(next);
                      }}
                    />
                    <span>
                      <code className="pb-event-picker__type">{event.type}</code>
                      <span className="pb-hint">{event.description}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
            );
          })}
        </div>
      )}
      {error && (
        <p id={errorId} className="pb-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
