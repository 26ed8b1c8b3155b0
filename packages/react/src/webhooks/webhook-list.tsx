import type { WebhookEndpoint } from "@plugboard/core";
import { webhookEventsByResource } from "@plugboard/core/routes";
import { useId, useState } from "react";
import { StatusIcon } from "../icons/icons";
import { ActionsMenu } from "../parts/actions-menu";
import { GuardedButton } from "../parts/guarded-button";
import { useNotify } from "../parts/toast";
import { useWriteDenied, WriteButton } from "../parts/write-access";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { DeliveryLog } from "./delivery-log";
import { formatTime } from "./format";
import { useSendWebhookTest, useUpdateWebhookEndpoint } from "./use-webhooks";

export type WebhookListPart =
  | "list"
  | "item"
  | "url"
  | "toggle"
  | "health"
  | "actions"
  | "deliveryLog"
  | "recoverDialog";

export interface WebhookListProps {
  endpoints: WebhookEndpoint[];
  onEdit: (endpoint: WebhookEndpoint) => void;
  onRotate: (endpoint: WebhookEndpoint) => void;
  onDelete: (endpoint: WebhookEndpoint) => void;
  classNames?: Partial<Record<WebhookListPart, string>>;
}

/** The endpoints, one row each: URL, events, active switch, health, actions, delivery log. */
export function WebhookList({
  endpoints,
  onEdit,
  onRotate,
  onDelete,
  classNames = {},
}: WebhookListProps) {
  const strings = useStrings();
  return (
    <ul className={cx("pb-webhooks__list", classNames.list)} aria-label={strings.webhooksList}>
      {endpoints.map((endpoint) => (
        <WebhookItem
          key={endpoint.id}
          endpoint={endpoint}
          onEdit={onEdit}
          onRotate={onRotate}
          onDelete={onDelete}
          classNames={classNames}
        />
      ))}
    </ul>
  );
}

