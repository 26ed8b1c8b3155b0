import { type ReactNode, useId } from "react";

export interface RadioOptionsProps<Value extends string | number> {
  value: Value;
  options: readonly { value: Value; label: ReactNode }[];
  onChange: (value: Value) => void;
}

/** One choice's radio buttons, each inside its label; the caller's fieldset names the choice. */
export function RadioOptions<Value extends string | number>({
  value,
  options,
  onChange,
}: RadioOptionsProps<Value>) {
  const name = useId();
  return (
    <>
      {options.map((option) => (
        <label key={option.value} className="pb-choice">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </>
  );
}
