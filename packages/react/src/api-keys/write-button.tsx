import { type ButtonHTMLAttributes, forwardRef } from "react";
import { PermissionTooltip } from "../parts/permission-tooltip";

export interface KeyWriteButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Why the caller may not change the key (shown in a tooltip), or null when they may. */
  denied: string | null;
}

/**
 * A control that changes a key. When denied it stays focusable but inert (aria-disabled) and
 * explains why in a tooltip, on hover and keyboard focus alike, like the other managers.
 */
export const KeyWriteButton = forwardRef<HTMLButtonElement, KeyWriteButtonProps>(
  function KeyWriteButton({ denied, onClick, disabled, ...props }, ref) {
    return (
      <PermissionTooltip content={denied}>
        <button
          ref={ref}
          type="button"
          {...props}
          disabled={denied ? undefined : disabled}
          aria-disabled={denied ? true : undefined}
          onClick={(event) => {
            if (denied) {
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
