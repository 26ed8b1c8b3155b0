import type { SlackChannelSettings as Settings, SlackNotificationEvent } from "@plugboard/core";
import { isPlugboardError, slackNotificationEvents } from "@plugboard/core/routes";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useIntegrations } from "../integrations/use-integrations";
import { Checkbox } from "../parts/checkbox";
import { IntegrationPanel } from "../parts/integration-panel";
import { Select } from "../parts/select";
import { usePlugboard, useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { slackKeys } from "./query-keys";
import { SlackDeliveries } from "./slack-deliveries";

export type SlackChannelSettingsPart = "form" | "status" | "deliveries" | "error";

export interface SlackChannelSettingsProps {
  /** The host's project whose notifications go to the channel. */
  projectId: string;
  className?: string;
  classNames?: Partial<Record<SlackChannelSettingsPart, string>>;
}

const defaultEvents: SlackNotificationEvent[] = [
  "issue.created",
  "issue.updated",
  "issue.completed",
];

/**
 * Where one project's Slack notifications go: the channel (every channel the bot can see), the
 * events, a test message, how the last message went (Slack's error and what to do about it), and
 * the delivery log of the latest notifications.
 * Admins change it; members see it.
 */
export function SlackChannelSettings({
  projectId,
  className,
  classNames = {},
}: SlackChannelSettingsProps) {
  const strings = useStrings();
  const { client, queryClient } = usePlugboard();
  const integrations = useIntegrations();
  const slack = integrations.data?.find((entry) => entry.id === "slack");
  const connected =
    slack?.installed === true &&
    slack.installations.some((installation) => installation.status === "active");
  const canManage = slack?.permissions.uninstall === true;

  const settings = useQuery(
    {
      queryKey: slackKeys.channelSettings(projectId),
      // A project without a channel answers not_found: that is "nothing chosen yet", not an error.
      queryFn: ({ signal }) =>
        client.slack.channelSettings(projectId, { signal }).catch((error: unknown) => {
          if (isPlugboardError(error) && error.code === "not_found") return null;
          throw error;
        }),
      enabled: connected,
    },
    queryClient,
  );
  const channels = useQuery(
    {
      queryKey: slackKeys.channels(),
      queryFn: ({ signal }) => client.slack.channels({ signal }).then((r) => r.data),
      enabled: connected && canManage,
    },
    queryClient,
  );
  return (
    <IntegrationPanel
      block="pb-slack-channel"
      title={strings.slackChannel}
      className={className}
      errorClassName={classNames.error}
      loading={integrations.isPending || (connected && settings.isPending)}
      loadingLabel={strings.loadingSlackChannel}
      error={integrations.error ?? settings.error}
      data={connected ? (settings.data ?? null) : undefined}
      connectFirst={strings.installSlackFirst}
    >
      {(saved) => (
        <>
          <DeliveryStatus settings={saved} className={classNames.status} />
          {saved && <SlackDeliveries projectId={projectId} className={classNames.deliveries} />}
          {canManage ? (
            <SettingsForm
              key={saved?.updatedAt ?? "new"}
              projectId={projectId}
              settings={saved}
              channels={channels.data ?? []}
              channelsPending={channels.isPending}
              channelsError={channels.error?.message ?? null}
              className={classNames.form}
              errorClassName={classNames.error}
            />
          ) : (
            <p className="pb-slack-channel__muted">{strings.slackSettingsNeedAdmin}</p>
          )}
        </>
      )}
    </IntegrationPanel>
  );
}

function DeliveryStatus({
  settings,
  className,
}: {
  settings: Settings | null;
  className?: string;
}) {
  const strings = useStrings();
  if (!settings) {
    return <p className="pb-slack-channel__muted">{strings.slackNoChannelYet}</p>;
  }
  const last = settings.lastDelivery;
  return (
    <div className={cx("pb-slack-channel__status", className)}>
      <p>{strings.slackPostingTo(settings.channelName)}</p>
      {last?.status === "failed" && last.error ? (
        <div role="alert" className="pb-error">
          <p>{strings.slackDeliveryFailed(last.error)}</p>
          {strings.slackErrorHints[last.error] && <p>{strings.slackErrorHints[last.error]}</p>}
        </div>
      ) : last ? (
        <p role="status" className="pb-slack-channel__muted">
          {strings.slackDelivered(
            strings.slackEventNames[last.eventType] ?? last.eventType,
            new Date(last.at).toLocaleString(),
          )}
        </p>
      ) : null}
    </div>
  );
}

function SettingsForm({
  projectId,
  settings,
  channels,
  channelsPending,
  channelsError,
  className,
  errorClassName,
}: {
  projectId: string;
  settings: Settings | null;
  channels: { id: string; name: string; isMember: boolean }[];
  channelsPending: boolean;
  channelsError: string | null;
  className?: string;
  errorClassName?: string;
}) {
  const strings = useStrings();
  const { client, queryClient } = usePlugboard();
  const selectId = useId();
  const eventsId = useId();
  const [channelId, setChannelId] = useState(settings?.channelId ?? "");
  const [events, setEvents] = useState<SlackNotificationEvent[]>(settings?.events ?? defaultEvents);
  const store = (value: Settings | null) =>
    queryClient.setQueryData(slackKeys.channelSettings(projectId), value);
  const save = useMutation(
    {
      mutationFn: () => {
        const channel = channels.find((candidate) => candidate.id === channelId);
        return client.slack.saveChannelSettings(projectId, {
          channelId,
          channelName: channel?.name ?? settings?.channelName ?? channelId,
          events,
        });
      },
      onSuccess: store,
    },
    queryClient,
  );
  const test = useMutation(
    {
      mutationFn: () => client.slack.testChannel(projectId),
      onSuccess: async (value) => {
        store(value);
        await queryClient.invalidateQueries({ queryKey: slackKeys.deliveries(projectId) });
      },
    },
    queryClient,
  );
  const remove = useMutation(
    {
      mutationFn: () => client.slack.removeChannelSettings(projectId),
      onSuccess: () => store(null),
    },
    queryClient,
  );
  const error = save.error ?? test.error ?? remove.error;
  const toggle = (event: SlackNotificationEvent, on: boolean) =>
    setEvents((current) =>
      on
        ? slackNotificationEvents.filter((e) => e === event || current.includes(e))
        : current.filter((e) => e !== event),
    );
  // The saved channel stays selectable while the list loads (or if the bot no longer sees it).
  const options =
    settings && !channels.some((channel) => channel.id === settings.channelId)
      ? [{ id: settings.channelId, name: settings.channelName, isMember: true }, ...channels]
      : channels;

  return (
    <form
      className={cx("pb-slack-channel__form", className)}
      onSubmit={(event) => {
        event.preventDefault();
        if (channelId && events.length > 0) save.mutate();
      }}
    >
      <label htmlFor={selectId}>{strings.slackChannelPicker}</label>
      <Select
        id={selectId}
        value={channelId}
        placeholder={strings.chooseSlackChannel}
        disabled={channelsPending && !settings}
        onValueChange={setChannelId}
        options={options.map((channel) => ({
          value: channel.id,
          label: channel.isMember ? `#${channel.name}` : strings.slackNotMember(channel.name),
        }))}
      />
      {channelsError && (
        <p role="alert" className={cx("pb-error", errorClassName)}>
          {channelsError}
        </p>
      )}
      <fieldset className="pb-slack-channel__events" aria-describedby={eventsId}>
        <legend id={eventsId}>{strings.slackEvents}</legend>
        {slackNotificationEvents.map((event) => (
          <label key={event} className="pb-slack-channel__event">
            <Checkbox
              checked={events.includes(event)}
              onCheckedChange={(on) => toggle(event, on)}
            />
            {strings.slackEventNames[event] ?? event}
          </label>
        ))}
      </fieldset>
      <div className="pb-slack-channel__actions">
        <button
          type="submit"
          className="pb-button pb-button--primary"
          disabled={!channelId || events.length === 0 || save.isPending}
          aria-busy={save.isPending || undefined}
        >
          {save.isPending ? strings.savingSlackChannel : strings.saveSlackChannel}
        </button>
        {settings && (
          <>
            <button
              type="button"
              className="pb-button"
              disabled={test.isPending}
              aria-busy={test.isPending || undefined}
              onClick={() => test.mutate()}
            >
              {test.isPending ? strings.sendingSlackTest : strings.sendSlackTest}
            </button>
            <button
              type="button"
              className="pb-button"
              disabled={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {strings.stopSlackNotifications}
            </button>
          </>
        )}
      </div>
      {error && (
        <p role="alert" className={cx("pb-error", errorClassName)}>
          {error.message}
        </p>
      )}
    </form>
  );
}
