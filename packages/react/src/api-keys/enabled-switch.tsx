import type { ApiKey } from "@plugboard/core";
import { GuardedButton } from "../parts/guarded-button";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { useApiKeyMutations } from "./use-api-keys";

export interface ApiKeyEnabledSwitchProps {
  apiKey: ApiKey;
  denied: string | null;
  className?: string | undefined;
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
      <GuardedButton
        role="switch"
        aria-checked={enabled}
        aria-label={strings.apiKeyToggle(apiKey.name)}
        className={cx("pb-switch", className)}
        data-state={enabled ? "checked" : "unchecked"}
        denied={denied}
        disabled={update.isPending}
        onClick={() => update.mutate({ id: apiKey.id, input: { enabled: !apiKey.enabled } })}
      >
        <span className="pb-switch__thumb" />
      </GuardedButton>
      {update.isError && (
        <p role="alert" className="pb-error pb-api-keys__note">
          {strings.apiKeyToggleFailed(apiKey.name)} {update.error.message}
        </p>
      )}
    </>
  );
}
