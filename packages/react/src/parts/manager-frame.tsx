import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, type Ref, useId } from "react";
import { EmptyIcon, PlusIcon } from "../icons/icons";
import { useStrings } from "../provider/plugboard-provider";
import { cx, useRootProps } from "../provider/root-props";
import { PermissionTooltip } from "./permission-tooltip";
import { RetryButton } from "./retry-button";
import { WriteAccessProvider, WriteButton } from "./write-access";

export type ManagerFramePart = "header" | "title" | "empty";

export interface ManagerFrameProps<Data> {
  /**
   * The root's class ("pb-webhooks"); the parts' classes add `__header`, `__title`, `__skeleton`,
   * `__error` and (ManagerNotice) `__empty` to it.
   */
  block: string;
  className: string | undefined;
  classNames: Partial<Record<ManagerFramePart, string>>;
  /** The list the component manages. */
  query: UseQueryResult<Data>;
  isEmpty: (data: Data) => boolean;
  title: string;
  description: string;
  /** The loading placeholder's accessible name. */
  loadingLabel: string;
  /** Placeholders in the shape of what loads. */
  skeleton: ReactNode;
  loadFailed: string;
  /** Why the caller may not change anything (every write control's tooltip), or null. */
  denied: string | null;
  /** The badge beside the title while `denied`. */
  readOnlyLabel: string;
  /** Shown instead of the body when the server refused the list itself to this caller. */
  refused?: ReactNode;
  addLabel: string;
  addRef: Ref<HTMLButtonElement>;
  onAdd: () => void;
  children: (data: Data) => ReactNode;
  /** Rendered after the section, under the same write access. */
  dialogs: ReactNode;
}

/**
 * The frame of a component that manages an organization's list (webhooks, SSO connections): the
 * titled section with its Add button, a placeholder while the list loads, the failure with Retry,
 * and read-only for callers who may not write. `data-state` says which.
 */
export function ManagerFrame<Data>({
  block,
  className,
  classNames,
  query,
  isEmpty,
  title,
  description,
  loadingLabel,
  skeleton,
  loadFailed,
  denied,
  readOnlyLabel,
  refused,
  addLabel,
  addRef,
  onAdd,
  children,
  dialogs,
}: ManagerFrameProps<Data>) {
  const _strings = useStrings();
  const titleId = useId();
  const rootProps = useRootProps(block, className);
  let state: "loading" | "readonly" | "error" | "empty" | "ready";
  let body: ReactNode;
  if (query.isPending) {
    state = "loading";
    body = (
      <div className={`${block}__skeleton`} role="status" aria-label={loadingLabel}>
        {skeleton}
      </div>
    );
  } else if (refused) {
    state = "readonly";
    body = refused;
  } else if (query.isError) {
    state = "error";
    body = (
      <div className={`${block}__error`}>
        <div role="alert">
          <p className={`${block}__error-title`}>{loadFailed}</p>
          <p className="pb-hint">{query.error.message}</p>
        </div>
        <RetryButton onClick={() => void query.refetch()} />
      </div>
    );
  } else {
    state = isEmpty(query.data) ? "empty" : "ready";
    body = children(query.data);
  }

  return (
    <WriteAccessProvider denied={denied}>
      <section
        {...rootProps}
        aria-labelledby={titleId}
        aria-busy={state === "loading" || undefined}
        data-state={state}
        data-readonly={denied !== null || undefined}
      >
        <header className={cx(`${block}__header`, classNames.header)}>
          <div>
            <h2 id={titleId} className={cx(`${block}__title`, classNames.title)}>
              {title}
            </h2>
            <p className="pb-hint">{description}</p>
          </div>
          {denied !== null && (
            <PermissionTooltip content={denied}>
              {/* Keyboard users get the same tooltip on every inert control. */}
              <span className="pb-badge" data-state="readonly">
                {readOnlyLabel}
              </span>
            </PermissionTooltip>
          )}
          <WriteButton
            ref={addRef}
            className="pb-button pb-button--primary"
            disabled={state === "loading" || state === "error"}
            onClick={onAdd}
          >
            <PlusIcon />
            {addLabel}
          </WriteButton>
        </header>
        {body}
      </section>
      {dialogs}
    </WriteAccessProvider>
  );
}

/**
 * The empty list's invitation (`empty`: with the empty-state icon), or why there is nothing to
 * show: a line and a hint.
 */
export function ManagerNotice({
  block,
  className,
  title,
  hint,
  empty = false,
}: {
  block: string;
  className: string | undefined;
  title: string;
  hint?: string | false | undefined;
  empty?: boolean;
}) {
  return (
    <div className={cx(`${block}__empty`, className)}>
      {empty && <EmptyIcon className="pb-empty-icon" />}
      <p>{title}</p>
      {hint && <p className="pb-hint">{hint}</p>}
    </div>
  );
}
