import { useId, useState } from "react";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";

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
  const strings = useStrings();
  const id = useId();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
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
        <button
          type="button"
          className="pb-button"
          aria-label={copyLabel}
          data-state={state}
          onClick={() => void copy()}
        >
          {state === "copied" ? strings.copied : strings.copy}
        </button>
      </div>
      {state === "failed" && (
        <p role="alert" className="pb-error">
          {copyFailed}
        </p>
      )}
    </div>
  );
}
