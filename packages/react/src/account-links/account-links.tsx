import type { AccountLink } from "@plugboard/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useIntegrations } from "../integrations/use-integrations";
import { DeleteDialog } from "../parts/delete-dialog";
import { useReturnFocus } from "../parts/use-return-focus";
import { usePlugboard, useStrings } from "../provider/plugboard-provider";
import { cx, useRootProps } from "../provider/root-props";
import { accountLinkKeys } from "./query-keys";

export type AccountLinksPart = "list" | "item" | "empty" | "error" | "dialog";

export interface AccountLinksProps {
  /**
   * `"mine"` (default): the signed-in user's links. `"organization"`: every link of the
   * organization with the host user it runs as (admins only; the server refuses members).
   */
  scope?: "mine" | "organization";
  className?: string;
  classNames?: Partial<Record<AccountLinksPart, string>>;
}

/**
 * Provider accounts (Slack members, Google accounts) whose actions run as a host user: which
 * provider, which account, since when; unlinking asks first. Admins can list the organization's.
 */
export function AccountLinks({ scope = "mine", className, classNames = {} }: AccountLinksProps) {
  const strings = useStrings();
  const { client, queryClient } = usePlugboard();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [unlinking, setUnlinking] = useState<AccountLink | null>(null);
  const returnFocus = useReturnFocus(() => headingRef.current);
  const integrations = useIntegrations();
  const links = useQuery(
    {
      queryKey: accountLinkKeys.list(scope),
      queryFn: ({ signal }) => client.accountLinks.list(scope, { signal }).then((r) => r.data),
    },
    queryClient,
  );
  const unlink = useMutation(
    {
      mutationFn: (linkId: string) => client.accountLinks.unlink(linkId),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: accountLinkKeys.all }),
    },
    queryClient,
  );
  const state = links.isPending
    ? "loading"
    : links.error
      ? "error"
      : links.data.length === 0
        ? "empty"
        : "ready";
  const rootProps = useRootProps("pb-account-links", className);
  const providerName = (provider: string) =>
    integrations.data?.find((entry) => entry.id === provider)?.name ?? provider;

  return (
    <section
      {...rootProps}
      aria-labelledby={headingId}
      aria-busy={state === "loading" || undefined}
      data-state={state}
    >
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="pb-account-links__title">
        {scope === "organization" ? strings.accountLinksOrganization : strings.accountLinks}
      </h3>
      {state === "loading" && (
        <p className="pb-account-links__muted">{strings.accountLinksLoading}</p>
      )}
      {links.error && (
        <p role="alert" className={cx("pb-error", classNames.error)}>
          {links.error.message}
        </p>
      )}
      {state === "empty" && (
        <p role="status" className={cx("pb-account-links__muted", classNames.empty)}>
          {scope === "organization"
            ? strings.accountLinksNoneInOrganization
            : strings.accountLinksNone}
        </p>
      )}
      {state === "ready" && (
        <ul aria-labelledby={headingId} className={cx("pb-account-links__list", classNames.list)}>
          {links.data?.map((link) => {
            const provider = providerName(link.provider);
            const account = link.externalUserName ?? link.externalUserId;
            return (
              <li
                key={link.id}
                data-provider={link.provider}
                className={cx("pb-account-links__item", classNames.item)}
              >
                <div className="pb-account-links__who">
                  <span className="pb-account-links__provider">{provider}</span>
                  <span className="pb-account-links__account">
                    {account}
                    {link.externalUserName && (
                      <span className="pb-account-links__muted"> ({link.externalUserId})</span>
                    )}
                  </span>
                  <span className="pb-account-links__muted">
                    {[
                      link.externalAccountId &&
                        strings.accountLinkWorkspace(link.externalAccountId),
                      scope === "organization" && strings.accountLinkRunsAs(link.userId),
                      strings.accountLinkedOn(new Date(link.createdAt).toLocaleDateString()),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </div>
                <button
                  type="button"
                  className="pb-button"
                  aria-label={strings.accountUnlinkLabel(provider, account)}
                  onClick={() => {
                    returnFocus.remember();
                    setUnlinking(link);
                  }}
                >
                  {strings.accountUnlink}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <DeleteDialog
        item={unlinking}
        remove={unlink}
        onOpenChange={(open) => !open && setUnlinking(null)}
        title={strings.accountUnlinkTitle(
          unlinking ? providerName(unlinking.provider) : "",
          unlinking ? (unlinking.externalUserName ?? unlinking.externalUserId) : "",
        )}
        description={strings.accountUnlinkBody(unlinking ? providerName(unlinking.provider) : "")}
        confirmLabel={strings.accountUnlinkConfirm}
        pendingLabel={strings.accountUnlinking}
        onCloseAutoFocus={returnFocus.onCloseAutoFocus}
        className={cx("pb-account-links__dialog", classNames.dialog)}
      />
    </section>
  );
}
