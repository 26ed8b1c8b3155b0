import * as RadixSelect from "@radix-ui/react-select";
import { ChevronIcon } from "../icons/icons";
import { cx, useRootProps } from "../provider/root-props";

export interface SelectOption<Value extends string> {
  value: Value;
  label: string;
}

export type SelectPart = "trigger" | "content" | "item";

export interface SelectProps<Value extends string> {
  /** The label's target (a `<label htmlFor>` or a `Field`'s control id). */
  id?: string | undefined;
  value: Value;
  onValueChange: (value: Value) => void;
  options: readonly SelectOption<Value>[];
  /** Shown while `value` matches no option (e.g. "" for "nothing chosen yet"). */
  placeholder?: string;
  disabled?: boolean;
  /** The name when no label points at it (a row's own control in a table). */
  "aria-label"?: string | undefined;
  "aria-invalid"?: true | undefined;
  "aria-describedby"?: string | undefined;
  className?: string | undefined;
  classNames?: Partial<Record<SelectPart, string>>;
}

// Radix reserves "" for "no value"; an option whose value is "" (e.g. "All projects") is
// carried under this stand-in instead.
const emptyValue = "\u0000";
const encode = (value: string) => (value === "" ? emptyValue : value);
const decode = (value: string) => (value === emptyValue ? "" : value);

/**
 * A listbox on Radix Select: keyboard typeahead, `data-state` on every part, and a popup that
 * carries the theme itself (it renders in a portal outside the component's root).
 */
export function Select<Value extends string>({
  id,
  value,
  onValueChange,
  options,
  placeholder,
  disabled,
  className,
  classNames = {},
  ...aria
}: SelectProps<Value>) {
  const contentProps = useRootProps("pb-select__content", classNames.content);
  const known = options.some((option) => option.value === value);
  return (
    <RadixSelect.Root
      value={known ? encode(value) : ""}
      onValueChange={(next) => onValueChange(decode(next) as Value)}
      {...(disabled === undefined ? {} : { disabled })}
    >
      <RadixSelect.Trigger
        id={id}
        className={cx("pb-input pb-select", className, classNames.trigger)}
        {...aria}
      >
        <RadixSelect.Value {...(placeholder === undefined ? {} : { placeholder })} />
        <RadixSelect.Icon className="pb-select__icon">
          <ChevronIcon />
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content {...contentProps} position="popper" sideOffset={4}>
          <RadixSelect.Viewport className="pb-select__viewport">
            {options.map((option) => (
              <RadixSelect.Item
                key={option.value}
                value={encode(option.value)}
                className={cx("pb-select__item", classNames.item)}
              >
                <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
