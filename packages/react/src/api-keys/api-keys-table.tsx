import type { ApiKey } from "@plugboard/core";
import { ActionsMenu, type MenuAction } from "../parts/actions-menu";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import type { ApiKeyProject } from "./create-api-key-dialog";
import { ApiKeyEnabledSwitch } from "./enabled-switch";
import { formatDate, formatRelative } from "./format";

export type ApiKeysTablePart = "table" | "row" | "status" | "toggle" | "actions";

export interface ApiKeysTableProps {
  keys: readonly ApiKey[];
  projects?: readonly ApiKeyProject[] | undefined;
  expiringSoonDays: number;
  /** Why the caller may not change keys (a tooltip on every write control), or null. */
  denied: string | null;
  classNames: Partial<Record<ApiKeysTablePart, string>>;
  onUsage: (key: ApiKey) => void;
  onRename: (key: ApiKey) => void;
  onRotate: (key: ApiKey) => void;
  onRevoke: (key: ApiKey) => void;
}

const day = 86_400_000;
const columns = ["key", "scopes", "project", "lastUsed", "expires", "status"] as const;

/** When the key stops working: its expiry, or the end of a rotation's grace period. */
function endsAt(key: ApiKey): string | null {
  const ends = [key.expiresAt, key.revokedAt].filter((value): value is string => value !== null);
  return ends.sort()[0] ?? null;
}

function isLive(key: ApiKey): boolean {
  return key.status === "active" || key.status === "disabled";
}

/**
 * One row per key. In a narrow container (see styles.css) each row reflows into a card whose
 * cells are labelled from `data-label`, so nothing scrolls sideways.
 */
export function ApiKeysTable({
  keys,
  projects,
  expiringSoonDays,
  denied,
  classNames,
  onUsage,
  onRename,
  onRotate,
  onRevoke,
}: ApiKeysTableProps) {
  const strings = useStrings();
  const now = Date.now();
  const label = strings.apiKeyColumns;
  const projectName = (id: string | null) =>
    id === null
      ? strings.apiKeyAllProjects
      : (projects?.find((project) => project.id === id)?.name ?? id);
  // A rotation leaves two keys of one name while the old one's grace period runs: both say
  // which they are, and the old one's Expires is the end of its grace period.
  const inGrace = new Set(
    keys.filter((key) => isLive(key) && key.revokedAt !== null).map((key) => key.id),
  );
  const replaced = new Set(keys.map((key) => key.rotatedFromId));
  // Rename works on any key; rotate and revoke only on one that still works.
  const actionsFor = (key: ApiKey, live: boolean): MenuAction[] => [
    { text: strings.apiKeyUsageButton, onSelect: () => onUsage(key) },
    { text: strings.apiKeyRenameButton, onSelect: () => onRename(key), denied },
    ...(live
      ? [
          { text: strings.apiKeyRotateButton, onSelect: () => onRotate(key), denied },
          { text: strings.apiKeyRevokeButton, onSelect: () => onRevoke(key), denied, danger: true },
        ]
      : []),
  ];

  return (
    <table className={cx("pb-api-keys__table", classNames.table)} aria-label={strings.apiKeysList}>
      <thead>
        <tr>
          <th scope="col">{label.name}</th>
          {columns.map((column) => (
            <th key={column} scope="col">
              {label[column]}
            </th>
          ))}
          <th scope="col">
            <span className="pb-api-keys__sr-only">{label.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const ends = endsAt(key);
          const live = isLive(key);
          const expiringSoon =
            live && ends !== null && Date.parse(ends) - now < expiringSoonDays * day;
          // A live key shows when it stops working, a rotation's grace end included.
          const shownEnd = live ? ends : key.expiresAt;
          const rotatedAway = inGrace.has(key.id) && replaced.has(key.id);
          return (
            <tr
              key={key.id}
              className={cx("pb-api-keys__row", classNames.row)}
              data-status={key.status}
              data-expiring={expiringSoon || undefined}
            >
              <th scope="row" className="pb-api-keys__name">
                {key.name}
                {rotatedAway && (
                  <span className="pb-tag pb-api-keys__tag">{strings.apiKeyReplaced}</span>
                )}
                {live && key.rotatedFromId !== null && inGrace.has(key.rotatedFromId) && (
                  <span className="pb-tag pb-api-keys__tag">{strings.apiKeyReplacement}</span>
                )}
              </th>
              <td data-label={label.key}>
                <code className="pb-api-keys__prefix">{`${key.displayPrefix}…`}</code>
              </td>
              <td data-label={label.scopes}>
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
              <td data-label={label.project}>{projectName(key.projectId)}</td>
              <td data-label={label.lastUsed}>
                {key.lastUsedAt ? formatRelative(key.lastUsedAt, now) : strings.apiKeyNeverUsed}
              </td>
              <td data-label={label.expires}>
                {shownEnd ? (
                  <time dateTime={shownEnd}>{formatDate(shownEnd)}</time>
                ) : (
                  strings.apiKeyNoExpiry
                )}
              </td>
              <td data-label={label.status}>
                <span className="pb-api-keys__status-line">
                  {live && (
                    <ApiKeyEnabledSwitch
                      apiKey={key}
                      denied={denied}
                      className={classNames.toggle}
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
              <td className="pb-api-keys__actions-cell">
                <ActionsMenu
                  label={strings.apiKeyActions(key.name)}
                  actions={actionsFor(key, live)}
                  className={classNames.actions}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
