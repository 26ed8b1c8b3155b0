import type { ApiKeyUsageStats } from "@plugboard/core";
import * as Tabs from "@radix-ui/react-tabs";
import { type ReactNode, useState } from "react";
import { RetryButton } from "../parts/retry-button";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { UsageChart } from "./usage-chart";
import { type UsageRange, useApiKeyUsage } from "./use-api-keys";

export type ApiKeyUsagePart = "ranges" | "summary" | "chart" | "statusCodes" | "endpoints";

export interface ApiKeyUsageProps {
  keyId: string;
  className?: string;
  classNames?: Partial<Record<ApiKeyUsagePart, string>>;
}

const ranges: UsageRange[] = ["24h", "7d", "30d"];

/** One key's traffic: totals, error rate, latency, a chart over time, status codes, endpoints. */
export function ApiKeyUsage({ keyId, className, classNames = {} }: ApiKeyUsageProps) {
  const strings = useStrings();
  const [range, setRange] = useState<UsageRange>("24h");
  const query = useApiKeyUsage(keyId, range);

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <div
        role="status"
        aria-busy="true"
        aria-label={strings.apiKeyUsageLoading}
        className="pb-skeleton pb-api-key-usage__placeholder"
      />
    );
  } else if (query.isError) {
    body = (
      <div role="alert" className="pb-api-key-usage__message">
        <p>{strings.apiKeyUsageFailed}</p>
        <p className="pb-api-key-usage__muted">{query.error.message}</p>
        <RetryButton onClick={() => void query.refetch()} />
      </div>
    );
  } else if (query.data.total === 0) {
    // Empty: the chart's frame with its axes at zero and a word saying why there are no bars.
    body = <UsageChart stats={query.data} className={classNames.chart} />;
  } else {
    body = <UsageDetails stats={query.data} classNames={classNames} />;
  }

  // The period switches what the one panel shows: tabs, each controlling that panel.
  return (
    <Tabs.Root
      className={cx("pb-api-key-usage", className)}
      data-state={query.status}
      value={range}
      onValueChange={(value) => setRange(value as UsageRange)}
    >
      <Tabs.List
        className={cx("pb-api-key-usage__ranges", classNames.ranges)}
        aria-label={strings.apiKeyUsageRange}
      >
        {ranges.map((value) => (
          <Tabs.Trigger key={value} value={value} className="pb-api-key-usage__range">
            {strings.apiKeyUsageRanges[value] ?? value}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content value={range} className="pb-api-key-usage__panel">
        {body}
      </Tabs.Content>
    </Tabs.Root>
  );
}

function UsageDetails({
  stats,
  classNames,
}: {
  stats: ApiKeyUsageStats;
  classNames: Partial<Record<ApiKeyUsagePart, string>>;
}) {
  const strings = useStrings();
  const errorRate = stats.total === 0 ? 0 : (stats.errors / stats.total) * 100;
  const ms = (value: number | null) => (value === null ? "–" : `${Math.round(value)} ms`);
  return (
    <>
      <dl className={cx("pb-api-key-usage__summary", classNames.summary)}>
        <div>
          <dt>{strings.apiKeyUsageRequests}</dt>
          <dd>{stats.total.toLocaleString()}</dd>
        </div>
        <div>
          <dt>{strings.apiKeyUsageErrorRate}</dt>
          <dd>{`${errorRate.toFixed(1)}%`}</dd>
        </div>
        <div>
          <dt>{strings.apiKeyUsageLatency("p50")}</dt>
          <dd>{ms(stats.latency.p50)}</dd>
        </div>
        <div>
          <dt>{strings.apiKeyUsageLatency("p95")}</dt>
          <dd>{ms(stats.latency.p95)}</dd>
        </div>
      </dl>
      <UsageChart stats={stats} className={classNames.chart} />
      <div className="pb-api-key-usage__tables">
        <table className={cx("pb-api-key-usage__table", classNames.statusCodes)}>
          <caption>{strings.apiKeyUsageStatusCodes}</caption>
          <tbody>
            {stats.statusCodes.map((entry) => (
              <tr key={entry.status} data-failed={entry.status >= 400 || undefined}>
                <th scope="row">{entry.status}</th>
                <td>{entry.count.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className={cx("pb-api-key-usage__table", classNames.endpoints)}>
          <caption>{strings.apiKeyUsageTopEndpoints}</caption>
          <tbody>
            {stats.topEndpoints.map((entry) => (
              <tr key={`${entry.method} ${entry.path}`}>
                <th scope="row">
                  <code>{`${entry.method} ${entry.path}`}</code>
                </th>
                <td>{entry.count.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
