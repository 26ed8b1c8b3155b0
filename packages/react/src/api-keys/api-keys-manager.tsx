import { type ApiKey, type CreatedApiKey, isPlugboardError } from "@plugboard/core";
import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { PermissionTooltip } from "../parts/permission-tooltip";
import { useStrings } from "../provider/plugboard-provider";
import { cx, useRootProps } from "../provider/root-props";
import { ApiKeyUsage } from "./api-key-usage";
import { CopyApiKeyDialog } from "./copy-api-key-dialog";
import { type ApiKeyProject, CreateApiKeyDialog } from "./create-api-key-dialog";
import { ApiKeyEnabledSwitch } from "./enabled-switch";
import { formatDate, formatRelative } from "./format";
import { RenameApiKeyDialog } from "./rename-api-key-dialog";
import { RevokeApiKeyDialog } from "./revoke-api-key-dialog";
import { RotateApiKeyDialog } from "./rotate-api-key-dialog";
import { useApiKeys } from "./use-api-keys";
import { KeyWriteButton } from "./write-button";

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

const day = 86_400_000;

/** When the key stops working: its expiry, or the end of a rotation's grace period. */
function endsAt(key: ApiKey): string | null {
  const ends = [key.expiresAt, key.revokedAt].filter((value): value is string => value !== null);
  return ends.sort()[0] ?? null;
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
  const usageDialogProps = useRootProps(
    "pb-dialog",
    cx("pb-api-key-dialog pb-api-key-dialog--wide", classNames.usageDialog),
  );
  const query = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<ApiKey | null>(null);
  const [rotating, setRotating] = useState<ApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [inspecting, setInspecting] = useState<ApiKey | null>(null);
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
        <KeyWriteButton
          denied={denied}
          className={cx("pb-button pb-button--primary", classNames.createButton)}
          onClick={() => setCreating(true)}
        >
          {strings.apiKeyCreate}
        </KeyWriteButton>
      )}
    </header>
  );

  if (query.isPending) {
    return (
      <section
        {...rootProps}
        aria-busy="true"
        aria-label={strings.apiKeysLoading}
        data-state="loading"
      >
        {header}
        <div className="pb-skeleton pb-skeleton--line" />
        <div className="pb-skeleton pb-skeleton--text" />
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
              <button type="button" className="pb-button" onClick={() => void query.refetch()}>
                {strings.retry}
              </button>
            </>
          )}
        </div>
      </section>
    );
  }

  const keys = query.data.data;
  const now = Date.now();
  const projectName = (id: string | null) =>
    id === null
      ? strings.apiKeyAllProjects
      : (projects?.find((project) => project.id === id)?.name ?? id);

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
          <p className="pb-api-keys__message-title">{strings.apiKeysEmpty}</p>
          <p className="pb-api-keys__muted">{strings.apiKeysEmptyHint}</p>
        </div>
      ) : (
        <div className="pb-api-keys__scroll">
          <table
            className={cx("pb-api-keys__table", classNames.table)}
            aria-label={strings.apiKeysList}
          >
            <thead>
              <tr>
                {(
                  ["name", "key", "scopes", "project", "lastUsed", "expires", "status"] as const
                ).map((column) => (
                  <th key={column} scope="col">
                    {strings.apiKeyColumns[column]}
                  </th>
                ))}
                <th scope="col">
                  <span className="pb-api-keys__sr-only">{strings.apiKeyColumns.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => {
                const ends = endsAt(key);
                const live = key.status === "active" || key.status === "disabled";
                const expiringSoon =
                  live && ends !== null && Date.parse(ends) - now < expiringSoonDays * day;
                return (
                  <tr
                    key={key.id}
                    className={cx("pb-api-keys__row", classNames.row)}
                    data-status={key.status}
                    data-expiring={expiringSoon || undefined}
                  >
                    <th scope="row" className="pb-api-keys__name">
                      {key.name}
                    </th>
                    <td>
                      <code className="pb-api-keys__prefix">{`${key.displayPrefix}…`}</code>
                    </td>
                    <td>
                      <ul
                        className="pb-api-keys__scopes"
                        aria-label={strings.apiKeyScopeCount(key.scopes.length)}
                      >
                        {key.scopes.map((scope) => (
                          <li key={scope}>
                            <code>{scope === "*" ? strings.apiKeyAllScopes : scope}</code>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{projectName(key.projectId)}</td>
                    <td>
                      {key.lastUsedAt
                        ? formatRelative(key.lastUsedAt, now)
                        : strings.apiKeyNeverUsed}
                    </td>
                    <td>
                      {key.expiresAt ? (
                        <time dateTime={key.expiresAt}>{formatDate(key.expiresAt)}</time>
                      ) : (
                        strings.apiKeyNoExpiry
                      )}
                    </td>
                    <td>
                      <span className="pb-api-keys__status-line">
                        {live && (
                          <ApiKeyEnabledSwitch
                            apiKey={key}
                            denied={denied}
                            {...(classNames.toggle ? { className: classNames.toggle } : {})}
                          />
                        )}
                        <span
                          className={cx("pb-api-keys__status", classNames.status)}
                          data-status={key.status}
                        >
                          {strings.apiKeyStatuses[key.status]}
                        </span>
                      </span>
                      {expiringSoon && ends && (
                        <span
                          className="pb-api-keys__flag"
                          title={strings.apiKeyEndsAt(formatRelative(ends, now))}
                        >
                          {strings.apiKeyExpiringSoon}
                        </span>
                      )}
                      {live && key.revokedAt && (
                        <span className="pb-api-keys__muted pb-api-keys__note">
                          {strings.apiKeyEndsAt(formatRelative(key.revokedAt, now))}
                        </span>
                      )}
                    </td>
                    <td className="pb-api-keys__actions">
                      <button
                        type="button"
                        className="pb-button"
                        aria-label={strings.apiKeyUsage(key.name)}
                        onClick={() => setInspecting(key)}
                      >
                        {strings.apiKeyUsageButton}
                      </button>
                      <KeyWriteButton
                        denied={denied}
                        className="pb-button"
                        aria-label={strings.apiKeyRename(key.name)}
                        onClick={() => setRenaming(key)}
                      >
                        {strings.apiKeyRenameButton}
                      </KeyWriteButton>
                      {live && (
                        <>
                          <KeyWriteButton
                            denied={denied}
                            className="pb-button"
                            aria-label={strings.apiKeyRotate(key.name)}
                            onClick={() => setRotating(key)}
                          >
                            {strings.apiKeyRotateButton}
                          </KeyWriteButton>
                          <KeyWriteButton
                            denied={denied}
                            className="pb-button pb-button--danger"
                            aria-label={strings.apiKeyRevoke(key.name)}
                            onClick={() => setRevoking(key)}
                          >
                            {strings.apiKeyRevokeButton}
                          </KeyWriteButton>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <CreateApiKeyDialog
        open={creating}
        onOpenChange={setCreating}
        onCreated={showSecret}
        grantableScopes={query.data.grantableScopes}
        {...(projects ? { projects } : {})}
        {...(classNames.createDialog ? { className: classNames.createDialog } : {})}
      />
      <CopyApiKeyDialog
        secret={secret}
        onClose={() => setSecret(null)}
        {...(classNames.copyDialog ? { className: classNames.copyDialog } : {})}
      />
      <RenameApiKeyDialog
        apiKey={renaming}
        onClose={() => setRenaming(null)}
        {...(classNames.renameDialog ? { className: classNames.renameDialog } : {})}
      />
      <RotateApiKeyDialog
        apiKey={rotating}
        onClose={() => setRotating(null)}
        onRotated={showSecret}
        {...(classNames.rotateDialog ? { className: classNames.rotateDialog } : {})}
      />
      <RevokeApiKeyDialog
        apiKey={revoking}
        onClose={() => setRevoking(null)}
        {...(classNames.revokeDialog ? { className: classNames.revokeDialog } : {})}
      />
      <Dialog.Root open={inspecting !== null} onOpenChange={(open) => !open && setInspecting(null)}>
        <Dialog.Portal>
          <Dialog.Overlay className="pb-root pb-dialog__overlay" />
          <Dialog.Content {...usageDialogProps} aria-describedby={undefined}>
            <Dialog.Title className="pb-dialog__title">
              {strings.apiKeyUsageTitle(inspecting?.name ?? "")}
            </Dialog.Title>
            {inspecting && <ApiKeyUsage keyId={inspecting.id} />}
            <div className="pb-dialog__actions">
              <Dialog.Close className="pb-button">{strings.apiKeyClose}</Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </section>
  );
}
