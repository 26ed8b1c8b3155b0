import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { StatusIcon } from "../icons/icons";
import { usePlugboard, useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { slackKeys } from "./query-keys";

/**
 * The project's Slack delivery log: its latest notifications, each with its status, how many
 * attempts it took and Slack's last error (kept when a retry delivered it).
 */
export function SlackDeliveries({
  projectId,
  className,
}: {
  projectId: string;
  className?: string;
}) {
  const strings = useStrings();
  const { client, queryClient, pollInterval } = usePlugboard();
  const headingId = useId();
  const deliveries = useQuery(
    {
      queryKey: slackKeys.deliveries(projectId),
      queryFn: ({ signal }) =>
        client.slack.deliveries(projectId, { limit: 10 }, { signal }).then((r) => r.data),
      refetchInterval: pollInterval,
    },
    queryClient,
  );
  if (deliveries.isPending || deliveries.isError) return null;
  return (
    <div className={cx("pb-slack-channel__deliveries", className)}>
      <h4 id={headingId} className="pb-slack-channel__subtitle">
        {strings.slackRecentDeliveries}
      </h4>
      {deliveries.data.length === 0 ? (
        <p className="pb-slack-channel__muted">{strings.slackNoDeliveries}</p>
      ) : (
        <ul aria-labelledby={headingId} className="pb-slack-channel__delivery-list">
          {deliveries.data.map((delivery) => (
            <li
              key={delivery.id}
              className="pb-slack-channel__delivery"
              data-state={delivery.status}
            >
              <span className="pb-slack-channel__delivery-status" data-state={delivery.status}>
                <StatusIcon state={delivery.status} />
                {strings.slackDeliveryStatuses[delivery.status] ?? delivery.status}
              </span>
              <span>{strings.slackEventNames[delivery.eventType] ?? delivery.eventType}</span>
              <span className="pb-slack-channel__muted">
                {[
                  strings.slackDeliveryAttempts(delivery.attempts),
                  delivery.lastError,
                  new Date(delivery.lastAttemptAt).toLocaleString(),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
