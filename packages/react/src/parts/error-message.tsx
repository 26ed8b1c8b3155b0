import type { ReactNode } from "react";
import { cx } from "../provider/root-props";

/**
 * A failure the user should hear at once (`role="alert"`), such as the last attempt's error above
 * a form's buttons. Renders nothing while there is no message, so callers pass it unconditionally.
 */
export function ErrorMessage({
  id,
  className,
  children,
}: {
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  if (children === null || children === undefined || children === false || children === "") {
    return null;
  }
  return (
    <p id={id} role="alert" className={cx("pb-error", className)}>
      {children}
    </p>
  );
}
