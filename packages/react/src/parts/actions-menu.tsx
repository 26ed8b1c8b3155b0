import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useRef } from "react";
import { MoreIcon, TrashIcon } from "../icons/icons";
import { cx, useRootProps } from "../provider/root-props";

export interface MenuAction {
  text: string;
  onSelect: () => void;
  /** Deletes or revokes something: drawn in the danger color with a bin. */
  danger?: boolean;
  /** Why the caller may not use it (said at the top of the menu), or null when they may. */
  denied?: string | null;
}

export type ActionsMenuPart = "trigger" | "content" | "item";

export interface ActionsMenuProps {
  /** The trigger's accessible name, e.g. "Actions for CI deploy". */
  label: string;
  actions: readonly MenuAction[];
  className?: string | undefined;
  classNames?: Partial<Record<ActionsMenuPart, string>>;
}

/**
 * A row's actions behind one button (Radix DropdownMenu), so a row stays one line wide at any
 * width. An action runs once the menu has closed and focus is back on the trigger: a dialog it
 * opens then remembers the trigger as the control to return focus to.
 */
export function ActionsMenu({ label, actions, className, classNames = {} }: ActionsMenuProps) {
  const contentProps = useRootProps("pb-menu", classNames.content);
  const trigger = useRef<HTMLButtonElement>(null);
  const pending = useRef<(() => void) | null>(null);
  const reasons = [...new Set(actions.map((action) => action.denied).filter(Boolean))];
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        ref={trigger}
        className={cx("pb-button pb-menu__trigger", className, classNames.trigger)}
        aria-label={label}
      >
        <MoreIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          {...contentProps}
          align="end"
          sideOffset={4}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            trigger.current?.focus();
            const run = pending.current;
            pending.current = null;
            run?.();
          }}
        >
          {reasons.map((reason) => (
            <DropdownMenu.Label key={reason} className="pb-menu__note">
              {reason}
            </DropdownMenu.Label>
          ))}
          {actions.map((action) => (
            <DropdownMenu.Item
              key={action.text}
              className={cx(
                "pb-menu__item",
                action.danger && "pb-menu__item--danger",
                classNames.item,
              )}
              disabled={Boolean(action.denied)}
              onSelect={() => {
                pending.current = action.onSelect;
              }}
            >
              {action.danger && <TrashIcon />}
              {action.text}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
