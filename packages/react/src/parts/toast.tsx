import * as RadixToast from "@radix-ui/react-toast";
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";
import { CloseIcon } from "../icons/icons";
import { useStrings } from "../provider/plugboard-provider";
import { useRootProps } from "../provider/root-props";

/** "success" is announced politely; "error" interrupts (Radix's foreground toast). */
export type ToastTone = "success" | "error";

/** Says the outcome of something the user did, e.g. `notify("Key revoked")`. */
export type Notify = (text: string, tone?: ToastTone) => void;

interface ToastItem {
  id: number;
  text: string;
  tone: ToastTone;
}

const NotifyContext = createContext<Notify | null>(null);

let nextId = 0;

/**
 * The one place outcomes are said (Radix Toast): a "Notifications" landmark (F8 moves focus
 * there) whose toasts screen readers announce as a status. The provider renders it, so every
 * component reports the same way.
 */
export function Toaster({ children }: { children: ReactNode }) {
  const strings = useStrings();
  const viewportProps = useRootProps("pb-toasts");
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const notify = useCallback<Notify>((text, tone = "success") => {
    nextId += 1;
    const id = nextId;
    setToasts((current) => [...current, { id, text, tone }]);
  }, []);
  const remove = (id: number) => setToasts((current) => current.filter((toast) => toast.id !== id));
  return (
    <NotifyContext.Provider value={notify}>
      <RadixToast.Provider label={strings.notification}>
        {children}
        {toasts.map((toast) => (
          <RadixToast.Root
            key={toast.id}
            className="pb-toast"
            data-tone={toast.tone}
            type={toast.tone === "error" ? "foreground" : "background"}
            onOpenChange={(open) => {
              if (!open) remove(toast.id);
            }}
          >
            <RadixToast.Description className="pb-toast__text">{toast.text}</RadixToast.Description>
            <RadixToast.Close className="pb-toast__close" aria-label={strings.dismiss}>
              <CloseIcon />
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport {...viewportProps} label={strings.notifications} />
      </RadixToast.Provider>
    </NotifyContext.Provider>
  );
}

/** The provider's `notify`; components call it when a write they started has finished. */
export function useNotify(): Notify {
  const notify = useContext(NotifyContext);
  if (!notify) throw new Error("Plugboard components must be rendered inside <PlugboardProvider>");
  return notify;
}
