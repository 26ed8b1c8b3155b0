import * as Tooltip from "@radix-ui/react-tooltip";
import type { ReactElement } from "react";

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
  if (!content) return children;
  return (
    <Tooltip.Provider delayDuration={200}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content className="pb-root pb-tooltip" sideOffset={6}>
            {content}
            <Tooltip.Arrow className="pb-tooltip__arrow" />
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
