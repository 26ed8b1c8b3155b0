import type { ApiKeyUsageStats } from "@plugboard/core";
import { useId, useState } from "react";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";

const width = 480;
const height = 120;

/** A "nice" top for the y axis (1, 2 or 5 times a power of ten) so its ticks are round. */
function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, value)));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

/**
 * Stacked bars per bucket (successful under errors) with a labelled y axis (requests) and x axis
 * (time). Hovering a bucket, or moving through them with the arrow keys once the chart has
 * focus, shows that bucket in a tooltip. The axis labels are HTML beside the SVG, so they keep
 * their shape while the plot stretches to the container's width.
 */
export function UsageChart({
  stats,
  className,
}: {
  stats: ApiKeyUsageStats;
  className?: string | undefined;
}) {
  const strings = useStrings();
  const tooltipId = useId();
  const [active, setActive] = useState<number | null>(null);
  const series = stats.series;
  // At least 2, so an empty or quiet chart still has whole-number ticks (0, 1, 2).
  const top = niceMax(Math.max(2, ...series.map((bucket) => bucket.requests)));
  const slot = width / Math.max(1, series.length);
  const bar = Math.max(1, slot * 0.7);
  const when = (start: string) =>
    new Date(start).toLocaleString(
      undefined,
      stats.granularity === "hour"
        ? { hour: "numeric", minute: "2-digit" }
        : { month: "short", day: "numeric" },
    );
  const ticks = series.length > 0 ? [0, Math.floor(series.length / 2), series.length - 1] : [];
  const shown = active === null ? undefined : series[active];
  const empty = stats.total === 0;

  return (
    <figure className={cx("pb-usage-chart", className)} data-empty={empty || undefined}>
      <div className="pb-usage-chart__y" aria-hidden="true">
        <span>{top.toLocaleString()}</span>
        <span>{(top / 2).toLocaleString()}</span>
        <span>0</span>
      </div>
      <div className="pb-usage-chart__plot">
        <svg
          role="img"
          aria-label={strings.apiKeyUsageChart(stats.total, stats.errors)}
          aria-describedby={shown ? tooltipId : undefined}
          // Focusable only when there is something to move through.
          tabIndex={empty ? undefined : 0}
          viewBox={`0 0 ${width} ${height}`}
          preserveAspectRatio="none"
          width="100%"
          height={height}
          onKeyDown={(event) => {
            const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
            if (step === 0 || series.length === 0) return;
            event.preventDefault();
            setActive((index) =>
              Math.min(
                series.length - 1,
                Math.max(0, (index ?? (step > 0 ? -1 : series.length)) + step),
              ),
            );
          }}
          onBlur={() => setActive(null)}
          onPointerLeave={() => setActive(null)}
        >
          {[0, 0.5].map((fraction) => (
            <line
              key={fraction}
              x1={0}
              x2={width}
              y1={fraction * height + 0.5}
              y2={fraction * height + 0.5}
              className="pb-usage-chart__grid"
            />
          ))}
          <line
            x1={0}
            y1={height - 0.5}
            x2={width}
            y2={height - 0.5}
            className="pb-usage-chart__axis"
          />
          {series.map((bucket, index) => {
            const total = (bucket.requests / top) * height;
            const failed = (bucket.errors / top) * height;
            const x = index * slot + (slot - bar) / 2;
            return (
              <g
                key={bucket.start}
                data-bucket={bucket.start}
                data-active={active === index || undefined}
                onPointerEnter={() => setActive(index)}
              >
                {/* The whole column answers the pointer, not only the (maybe tiny) bar. */}
                <rect
                  className="pb-usage-chart__hit"
                  x={index * slot}
                  y={0}
                  width={slot}
                  height={height}
                />
                <rect
                  className="pb-usage-chart__bar"
                  x={x}
                  y={height - total}
                  width={bar}
                  height={total - failed}
                />
                <rect
                  className="pb-usage-chart__bar pb-usage-chart__bar--error"
                  x={x}
                  y={height - failed}
                  width={bar}
                  height={failed}
                />
              </g>
            );
          })}
        </svg>
        {empty && <p className="pb-usage-chart__empty">{strings.apiKeyUsageEmpty}</p>}
        {shown && active !== null && (
          <div
            id={tooltipId}
            role="tooltip"
            className="pb-tooltip pb-usage-chart__tooltip"
            // Centred over its bucket, sliding left near the right edge so it never sticks out.
            style={{
              left: `${((active + 0.5) / series.length) * 100}%`,
              transform: `translateX(-${Math.round(((active + 0.5) / series.length) * 100)}%)`,
            }}
          >
            <strong>{when(shown.start)}</strong>
            <span>{strings.apiKeyUsageBucket(shown.requests, shown.errors)}</span>
          </div>
        )}
      </div>
      <div className="pb-usage-chart__x" aria-hidden="true">
        {ticks.map((index) => {
          const bucket = series[index];
          return bucket ? <span key={index}>{when(bucket.start)}</span> : null;
        })}
      </div>
      <figcaption className="pb-usage-chart__legend">
        <span data-series="ok">{strings.apiKeyUsageLegendOk}</span>
        <span data-series="errors">{strings.apiKeyUsageLegendErrors}</span>
      </figcaption>
    </figure>
  );
}
