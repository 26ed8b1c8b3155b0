import {
  type ButtonHTMLAttributes,
  createContext,
  forwardRef,
  type ReactNode,
  useContext,
} from "react";
import { GuardedButton } from "../parts/guarded-button";

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

/** A GuardedButton denied by the list's permissions: for a non-admin, inert with a tooltip. */
export const WriteButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(
  function WriteButton(props, ref) {
    return <GuardedButton ref={ref} denied={useWebhookAccess().denied} {...props} />;
  },
);
