import { type ReactNode, useId } from "react";
import { cx, useRootProps } from "../provider/root-props";
import { SkeletonRows } from "./skeleton-rows";

/**
 * The card of one integration's settings (a project's GitHub repositories or Slack channel, a
 * Google Calendar sync): a titled region that, until the integration is there and its settings
 * have loaded, shows the one thing in their way: placeholder rows, the load error, or what to
 * install first. `block` is the component's class ("pb-slack-channel"): the title and the
 * install-first note take its `__title` and `__muted` classes, so each keeps its own look.
 * The root's `data-state`: `loading`, `error`, `unavailable` (install first) or `ready`.
 */
export function IntegrationPanel<T>({
  block,
  title,
  className,
  errorClassName,
  loading,
  loadingLabel,
  error,
  data,
  connectFirst,
  children,
}: {
  block: string;
  title: string;
  className?: string;
  errorClassName?: string;
  /** The integrations or the settings are still on their way. */
  loading: boolean;
  loadingLabel: string;
  error: Error | null;
  /** What the settings show; undefined while the integration is not installed or connected. */
  data: T | undefined;
  /** Said in place of the settings while `data` is undefined. */
  connectFirst: string;
  /** The settings; lists the heading names take its id. */
  children: (data: T, headingId: string) => ReactNode;
}) {
  const rootProps = useRootProps(block, className);
  const headingId = useId();
  const state = loading
    ? "loading"
    : error
      ? "error"
      : data === undefined
        ? "unavailable"
        : "ready";
  return (
    <section
      {...rootProps}
      aria-labelledby={headingId}
      aria-busy={loading || undefined}
      data-state={state}
    >
      <h3 id={headingId} className={`${block}__title`}>
        {title}
      </h3>
      {loading ? (
        <div role="status" aria-label={loadingLabel}>
          <SkeletonRows variant="table" rows={2} />
        </div>
      ) : error ? (
        <p role="alert" className={cx("pb-error", errorClassName)}>
          {error.message}
        </p>
      ) : data === undefined ? (
        <p role="status" className={`${block}__muted`}>
          {connectFirst}
        </p>
      ) : (
        children(data, headingId)
      )}
    </section>
  );
}
