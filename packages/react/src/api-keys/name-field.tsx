import { Field } from "../parts/field";
import { useStrings } from "../provider/plugboard-provider";

export interface ApiKeyNameFieldProps {
  value: string;
  onChange: (name: string) => void;
  error: string | undefined;
}

/** The key's name, as the create and rename dialogs both ask for it. */
export function ApiKeyNameField({ value, onChange, error }: ApiKeyNameFieldProps) {
  const strings = useStrings();
  return (
    <Field label={strings.apiKeyName} hint={strings.apiKeyNameHint} error={error}>
      {(control) => (
        <input
          {...control}
          className="pb-input"
          value={value}
          required
          // The server's limit (core's API-key name schema), so typing stops where it would refuse.
          maxLength={100}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
