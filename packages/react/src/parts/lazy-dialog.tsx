import {
  type ComponentType,
  type JSX,
  type LazyExoticComponent,
  lazy,
  Suspense,
  useState,
} from "react";

/**
 * A dialog whose code (Radix Dialog, its form, its parts) loads the first time it opens instead
 * of with the page. Until then it renders nothing; once loaded it stays mounted, so closing it
 * animates and hands focus back exactly as a dialog rendered directly does. Call it once, at
 * module level, per dialog.
 */
export function lazyDialog<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  isOpen: (props: Props) => boolean,
): (props: Props) => JSX.Element {
  const dialog = lazy(async () => ({ default: await load() }));
  return (props) => <Deferred dialog={dialog} open={isOpen(props)} props={props} />;
}

function Deferred<Props extends object>({
  dialog: Dialog,
  open,
  props,
}: {
  dialog: LazyExoticComponent<ComponentType<Props>>;
  open: boolean;
  props: Props;
}) {
  const [opened, setOpened] = useState(open);
  // Remembered during render, so the first open renders the dialog in the same pass.
  if (open && !opened) setOpened(true);
  if (!opened && !open) return null;
  return (
    <Suspense fallback={null}>
      <Dialog {...props} />
    </Suspense>
  );
}
