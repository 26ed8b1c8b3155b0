import type { ApiKeyUsageStats } from "@plugboard/core";
import { type ReactNode, useId, useState } from "react";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { type UsageRange, useApiKeyUsage } from "./use-api-keys";

export type ApiKeyUsagePart = "summary" | "chart" | "statusCodes" | "endpoints";

export interface ApiKeyUsageProps {
  keyId: string;
  className?: string;
  classNames?: Partial<Record<ApiKeyUsagePart, string>>;
}

const ranges: UsageRange[] = ["24h", "7d", "30d"];

/** One key's traffic: totals, error rate, latency, a chart over time, status codes, endpoints. */
export function ApiKeyUsage({ keyId, className, classNames = {} }: ApiKeyUsageProps) {
  const strings = useStrings();
  const rangeId = useId();
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
        <button type="button" className="pb-button" onClick={() => void query.refetch()}>
          {strings.retry}
        </button>
      </div>
    );
  } else if (query.data.total === 0) {
    body = <p className="pb-api-key-usage__message">{strings.apiKeyUsageEmpty}</p>;
  } else {
    body = <UsageDetails stats={query.data} classNames={classNames} />;
  }

  return (
    <div className={cx("pb-api-key-usage", className)} data-state={query.status}>
      <div className="pb-api-key-usage__toolbar">
        <label htmlFor={rangeId}>{strings.apiKeyUsageRange}</label>
        <select
          id={rangeId}
          className="pb-input"
          value={range}
          onChange={(event) => setRange(event.target.value as UsageRange)}
        >
          {ranges.map((value) => (
            <option key={value} value={value}>
              {strings.apiKeyUsageRanges[value]}
            </option>
          ))}
        </select>
      </div>
      {body}
    </div>
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

const width = 480;
const height = 120;

/** Stacked bars per bucket (successful under errors), scaled to the busiest bucket. */
function UsageChart({
  stats,
  className,
}: {
  stats: ApiKeyUsageStats;
  className?: string | undefined;
}) {
  const strings = useStrings();
  const max = Math.max(1, ...stats.series.map((bucket) => bucket.requests));
  const slot = width / Math.max(1, stats.series.length);
  const bar = Math.max(1, slot * 0.7);
  return (
    <figure className={cx("pb-api-key-usage__chart", className)}>
      <svg
        role="img"
        aria-label={strings.apiKeyUsageChart(stats.total, stats.errors)}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        width="100%"
        height={height}
      >
        <line
          x1={0}
          y1={height - 0.5}
          x2={width}
          y2={height - 0.5}
          className="pb-api-key-usage__axis"
        />
        {stats.series.map((bucket, index) => {
          const total = (bucket.requests / max) * (height - 4);
          const failed = (bucket.errors / max) * (height - 4);
          const x = index * slot + (slot - bar) / 2;
          return (
            <g key={bucket.start}>
              <title>{`${new Date(bucket.start).toLocaleString()}: ${bucket.requests} / ${bucket.errors}`}</title>
              <rect
                className="pb-api-key-usage__bar"
                x={x}
                y={height - total}
                width={bar}
                height={total - failed}
              />
              <rect
                className="pb-api-key-usage__bar pb-api-key-usage__bar--error"
                x={x}
                y={height - failed}
                width={bar}
                height={failed}
              />
            </g>
          );
        })}
      </svg>
      <figcaption className="pb-api-key-usage__legend">
        <span data-series="ok">{strings.apiKeyUsageLegendOk}</span>
        <span data-series="errors">{strings.apiKeyUsageLegendErrors}</span>
      </figcaption>
    </figure>
  );
}
