import {
  type ButtonHTMLAttributes,
  createContext,
  forwardRef,
  type ReactNode,
  useContext,
} from "react";
import { GuardedButton } from "./guarded-button";

/** Why the component's writes are off (shown in a tooltip), or null when the caller may write. */
const WriteAccessContext = createContext<string | null>(null);

/** Set once by a component from what its data says the caller may do; its parts read it. */
export function WriteAccessProvider({
  denied,
  children,
}: {
  denied: string | null;
  children: ReactNode;
}) {
  return <WriteAccessContext.Provider value={denied}>{children}</WriteAccessContext.Provider>;
}

export function useWriteDenied(): string | null {
  return useContext(WriteAccessContext);
}

/** A GuardedButton denied as the nearest WriteAccessProvider says: inert, with the reason. */
export const WriteButton = forwardRef<
  HTMLButtonElement,
  ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean }
>(function WriteButton(props, ref) {
  return <GuardedButton ref={ref} denied={useWriteDenied()} {...props} />;
});
