import type { ApiKeyScope, CreateApiKeyInput, CreatedApiKey } from "@plugboard/core";
import { apiKeyScopes, hasScopes, isPlugboardError } from "@plugboard/core/routes";
import * as Dialog from "@radix-ui/react-dialog";
import { type FormEvent, useState } from "react";
import { Checkbox } from "../parts/checkbox";
import { DialogActions } from "../parts/dialog-actions";
import { DialogPanel } from "../parts/dialog-panel";
import { Field } from "../parts/field";
import { Select } from "../parts/select";
import { useNotify } from "../parts/toast";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { ApiKeyNameField } from "./name-field";
import { useApiKeyMutations } from "./use-api-keys";

export interface ApiKeyProject {
  id: string;
  name: string;
}

export interface CreateApiKeyDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Receives the new key, whose secret must be shown once. */
  onCreated: (created: CreatedApiKey) => void;
  /** What the caller may grant (from the list response); the rest is shown disabled. */
  grantableScopes: readonly ApiKeyScope[];
  /** The host's projects, for a picker; without them the project is typed as an id. */
  projects?: readonly ApiKeyProject[] | undefined;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

/** The fields the form shows the server's errors next to. */
const formFields = ["name", "scopes", "projectId", "rateLimitPerMinute"];

const expiryPresets = ["7", "30", "90", "365", "never"] as const;
type ExpiryPreset = (typeof expiryPresets)[number];

const groups = [...new Set(apiKeyScopes.map((entry) => entry.resource))].map((resource) => ({
  resource,
  wildcard: `${resource}:*` as ApiKeyScope,
  scopes: apiKeyScopes.filter((entry) => entry.resource === resource),
}));

/**
 * What the key will carry: `*` alone, or each resource's wildcard instead of its single scopes.
 * The picks under a wildcard are kept in the form, so unticking it brings them back.
 */
function effectiveScopes(picked: readonly ApiKeyScope[]): ApiKeyScope[] {
  if (picked.includes("*")) return ["*"];
  return groups.flatMap((group) =>
    picked.includes(group.wildcard)
      ? [group.wildcard]
      : group.scopes.map((entry) => entry.scope).filter((scope) => picked.includes(scope)),
  );
}

