import type { ApiKey, CreatedApiKey } from "@plugboard/core";
import { isPlugboardError } from "@plugboard/core/routes";
import { useRef, useState } from "react";
import { EmptyIcon, PlusIcon } from "../icons/icons";
import { GuardedButton } from "../parts/guarded-button";
import { PermissionTooltip } from "../parts/permission-tooltip";
import { RetryButton } from "../parts/retry-button";
import { SkeletonRows } from "../parts/skeleton-rows";
import { useReturnFocus } from "../parts/use-return-focus";
import { useStrings } from "../provider/plugboard-provider";
import { cx, loadingProps, useRootProps } from "../provider/root-props";
import { ApiKeysTable } from "./api-keys-table";
import type { ApiKeyProject } from "./create-api-key-dialog";
import {
  ApiKeyUsageDialog,
  CopyApiKeyDialog,
  CreateApiKeyDialog,
  RenameApiKeyDialog,
  RevokeApiKeyDialog,
  RotateApiKeyDialog,
} from "./dialogs";
import { useApiKeys } from "./use-api-keys";

export type ApiKeysManagerPart =
  | "header"
  | "table"
  | "row"
  | "status"
  | "toggle"
  | "empty"
  | "createButton"
  | "createDialog"
  | "copyDialog"
  | "renameDialog"
  | "rotateDialog"
  | "revokeDialog"
  | "usageDialog";

export interface ApiKeysManagerProps {
  className?: string;
  classNames?: Partial<Record<ApiKeysManagerPart, string>>;
  /** The host's projects: the create form offers them in a picker and the table shows names. */
  projects?: readonly ApiKeyProject[];
  /** Keys that stop working within this many days are flagged. Default 7. */
  expiringSoonDays?: number;
  /**
   * Show the keys without letting anything change. The server already limits members to their
   * own keys (admins get all), so every listed key is one the caller may manage; a host that
   * wants a view-only page (auditors, say) passes `readOnly`. Controls stay focusable and say
   * why they are off in a tooltip. The server enforces permissions regardless.
   */
  readOnly?: boolean;
}

/** Lists the caller's API keys and creates, rotates, revokes and inspects them. */
export function ApiKeysManager({
  className,
  classNames = {},
  projects,
  expiringSoonDays = 7,
  readOnly = false,
}: ApiKeysManagerProps) {
  const strings = useStrings();
  const rootProps = useRootProps("pb-api-keys", className);
  const query = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<ApiKey | null>(null);
  const [rotating, setRotating] = useState<ApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [inspecting, setInspecting] = useState<ApiKey | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  // Back to the control that opened the dialog; "Create API key" when it is gone (a revoked key).
  const focus = useReturnFocus(() => createButton.current);
  const opening =
    <T,>(open: (value: T) => void) =>
    (value: T) => {
      focus.remember();
      open(value);
    };
  const showSecret = (created: CreatedApiKey) => setSecret(created.secret);
  const denied = readOnly ? strings.apiKeyNeedsOwner : null;

  const header = (
    <header className={cx("pb-api-keys__header", classNames.header)}>
      <div>
        <h2 className="pb-api-keys__title">{strings.apiKeysTitle}</h2>
        <p className="pb-api-keys__description">{strings.apiKeysDescription}</p>
      </div>
      {readOnly && (
        <PermissionTooltip content={strings.apiKeyNeedsOwner}>
          <span className="pb-badge" data-state="readonly">
            {strings.apiKeyReadOnly}
          </span>
        </PermissionTooltip>
      )}
      {query.isSuccess && (
        <GuardedButton
          ref={createButton}
          denied={denied}
          className={cx("pb-button pb-button--primary", classNames.createButton)}
          onClick={() => opening(setCreating)(true)}
        >
          <PlusIcon />
          {strings.apiKeyCreate}
        </GuardedButton>
      )}
    </header>
  );

  if (query.isPending) {
    return (
      <section {...rootProps} {...loadingProps(strings.apiKeysLoading)}>
        {header}
        <SkeletonRows variant="table" />
      </section>
    );
  }

  if (query.isError) {
    const forbidden = isPlugboardError(query.error) && query.error.status === 403;
    return (
      <section
        {...rootProps}
        aria-label={strings.apiKeysTitle}
        data-state={forbidden ? "forbidden" : "error"}
      >
        {header}
        <div role="alert" className="pb-api-keys__message">
          {forbidden ? (
            <p>{strings.apiKeysForbidden}</p>
          ) : (
            <>
              <p className="pb-api-keys__message-title">{strings.apiKeysLoadFailed}</p>
              <p className="pb-api-keys__muted">{query.error.message}</p>
              <RetryButton onClick={() => void query.refetch()} />
            </>
          )}
        </div>
      </section>
    );
  }

  const keys = query.data.data;
  return (
    <section
      {...rootProps}
      aria-label={strings.apiKeysTitle}
      data-state={keys.length === 0 ? "empty" : "ready"}
      data-readonly={readOnly || undefined}
    >
      {header}
      {keys.length === 0 ? (
        <div className={cx("pb-api-keys__empty", classNames.empty)}>
          <EmptyIcon className="pb-empty-icon" />
          <p className="pb-api-keys__message-title">{strings.apiKeysEmpty}</p>
          <p className="pb-api-keys__muted">{strings.apiKeysEmptyHint}</p>
        </div>
      ) : (
        <ApiKeysTable
          keys={keys}
          projects={projects}
          expiringSoonDays={expiringSoonDays}
          denied={denied}
          classNames={classNames}
          onUsage={opening(setInspecting)}
          onRename={opening(setRenaming)}
          onRotate={opening(setRotating)}
          onRevoke={opening(setRevoking)}
        />
      )}

      <CreateApiKeyDialog
        open={creating}
        onOpenChange={setCreating}
        onCreated={showSecret}
        grantableScopes={query.data.grantableScopes}
        projects={projects}
        onCloseAutoFocus={focus.onCloseAutoFocus}
        className={classNames.createDialog}
      />
      <CopyApiKeyDialog
        secret={secret}
        onClose={() => setSecret(null)}
        onCloseAutoFocus={focus.onCloseAutoFocus}
        className={classNames.copyDialog}
      />
      <RenameApiKeyDialog
        apiKey={renaming}
        onClose={() => setRenaming(null)}
        onCloseAutoFocus={focus.onCloseAutoFocus}
        className={classNames.renameDialog}
      />
      <RotateApiKeyDialog
        apiKey={rotating}
        onClose={() => setRotating(null)}
        onRotated={showSecret}
        onCloseAutoFocus={focus.onCloseAutoFocus}
        className={classNames.rotateDialog}
      />
      <RevokeApiKeyDialog
        apiKey={revoking}
        onClose={() => setRevoking(null)}
        onCloseAutoFocus={focus.onCloseAutoFocus}
        className={classNames.revokeDialog}
      />
      <ApiKeyUsageDialog
        apiKey={inspecting}
        onClose={() => setInspecting(null)}
        onCloseAutoFocus={focus.onCloseAutoFocus}
        className={classNames.usageDialog}
      />
    </section>
  );
}
