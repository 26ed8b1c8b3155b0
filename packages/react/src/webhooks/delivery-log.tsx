import type { WebhookAttempt, WebhookEndpoint, WebhookMessageRecord } from "@plugboard/core";
import { useEffect, useId, useRef, useState } from "react";
import { StatusIcon } from "../icons/icons";
import { RetryButton } from "../parts/retry-button";
import { useNotify } from "../parts/toast";
import { useWriteDenied, WriteButton } from "../parts/write-access";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { RecoverMessagesDialog } from "./dialogs";
import { formatTime } from "./format";
import { useResendWebhookMessage, useWebhookAttempts, useWebhookMessages } from "./use-webhooks";

export type DeliveryLogPart = "message" | "attempts" | "recoverDialog";

export interface DeliveryLogProps {
  endpoint: WebhookEndpoint;
  id?: string;
  className?: string;
  classNames?: Partial<Record<DeliveryLogPart, string>>;
}

/**
 * The endpoint's messages, newest first a page at a time, each with its attempts and a resend
 * button, and for those who may manage webhooks a way to recover every failed message since a time.
 */
export function DeliveryLog({ endpoint, id, className, classNames = {} }: DeliveryLogProps) {
  const strings = useStrings();
  const denied = useWriteDenied();
  const messages = useWebhookMessages(endpoint.id);
  const attempts = useWebhookAttempts(endpoint.id);
  const [recovering, setRecovering] = useState(false);
  const recoverButton = useRef<HTMLButtonElement>(null);
  const attemptsBehind = useAttemptsSince(attempts, messages.data?.at(-1)?.createdAt);
  const loadingOlder = messages.isFetchingNextPage || attemptsBehind;
  const label = strings.webhookDeliveriesTitle(endpoint.url);
  const common = { id, className: cx("pb-delivery-log", className), "aria-label": label };

  if (messages.isPending || attempts.isPending) {
    return (
      <section {...common} aria-busy="true" data-state="loading">
        <p className="pb-hint">{strings.webhookDeliveriesLoading}</p>
      </section>
    );
  }
  if (messages.isError || attempts.isError) {
    const error = messages.error ?? attempts.error;
    return (
      <section {...common} data-state="error">
        <div role="alert" className="pb-error">
          {error?.message}
        </div>
        <RetryButton
          onClick={() => {
            void messages.refetch();
            void attempts.refetch();
          }}
        />
      </section>
    );
  }
  if (messages.data.length === 0) {
    return (
      <section {...common} data-state="empty">
        <p className="pb-hint">{strings.webhookDeliveriesEmpty}</p>
      </section>
    );
  }

  const byMessage = new Map<string, WebhookAttempt[]>();
  for (const attempt of attempts.data) {
    byMessage.set(attempt.messageId, [...(byMessage.get(attempt.messageId) ?? []), attempt]);
  }
  return (
    <section {...common} data-state="ready">
      {denied === null && (
        <div className="pb-delivery-log__toolbar">
          <button
            ref={recoverButton}
            type="button"
            className="pb-button pb-button--small"
            onClick={() => setRecovering(true)}
          >
            {strings.webhookRecover}
          </button>
          <RecoverMessagesDialog
            endpoint={endpoint}
            open={recovering}
            onOpenChange={setRecovering}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              recoverButton.current?.focus();
            }}
            className={classNames.recoverDialog}
          />
        </div>
      )}
      <ul className="pb-delivery-log__messages">
        {messages.data.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            attempts={byMessage.get(message.id) ?? []}
            classNames={classNames}
          />
        ))}
      </ul>
      {messages.hasNextPage && (
        <div className="pb-delivery-log__more">
          <button
            type="button"
            className="pb-button"
            aria-disabled={loadingOlder || undefined}
            aria-busy={loadingOlder || undefined}
            onClick={() => {
              // aria-disabled rather than disabled: focus stays on the button while it loads.
              if (!loadingOlder) void messages.fetchNextPage();
            }}
          >
            {strings.webhookLoadOlder}
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * Loads older pages of attempts until they reach back to `since`, the oldest message listed: an
 * attempt is never older than its message, so then every listed message has all its attempts.
 * Answers whether it still has pages to load. Stops on an error, which the log shows with a retry.
 */
function useAttemptsSince(
  attempts: ReturnType<typeof useWebhookAttempts>,
  since: string | undefined,
): boolean {
  const oldest = attempts.data?.at(-1)?.createdAt;
  const behind =
    since !== undefined &&
    attempts.hasNextPage &&
    (oldest === undefined || Date.parse(oldest) >= Date.parse(since));
  const { fetchNextPage, isFetching, isError } = attempts;
  useEffect(() => {
    if (behind && !isFetching && !isError) void fetchNextPage();
  }, [behind, isFetching, isError, fetchNextPage]);
  return behind;
}

function MessageItem({
  message,
  attempts,
  classNames,
}: {
  message: WebhookMessageRecord;
  attempts: WebhookAttempt[];
  classNames: Partial<Record<DeliveryLogPart, string>>;
}) {
  const strings = useStrings();
  const titleId = useId();
  const resend = useResendWebhookMessage();
  const notify = useNotify();
  const status = strings.webhookDeliveryStatus[message.status] ?? message.status;
  // Oldest first reads as a story: attempt 1, then its retries.
  const ordered = [...attempts].reverse();
  return (
    <li
      className={cx("pb-delivery-log__message", classNames.message)}
      aria-labelledby={titleId}
      data-state={message.status}
    >
      <div className="pb-delivery-log__summary">
        <code id={titleId} className="pb-delivery-log__type">
          {message.eventType}
        </code>
        <span className="pb-badge" data-state={message.status}>
          <StatusIcon state={message.status} />
          {status}
        </span>
        <time className="pb-hint" dateTime={message.createdAt}>
          {formatTime(message.createdAt)}
        </time>
        {message.nextAttemptAt && (
          <span className="pb-hint">
            {strings.webhookNextRetry(formatTime(message.nextAttemptAt))}
          </span>
        )}
        <WriteButton
          className="pb-button pb-button--small"
          aria-describedby={titleId}
          disabled={resend.isPending}
          aria-busy={resend.isPending || undefined}
          onClick={() =>
            resend.mutate(
              { endpointId: message.endpointId, messageId: message.id },
              { onSuccess: () => notify(strings.webhookResent) },
            )
          }
        >
          {strings.webhookResend}
        </WriteButton>
      </div>
      <p role="status" className="pb-error">
        {resend.error?.message ?? ""}
      </p>
      {ordered.length > 0 && (
        <ol className={cx("pb-delivery-log__attempts", classNames.attempts)}>
          {ordered.map((attempt, index) => (
            <AttemptItem key={attempt.id} attempt={attempt} number={index + 1} />
          ))}
        </ol>
      )}
    </li>
  );
}

function AttemptItem({ attempt, number }: { attempt: WebhookAttempt; number: number }) {
  const strings = useStrings();
  const status = strings.webhookDeliveryStatus[attempt.status] ?? attempt.status;
  return (
    <li className="pb-delivery-log__attempt" data-state={attempt.status}>
      <div className="pb-delivery-log__attempt-summary">
        <strong>{strings.webhookAttempt(number)}</strong>
        {attempt.trigger !== "scheduled" && (
          <span className="pb-hint">{strings.webhookAttemptTriggers[attempt.trigger]}</span>
        )}
        <span className="pb-badge" data-state={attempt.status}>
          <StatusIcon state={attempt.status} />
          {status}
        </span>
        <span>
          {attempt.responseStatus === null
            ? (attempt.error ?? strings.webhookNoResponse)
            : `HTTP ${attempt.responseStatus}`}
        </span>
        <span className="pb-hint">{strings.webhookLatency(attempt.latencyMs)}</span>
        <time className="pb-hint" dateTime={attempt.createdAt}>
          {formatTime(attempt.createdAt)}
        </time>
        {attempt.nextRetryAt && (
          <span className="pb-hint">
            {strings.webhookNextRetry(formatTime(attempt.nextRetryAt))}
          </span>
        )}
      </div>
      {attempt.responseBody && <pre className="pb-delivery-log__body">{attempt.responseBody}</pre>}
    </li>
  );
}
