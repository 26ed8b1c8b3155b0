import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { useRootProps } from "../provider/root-props";

export interface DialogPanelProps {
  title: ReactNode;
  /** Read out when the dialog opens; without one the panel has no aria-describedby. */
  description?: ReactNode;
  descriptionClassName?: string;
  /** Classes after `pb-dialog`: the part's own and the host's. */
  className: string;
  /** Where focus goes on close: the owner's `useReturnFocus().onCloseAutoFocus`. */
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  children: ReactNode;
}

/**
 * The inside of every Radix dialog here (inside its `Dialog.Root`): portal, overlay and the
 * panel. The portal renders outside the component's root, so the panel carries the theme itself.
 */
export function DialogPanel({
  title,
  description,
  descriptionClassName = "pb-dialog__description",
  className,
  onCloseAutoFocus,
  children,
}: DialogPanelProps) {
  const rootProps = useRootProps("pb-dialog", className);
  return (
    <Dialog.Portal>
      <Dialog.Overlay className="pb-root pb-dialog__overlay" />
      <Dialog.Content
        {...rootProps}
        onCloseAutoFocus={onCloseAutoFocus}
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <Dialog.Title className="pb-dialog__title">{title}</Dialog.Title>
        {description && (
          <Dialog.Description className={descriptionClassName}>{description}</Dialog.Description>
        )}
        {children}
      </Dialog.Content>
    </Dialog.Portal>
  );
}
