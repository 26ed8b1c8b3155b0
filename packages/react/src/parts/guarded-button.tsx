import { type ButtonHTMLAttributes, forwardRef } from "react";
import { PermissionTooltip } from "./permission-tooltip";

export interface GuardedButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Why the caller may not use it (shown in a tooltip), or null when they may. */
  denied: string | null;
  /** Work under way: clicks are ignored, but the button keeps focus (unlike `disabled`). */
  busy?: boolean;
}

/**
 * A button that changes something. When denied (or busy) it stays focusable but inert
 * (aria-disabled), and a denied one explains why in a tooltip, on hover and keyboard focus alike.
 */
export const GuardedButton = forwardRef<HTMLButtonElement, GuardedButtonProps>(
  function GuardedButton({ denied, busy = false, onClick, disabled, ...props }, ref) {
    const inert = denied !== null || busy;
    return (
      <PermissionTooltip content={denied}>
        <button
          ref={ref}
          type="button"
          {...props}
          disabled={denied ? undefined : disabled}
          aria-disabled={inert || undefined}
          aria-busy={busy || props["aria-busy"] || undefined}
          onClick={(event) => {
            if (inert) {
              event.preventDefault();
              return;
            }
            onClick?.(event);
          }}
        />
      </PermissionTooltip>
    );
  },
);
