import {
  type ButtonHTMLAttributes,
  createContext,
  forwardRef,
  type ReactNode,
  useContext,
} from "react";
import { PermissionTooltip } from "../parts/permission-tooltip";

interface WebhookAccess {
  /** Why writes are off (shown in a tooltip), or null when the list says the caller may manage. */
  denied: string | null;
}

const AccessContext = createContext<WebhookAccess>({ denied: null });

export function WebhookAccessProvider({
  value,
  children,
}: {
  value: WebhookAccess;
  children: ReactNode;
}) {
  return <AccessContext.Provider value={value}>{children}</AccessContext.Provider>;
}

export function useWebhookAccess(): WebhookAccess {
  return useContext(AccessContext);
}

/**
 * A button that changes something. For a non-admin it stays focusable but inert
 * (aria-disabled) and explains why in a tooltip, on hover and on keyboard focus alike.
 */
export const WriteButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(
  function WriteButton({ onClick, className, disabled, ...props }, ref) {
    const { denied } = useWebhookAccess();
    return (
      <PermissionTooltip content={denied}>
        <button
          ref={ref}
          type="button"
          {...props}
          className={className}
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
