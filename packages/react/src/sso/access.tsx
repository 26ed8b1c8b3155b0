import {
  type ButtonHTMLAttributes,
  createContext,
  forwardRef,
  type ReactNode,
  useContext,
} from "react";
import { GuardedButton } from "../parts/guarded-button";

/** Why writes are off (shown in a tooltip), or null for an admin. */
const AccessContext = createContext<string | null>(null);

export function SsoAccessProvider({
  denied,
  children,
}: {
  denied: string | null;
  children: ReactNode;
}) {
  return <AccessContext.Provider value={denied}>{children}</AccessContext.Provider>;
}

export function useSsoDenied(): string | null {
  return useContext(AccessContext);
}

/** A GuardedButton denied for non-admins: inert, with the reason in a tooltip. */
export const SsoWriteButton = forwardRef<
  HTMLButtonElement,
  ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean }
>(function SsoWriteButton(props, ref) {
  return <GuardedButton ref={ref} denied={useSsoDenied()} {...props} />;
});
