import type { SsoConnection } from "@plugboard/core";
import { useId } from "react";
import { StatusIcon } from "../icons/icons";
import { ErrorMessage } from "../parts/error-message";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { formatDateTime } from "./format";
import { useSsoLoginAttempts } from "./use-sso";

/** The latest sign-ins across connections, with the reason each refused one was refused. */
export function SsoLoginAttempts({
  connections,
  className,
}: {
  connections: SsoConnection[];
  className?: string | undefined;
}) {
  const strings = useStrings();
  const titleId = useId();
  const query = useSsoLoginAttempts();
  const names = new Map(connections.map((connection) => [connection.id, connection.name]));
  const attempts = query.data?.data ?? [];
  return (
    <section className={cx("pb-sso__attempts", className)} aria-labelledby={titleId}>
      <h3 id={titleId} className="pb-sso__section-title">
        {strings.ssoAttempts}
      </h3>
      <ErrorMessage>{query.error?.message}</ErrorMessage>
      {query.isSuccess && attempts.length === 0 && (
        <p className="pb-hint">{strings.ssoAttemptsEmpty}</p>
      )}
      {attempts.length > 0 && (
        <ul className="pb-sso__attempt-list" aria-labelledby={titleId}>
          {attempts.map((attempt) => (
            <li key={attempt.id} className="pb-sso__attempt" data-state={attempt.outcome}>
              <span
                className="pb-badge"
                data-state={attempt.outcome === "succeeded" ? "succeeded" : "failed"}
              >
                <StatusIcon state={attempt.outcome === "succeeded" ? "succeeded" : "failed"} />
                {strings.ssoAttemptOutcomes[attempt.outcome] ?? attempt.outcome}
              </span>
              <span>{attempt.email ?? strings.ssoTestNone}</span>
              <span className="pb-hint">
                {names.get(attempt.connectionId) ?? attempt.connectionId}
              </span>
              <time className="pb-hint" dateTime={attempt.at}>
                {formatDateTime(attempt.at)}
              </time>
              {attempt.detail && <span className="pb-sso__attempt-detail">{attempt.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