/** The create form: name, scopes grouped by resource, project, expiry preset and rate limit. */
export function CreateApiKeyDialog({
  open,
  onOpenChange,
  onCreated,
  grantableScopes,
  projects,
  onCloseAutoFocus,
  className,
}: CreateApiKeyDialogProps) {
  const strings = useStrings();
  const notify = useNotify();
  const { create } = useApiKeyMutations();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [projectId, setProjectId] = useState("");
  const [expiry, setExpiry] = useState<ExpiryPreset>("90");
  const [rateLimit, setRateLimit] = useState("");
  const pending = create.isPending;
  const error = create.error;
  const fieldError = (path: string) =>
    isPlugboardError(error) ? error.fieldError(path) : undefined;
  // A refusal the form explains next to its fields needs no general message on top.
  const explained = formFields.some((path) => fieldError(path) !== undefined);

  function reset() {
    setName("");
    setScopes([]);
    setProjectId("");
    setExpiry("90");
    setRateLimit("");
    create.reset();
  }

  function toggle(scope: ApiKeyScope, on: boolean) {
    setScopes((current) => (on ? [...current, scope] : current.filter((item) => item !== scope)));
  }

  const selected = effectiveScopes(scopes);
  const full = selected.includes("*");

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: CreateApiKeyInput = {
      name,
      scopes: selected,
      projectId: projectId.trim() || null,
      expiresAt:
        expiry === "never"
          ? null
          : new Date(Date.now() + Number(expiry) * 86_400_000).toISOString(),
      ...(rateLimit.trim() === "" ? {} : { rateLimitPerMinute: Number(rateLimit) }),
    };
    create.mutate(input, {
      onSuccess: (created) => {
        notify(strings.outcomes.apiKeyCreated(input.name));
        reset();
        onOpenChange(false);
        onCreated(created);
      },
    });
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        if (!next) reset();
        onOpenChange(next);
      }}
    >
      <DialogPanel
        title={strings.apiKeyCreateTitle}
        className={cx("pb-api-key-dialog pb-api-key-dialog--wide", className)}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <form onSubmit={submit} noValidate>
          <fieldset className="pb-api-key-dialog__fieldset" disabled={pending}>
            <ApiKeyNameField value={name} onChange={setName} error={fieldError("name")} />

            <fieldset className="pb-api-key-dialog__scopes">
              <legend className="pb-api-key-dialog__label">{strings.apiKeyScopes}</legend>
              <p className={fieldError("scopes") ? "pb-error" : "pb-api-key-dialog__hint"}>
                {fieldError("scopes") ?? strings.apiKeyScopesHint}
              </p>
              <ScopeChoice
                scope="*"
                label={strings.apiKeyAllScopes}
                checked={full}
                grantable={grantableScopes}
                onToggle={toggle}
              />
              <p className="pb-api-key-dialog__hint">{strings.apiKeyFullAccessHint}</p>
              <div className="pb-api-key-dialog__scope-groups">
                {groups.map((group) => {
                  const resource = strings.apiKeyResources[group.resource] ?? group.resource;
                  const wild = full || selected.includes(group.wildcard);
                  return (
                    <fieldset key={group.resource} className="pb-api-key-dialog__scope-group">
                      <legend>{resource}</legend>
                      <ScopeChoice
                        scope={group.wildcard}
                        label={strings.apiKeyResourceAll(resource)}
                        checked={wild}
                        includedIn={full ? "*" : null}
                        grantable={grantableScopes}
                        onToggle={toggle}
                      />
                      {group.scopes.map((entry) => (
                        <ScopeChoice
                          key={entry.scope}
                          scope={entry.scope}
                          label={entry.description}
                          checked={wild || selected.includes(entry.scope)}
                          includedIn={full ? "*" : wild ? group.wildcard : null}
                          grantable={grantableScopes}
                          onToggle={toggle}
                        />
                      ))}
                    </fieldset>
                  );
                })}
              </div>
              <p role="status" className="pb-api-key-dialog__selection">
                {strings.apiKeySelection}{" "}
                {selected.length === 0
                  ? strings.apiKeySelectionNone
                  : selected.map((scope, index) => (
                      <span key={scope}>
                        {index > 0 && ", "}
                        <code>{scope}</code>
                      </span>
                    ))}
              </p>
            </fieldset>

            <div className="pb-api-key-dialog__row">
              <Field
                label={projects ? strings.apiKeyProject : strings.apiKeyProjectId}
                hint={strings.apiKeyProjectHint}
                error={fieldError("projectId")}
              >
                {(control) =>
                  projects ? (
                    <Select
                      {...control}
                      value={projectId}
                      onValueChange={setProjectId}
                      options={[
                        { value: "", label: strings.apiKeyAllProjects },
                        ...projects.map((project) => ({ value: project.id, label: project.name })),
                      ]}
                    />
                  ) : (
                    <input
                      {...control}
                      className="pb-input"
                      value={projectId}
                      onChange={(event) => setProjectId(event.target.value)}
                    />
                  )
                }
              </Field>
              <Field label={strings.apiKeyExpiry} error={undefined}>
                {(control) => (
                  <Select
                    {...control}
                    value={expiry}
                    onValueChange={setExpiry}
                    options={expiryPresets.map((preset) => ({
                      value: preset,
                      label: strings.apiKeyExpiryPresets[preset] ?? preset,
                    }))}
                  />
                )}
              </Field>
              <Field
                label={strings.apiKeyRateLimit}
                hint={strings.apiKeyRateLimitHint}
                error={fieldError("rateLimitPerMinute")}
              >
                {(control) => (
                  <input
                    {...control}
                    className="pb-input"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={100_000}
                    value={rateLimit}
                    onChange={(event) => setRateLimit(event.target.value)}
                  />
                )}
              </Field>
            </div>
          </fieldset>
          <DialogActions
            error={explained ? null : (error?.message ?? null)}
            pending={pending}
            submitLabel={strings.apiKeyCreateSubmit}
            pendingLabel={strings.apiKeyCreating}
          />
        </form>
      </DialogPanel>
    </Dialog.Root>
  );
}

interface ScopeChoiceProps {
  scope: ApiKeyScope;
  label: string;
  checked: boolean;
  /** The wildcard that already grants this scope: the box shows ticked and cannot be changed. */
  includedIn?: string | null;
  grantable: readonly ApiKeyScope[];
  onToggle: (scope: ApiKeyScope, on: boolean) => void;
}

function ScopeChoice({
  scope,
  label,
  checked,
  includedIn = null,
  grantable,
  onToggle,
}: ScopeChoiceProps) {
  const strings = useStrings();
  const allowed = hasScopes(grantable, [scope]);
  const wildcard = scope.endsWith("*");
  return (
    <label
      className={cx("pb-api-key-dialog__choice", wildcard && "pb-api-key-dialog__choice--wildcard")}
      data-disabled={allowed && !includedIn ? undefined : "true"}
      title={
        !allowed
          ? strings.apiKeyScopeNeedsAdmin
          : includedIn
            ? strings.apiKeyIncludedIn(includedIn)
            : scope
      }
    >
      <Checkbox
        checked={checked}
        disabled={!allowed || includedIn !== null}
        onCheckedChange={(on) => onToggle(scope, on)}
      />
      <span className="pb-api-key-dialog__choice-text">
        {label}
        {wildcard && (
          <>
            {" "}
            <code className="pb-api-key-dialog__scope-code">{scope}</code>
          </>
        )}
        {!allowed ? (
          <span className="pb-api-key-dialog__badge">{strings.apiKeyScopeNeedsAdmin}</span>
        ) : (
          includedIn && (
            <span className="pb-api-key-dialog__badge">{strings.apiKeyIncludedIn(includedIn)}</span>
          )
        )}
      </span>
    </label>
  );
}
