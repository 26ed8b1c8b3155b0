import type { ApiKey } from "@plugboard/core";
import { useStrings } from "../provider/plugboard-provider";
import { useApiKeyMutations } from "./use-api-keys";
import { KeyWriteButton } from "./write-button";

export interface ApiKeyEnabledSwitchProps {
  apiKey: ApiKey;
  denied: string | null;
  className?: string;
}

/** Switches a key off (verification answers DISABLED) and on again; nothing else changes. */
export function ApiKeyEnabledSwitch({ apiKey, denied, className }: ApiKeyEnabledSwitchProps) {
  const strings = useStrings();
  const { update } = useApiKeyMutations();
  // Show where the switch is going while the request runs, so it reacts at once.
  const enabled = update.isPending
    ? (update.variables.input.enabled ?? apiKey.enabled)
    : apiKey.enabled;
  return (
    <>
      <KeyWriteButton
        role="switch"
        aria-checked={enabled}
        aria-label={strings.apiKeyToggle(apiKey.name)}
        className={className ? `pb-switch ${className}` : "pb-switch"}
        data-state={enabled ? "checked" : "unchecked"}
        denied={denied}
        disabled={update.isPending}
        onClick={() => update.mutate({ id: apiKey.id, input: { enabled: !apiKey.enabled } })}
      >
        <span className="pb-switch__thumb" />
      </KeyWriteButton>
      {update.isError && (
        <p role="alert" className="pb-error pb-api-keys__note">
          {strings.apiKeyToggleFailed(apiKey.name)} {update.error.message}
        </p>
      )}
    </>
  );
}
