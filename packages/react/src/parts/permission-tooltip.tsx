import * as Tooltip from "@radix-ui/react-tooltip";
import type { ReactElement } from "react";
import { useRootProps } from "../provider/root-props";

/**
 * Explains why a control is unavailable. The control stays focusable (aria-disabled, not
 * disabled) so keyboard and pointer users can both reach the explanation.
 */
export function PermissionTooltip({
  content,
  children,
}: {
  content: string | null;
  children: ReactElement;
}) {
  // The portal renders outside the component's root, so the bubble carries the theme itself.
  const rootProps = useRootProps("pb-tooltip");
  if (!content) return children;
  return (
    <Tooltip.Provider delayDuration={200}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content {...rootProps} sideOffset={6}>
            {content}
            <Tooltip.Arrow className="pb-tooltip__arrow" />
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
