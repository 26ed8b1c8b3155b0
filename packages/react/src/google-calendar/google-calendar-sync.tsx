import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDate } from "../api-keys/format";
import { useIntegrations } from "../integrations/use-integrations";
import { ErrorMessage } from "../parts/error-message";
import { IntegrationPanel } from "../parts/integration-panel";
import { useNotify } from "../parts/toast";
import { usePlugboard, useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { CalendarSyncForm, type CalendarSyncProject } from "./calendar-sync-form";
import { calendarKeys } from "./query-keys";

export type { CalendarSyncProject };

export interface GoogleCalendarSyncProps {
  /** The host's projects a user can sync (Plugboard does not own projects). */
  projects: readonly CalendarSyncProject[];
  /** Which Google Calendar connection; default the first the caller can see. */
  installationId?: string;
  /** The user's time zone for timed due dates. Default the browser's. */
  timeZone?: string;
  className?: string;
  classNames?: Partial<Record<"status" | "form" | "error", string>>;
}

/**
 * One Google Calendar connection's two-way sync: its calendar, projects and direction, the last
 * sync with its counts, errors and settled conflicts, and "Sync now".
 */
export function GoogleCalendarSync({
  projects,
  installationId,
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
  className,
  classNames = {},
}: GoogleCalendarSyncProps) {
  const strings = useStrings();
  const notify = useNotify();
  const { client, queryClient } = usePlugboard();
  const [editing, setEditing] = useState(false);
  const integrations = useIntegrations();
  const entry = integrations.data?.find((candidate) => candidate.id === "google-calendar");
  const installation =
    entry?.installations.find((candidate) => candidate.id === installationId) ??
    (installationId ? undefined : entry?.installations[0]);
  const syncs = useQuery(
    {
      queryKey: calendarKeys.syncs(),
      queryFn: ({ signal }) => client.googleCalendar.syncs({ signal }).then((r) => r.data),
      enabled: installation !== undefined,
    },
    queryClient,
  );
  const sync = syncs.data?.find((candidate) => candidate.installationId === installation?.id);
  const run = useMutation(
    {
      mutationFn: (syncId: string) => client.googleCalendar.run(syncId),
      onSuccess: () => {
        notify(strings.calendarSyncQueued);
        return queryClient.invalidateQueries({ queryKey: calendarKeys.syncs() });
      },
    },
    queryClient,
  );

  const account = installation && (installation.externalAccountName ?? installation.id);
  const projectName = (id: string) => projects.find((project) => project.id === id)?.name ?? id;

  return (
    <IntegrationPanel
      block="pb-calendar-sync"
      title={strings.calendarSync}
      className={className}
      errorClassName={classNames.error}
      loading={integrations.isPending || (installation !== undefined && syncs.isPending)}
      loadingLabel={strings.calendarSyncLoading}
      error={integrations.error ?? syncs.error}
      data={installation}
      connectFirst={strings.calendarSyncConnectFirst}
    >
      {(connection) =>
        !sync || editing ? (
          <>
            <p className="pb-calendar-sync__muted">
              {strings.calendarSyncConnection}: {account}
            </p>
            <div className={classNames.form}>
              <CalendarSyncForm
                installationId={connection.id}
                projects={projects}
                current={sync}
                timeZone={timeZone}
                onDone={sync ? () => setEditing(false) : undefined}
              />
            </div>
          </>
        ) : (
          <>
            {sync.status === "needs_reconnect" && (
              <p role="alert" className={cx("pb-error", classNames.error)}>
                {strings.calendarSyncNeedsReconnect}
              </p>
            )}
            <dl
              className={cx("pb-calendar-sync__status", classNames.status)}
              aria-label={strings.calendarSyncStatus}
            >
              <dt>{strings.calendarSyncConnection}</dt>
              <dd>{account}</dd>
              <dt>{strings.calendarSyncCalendar}</dt>
              <dd>{sync.calendarName ?? sync.calendarId}</dd>
              <dt>{strings.calendarSyncProjects}</dt>
              <dd>{sync.projectIds.map(projectName).join(", ")}</dd>
              <dt>{strings.calendarSyncDirection}</dt>
              <dd>{strings.calendarSyncDirections[sync.direction]}</dd>
              <dt>{strings.calendarSyncLastSync}</dt>
              <dd>
                {sync.lastSyncAt ? (
                  <time dateTime={sync.lastSyncAt}>{formatDate(sync.lastSyncAt)}</time>
                ) : (
                  strings.calendarSyncNever
                )}
              </dd>
              <dt>{strings.calendarSyncEvents}</dt>
              <dd>{sync.eventCount}</dd>
              <dt>{strings.calendarSyncConflicts}</dt>
              <dd>{sync.conflictCount}</dd>
              <dt>{strings.calendarSyncUpdates}</dt>
              <dd>{sync.push ? strings.calendarSyncPush : strings.calendarSyncPoll}</dd>
              {sync.lastError && (
                <>
                  <dt>{strings.calendarSyncLastError}</dt>
                  <dd className="pb-calendar-sync__error">{sync.lastError}</dd>
                </>
              )}
            </dl>
            <ErrorMessage>{run.error?.message}</ErrorMessage>
            <div className="pb-calendar-sync__actions">
              <button
                type="button"
                className="pb-button pb-button--primary"
                aria-disabled={run.isPending || sync.status !== "active" || undefined}
                onClick={() => {
                  if (!run.isPending && sync.status === "active") run.mutate(sync.id);
                }}
              >
                {strings.calendarSyncNow}
              </button>
              <button type="button" className="pb-button" onClick={() => setEditing(true)}>
                {strings.calendarSyncEdit}
              </button>
            </div>
          </>
        )
      }
    </IntegrationPanel>
  );
}
