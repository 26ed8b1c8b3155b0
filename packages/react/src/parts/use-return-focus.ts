import { useMemo, useRef } from "react";

export interface ReturnFocus {
  /** Call when opening a dialog for the user: the control they used is remembered. */
  remember: () => void;
  /** Every dialog's `onCloseAutoFocus`: focus goes back to that control. */
  onCloseAutoFocus: (event: Event) => void;
}

/**
 * The one way focus comes back after a dialog. The dialogs open from code, not from a Radix
 * Trigger, and Radix then leaves focus on <body>. The owner remembers the control that opened a
 * dialog and hands focus back to it when the dialog closes, or to `fallback()` when that control
 * is gone (a revoked key's Rotate, an uninstalled card's Uninstall). A dialog that opens another
 * (create, then the secret) does not remember again, so the chain ends where it began.
 */
export function useReturnFocus(fallback: () => HTMLElement | null | undefined): ReturnFocus {
  const opener = useRef<HTMLElement | null>(null);
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;
  return useMemo(
    () => ({
      remember() {
        const active = document.activeElement;
        opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
      },
      onCloseAutoFocus(event: Event) {
        event.preventDefault();
        (opener.current?.isConnected ? opener.current : fallbackRef.current())?.focus();
      },
    }),
    [],
  );
}
