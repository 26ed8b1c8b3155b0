import * as RadixCheckbox from "@radix-ui/react-checkbox";
import { CheckIcon, MinusIcon } from "../icons/icons";
import { cx } from "../provider/root-props";

export interface CheckboxProps {
  /** "indeterminate" for a group's "select all" while only some of the group is chosen. */
  checked: boolean | "indeterminate";
  /** Clicking an indeterminate box checks it. */
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean | undefined;
  className?: string | undefined;
}

/**
 * A checkbox on Radix Checkbox (a `role="checkbox"` button with `data-state`), drawn by the theme
 * in both color schemes where a native box would keep the browser's look. Name it with a wrapping
 * `<label>`: a click on the label toggles it. It holds no form value: every form here reads
 * its state, none reads FormData.
 */
export function Checkbox({ checked, onCheckedChange, disabled, className }: CheckboxProps) {
  return (
    <RadixCheckbox.Root
      {...(disabled === undefined ? {} : { disabled })}
      className={cx("pb-checkbox", className)}
      checked={checked}
      onCheckedChange={(next) => onCheckedChange(next === true)}
    >
      <RadixCheckbox.Indicator className="pb-checkbox__indicator">
        {checked === "indeterminate" ? <MinusIcon /> : <CheckIcon />}
      </RadixCheckbox.Indicator>
    </RadixCheckbox.Root>
  );
}
