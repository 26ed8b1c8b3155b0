import * as RadixToast from "@radix-ui/react-toast";
import { CloseIcon } from "../icons/icons";
import { useStrings } from "../provider/plugboard-provider";
import { useRootProps } from "../provider/root-props";
import type { ToastItem } from "./toast";

/**
 * The toasts themselves (Radix Toast): a "Notifications" landmark (F8 moves focus there) whose
 * toasts screen readers announce as a status.
 */
export function ToastList({
  toasts,
  onRemove,
}: {
  toasts: ToastItem[];
  onRemove: (id: number) => void;
}) {
  const strings = useStrings();
  // The viewport renders outside the component's root, so it carries the theme itself.
  const viewportProps = useRootProps("pb-toasts");
  return (
    <RadixToast.Provider label={strings.notification}>
      {toasts.map((toast) => (
        <RadixToast.Root
          key={toast.id}
          className="pb-toast"
          data-tone={toast.tone}
          type={toast.tone === "error" ? "foreground" : "background"}
          onOpenChange={(open) => {
            if (!open) onRemove(toast.id);
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
  );
}