function WebhookItem({
  endpoint,
  onEdit,
  onRotate,
  onDelete,
  classNames,
}: Omit<WebhookListProps, "endpoints"> & {
  endpoint: WebhookEndpoint;
  classNames: Partial<Record<WebhookListPart, string>>;
}) {
  const strings = useStrings();
  const titleId = useId();
  const logId = useId();
  const [logOpen, setLogOpen] = useState(false);
  const denied = useWriteDenied();
  const toggle = useUpdateWebhookEndpoint();
  const test = useSendWebhookTest();
  const notify = useNotify();
  const failing = endpoint.health.lastDeliveryStatus === "failed";
  const state = !endpoint.enabled ? "disabled" : failing ? "failing" : "active";
  // Show where the switch is going while the request runs, so it reacts at once.
  const enabled = toggle.isPending
    ? (toggle.variables.input.enabled ?? endpoint.enabled)
    : endpoint.enabled;
  const error = toggle.error ?? test.error;

  return (
    <li
      className={cx("pb-webhooks__item", classNames.item)}
      aria-labelledby={titleId}
      data-state={state}
    >
      <div className="pb-webhooks__item-main">
        <h3 id={titleId} className={cx("pb-webhooks__url", classNames.url)}>
          {endpoint.url}
        </h3>
        {endpoint.description && <p className="pb-webhooks__description">{endpoint.description}</p>}
        <p className="pb-hint pb-webhooks__meta">
          <span>
            {endpoint.eventMode === "all"
              ? strings.webhookEventsAll
              : strings.webhookEventsCount(endpoint.events.length)}
          </span>
          <span>{strings.webhookDestinations[endpoint.destination] ?? endpoint.destination}</span>
          {endpoint.projectId && <span>{endpoint.projectId}</span>}
          <code>{endpoint.secretHint}</code>
        </p>
        {endpoint.eventMode === "individual" && (
          <ul className="pb-webhooks__events" aria-label={strings.webhookEvents}>
            {groupEvents(endpoint.events).map((group) => {
              const label = strings.webhookEventGroups[group.resource] ?? group.resource;
              return (
                <li key={group.resource} className="pb-webhooks__event-group">
                  <span className="pb-hint">{label}</span>
                  <ul className="pb-webhooks__events" aria-label={label}>
                    {group.events.map((type) => (
                      <li key={type} className="pb-tag">
                        {type}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
        <Health endpoint={endpoint} className={classNames.health} />
      </div>
      <div className="pb-webhooks__switch">
        <WriteButton
          role="switch"
          aria-checked={enabled}
          aria-label={strings.webhookToggle(endpoint.url)}
          className={cx("pb-switch", classNames.toggle)}
          data-state={enabled ? "checked" : "unchecked"}
          disabled={toggle.isPending}
          onClick={() => toggle.mutate({ id: endpoint.id, input: { enabled: !endpoint.enabled } })}
        >
          <span className="pb-switch__thumb" />
        </WriteButton>
        <span className="pb-hint" aria-hidden="true">
          {enabled ? strings.webhookEnabled : strings.webhookDisabled}
        </span>
      </div>
      <div className={cx("pb-webhooks__actions", classNames.actions)}>
        <GuardedButton
          // A disabled endpoint receives nothing, a test included.
          denied={denied ?? (endpoint.enabled ? null : strings.webhookSendTestNeedsActive)}
          className="pb-button"
          aria-describedby={titleId}
          disabled={test.isPending}
          aria-busy={test.isPending || undefined}
          onClick={() =>
            test.mutate(endpoint.id, {
              onSuccess: (attempt) =>
                notify(
                  strings.webhookTestSent(
                    strings.webhookDeliveryStatus[attempt.status] ?? attempt.status,
                    attempt.responseStatus,
                  ),
                  attempt.status === "failed" ? "error" : "success",
                ),
            })
          }
        >
          {strings.webhookSendTest}
        </GuardedButton>
        <button
          type="button"
          className="pb-button"
          aria-expanded={logOpen}
          aria-controls={logOpen ? logId : undefined}
          aria-describedby={titleId}
          onClick={() => setLogOpen((open) => !open)}
        >
          {strings.webhookDeliveries}
        </button>
        <ActionsMenu
          label={strings.webhookActions(endpoint.url)}
          actions={[
            { text: strings.webhookEdit, onSelect: () => onEdit(endpoint), denied },
            { text: strings.webhookRotate, onSelect: () => onRotate(endpoint), denied },
            {
              text: strings.webhookDelete,
              onSelect: () => onDelete(endpoint),
              denied,
              danger: true,
            },
          ]}
        />
      </div>
      <p role="status" className="pb-webhooks__feedback pb-error">
        {error?.message ?? ""}
      </p>
      {logOpen && (
        <DeliveryLog
          id={logId}
          endpoint={endpoint}
          className={classNames.deliveryLog}
          classNames={{ recoverDialog: classNames.recoverDialog }}
        />
      )}
    </li>
  );
}

const catalog = webhookEventsByResource();

/** An endpoint's events as chips per resource, in the catalog's order. */
function groupEvents(events: readonly string[]) {
  const chosen = new Set(events);
  return catalog
    .map((group) => ({
      resource: group.resource,
      events: group.events.map((event) => event.type).filter((type) => chosen.has(type)),
    }))
    .filter((group) => group.events.length > 0);
}

function Health({
  endpoint,
  className,
}: {
  endpoint: WebhookEndpoint;
  className?: string | undefined;
}) {
  const strings = useStrings();
  const { health } = endpoint;
  const status = health.lastDeliveryStatus;
  return (
    <p className={cx("pb-webhooks__health", className)} data-state={status ?? "none"}>
      {!endpoint.enabled && endpoint.disabledReason && (
        <span className="pb-badge" data-state="disabled">
          {strings.webhookDisabledReasons[endpoint.disabledReason] ?? strings.webhookDisabled}
        </span>
      )}
      {status === null ? (
        <span>{strings.webhookNoDeliveries}</span>
      ) : (
        <>
          <span className="pb-badge" data-state={status}>
            <StatusIcon state={status} />
            {strings.webhookLastDelivery(strings.webhookDeliveryStatus[status] ?? status)}
          </span>
          {health.lastDeliveryAt && (
            <time className="pb-hint" dateTime={health.lastDeliveryAt}>
              {formatTime(health.lastDeliveryAt)}
            </time>
          )}
          <span className="pb-hint">
            {strings.webhookRecentFailures(
              Math.round(health.failureRate * health.recentAttempts),
              health.recentAttempts,
            )}
          </span>
        </>
      )}
    </p>
  );
}
