import { useId, useState } from "react";
import { CheckIcon, CopyIcon } from "../icons/icons";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { ErrorMessage } from "./error-message";

export type CopyState = "idle" | "copied" | "failed";

export interface CopyButtonProps {
  value: string;
  state: CopyState;
  /** "copied", or "failed" when the clipboard refuses (the value stays selectable by hand). */
  onStateChange: (state: CopyState) => void;
  /** The accessible name when "Copy" alone would not say what, e.g. "Copy ACS URL". */
  label?: string | undefined;
}

/** Copies a value beside it, and says "Copied" once it has. */
export function CopyButton({ value, state, onStateChange, label }: CopyButtonProps) {
  const strings = useStrings();
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      onStateChange("copied");
    } catch {
      onStateChange("failed");
    }
  }
  return (
    <button
      type="button"
      className="pb-button"
      aria-label={label}
      data-state={state}
      onClick={() => void copy()}
    >
      {state === "copied" ? <CheckIcon /> : <CopyIcon />}
      {state === "copied" ? strings.copied : strings.copy}
    </button>
  );
}

export interface CopyFieldProps {
  label: string;
  value: string;
  /** Said when the clipboard refuses (the value stays selectable by hand). */
  copyFailed: string;
  /** The copy button's accessible name, e.g. "Copy ACS URL". */
  copyLabel: string;
  className?: string | undefined;
}

/** A read-only value to paste elsewhere (an IdP's settings, a DNS record), with a copy button. */
export function CopyField({ label, value, copyFailed, copyLabel, className }: CopyFieldProps) {
  const id = useId();
  const [state, setState] = useState<CopyState>("idle");
  return (
    <div className={cx("pb-copy-field", className)} data-state={state}>
      <label className="pb-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="pb-copy-field__value">
        <input
          id={id}
          className="pb-input pb-copy-field__input"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton value={value} state={state} onStateChange={setState} label={copyLabel} />
      </div>
      <ErrorMessage>{state === "failed" && copyFailed}</ErrorMessage>
    </div>
  );
}
