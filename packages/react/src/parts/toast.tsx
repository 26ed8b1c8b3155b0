import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useState,
} from "react";

/** "success" is announced politely; "error" interrupts (Radix's foreground toast). */
export type ToastTone = "success" | "error";

/** Says the outcome of something the user did, e.g. `notify("Key revoked")`. */
export type Notify = (text: string, tone?: ToastTone) => void;

export interface ToastItem {
  id: number;
  text: string;
  tone: ToastTone;
}

const NotifyContext = createContext<Notify | null>(null);

// Radix Toast loads after the page's first render, not with it. It is mounted from then on, so a
// toast that comes with a dialog (a new key, a new secret) sits below that dialog and Escape
// closes the dialog, as the user expects, not the toast.
const ToastList = lazy(async () => ({ default: (await import("./toast-list")).ToastList }));

let nextId = 0;

/**
 * The one place outcomes are said, so every component reports the same way. The provider
 * renders it.
 */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const notify = useCallback<Notify>((text, tone = "success") => {
    nextId += 1;
    const id = nextId;
    setToasts((current) => [...current, { id, text, tone }]);
  }, []);
  const remove = useCallback(
    (id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)),
    [],
  );
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Suspense fallback={null}>
        <ToastList toasts={toasts} onRemove={remove} />
      </Suspense>
    </NotifyContext.Provider>
  );
}

/** The provider's `notify`; components call it when a write they started has finished. */
export function useNotify(): Notify {
  const notify = useContext(NotifyContext);
  if (!notify) throw new Error("Plugboard components must be rendered inside <PlugboardProvider>");
  return notify;
}
