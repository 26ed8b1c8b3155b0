import type { Integration } from "@plugboard/core";
import { useEffect, useId } from "react";
import { SuccessIcon } from "../icons/icons";
import { RetryButton } from "../parts/retry-button";
import { useStrings } from "../provider/plugboard-provider";
import { cx, loadingProps, useRootProps } from "../provider/root-props";
import { IntegrationActions, type IntegrationCardState } from "./integration-actions";
import { useIntegrations } from "./use-integrations";

export type IntegrationCardPart =
  | "logo"
  | "title"
  | "status"
  | "description"
  | "meta"
  | "actions"
  | "error";

export interface IntegrationCardProps {
  /** The catalog id: `github`, `slack`, `google-calendar`, `pumble`, `jira`, or a host's own. */
  provider: string;
  /** Class for the card's root. */
  className?: string;
  /** Classes for the card's inner parts. */
  classNames?: Partial<Record<IntegrationCardPart, string>>;
}

/**
 * One integration from the catalog with its installed state for the current organization, and
 * Install (an OAuth popup) or Uninstall (after a confirmation) for those allowed to. An installation
 * the provider no longer accepts shows as `needs-reconnect`, with Reconnect (the same popup).
 */
export function IntegrationCard({ provider, className, classNames = {} }: IntegrationCardProps) {
  const strings = useStrings();
  const query = useIntegrations();
  const rootProps = useRootProps("pb-integration-card", className);

  if (query.isPending) {
    return (
      <article {...rootProps} {...loadingProps(strings.loadingIntegration)}>
        <div className={cx("pb-integration-card__logo", "pb-skeleton", classNames.logo)} />
        <div className="pb-integration-card__body">
          <div className={cx("pb-skeleton", "pb-skeleton--line", classNames.title)} />
          <div className={cx("pb-skeleton", "pb-skeleton--text", classNames.description)} />
        </div>
      </article>
    );
  }

  if (query.isError) {
    return (
      <article {...rootProps} data-state="error">
        <div role="alert" className="pb-integration-card__body">
          <p className={cx("pb-integration-card__title", classNames.title)}>
            {strings.loadIntegrationsFailed}
          </p>
          <p className={cx("pb-integration-card__description", classNames.description)}>
            {query.error.message}
          </p>
        </div>
        <RetryButton onClick={() => void query.refetch()} />
      </article>
    );
  }

  const integration = query.data.find((entry) => entry.id === provider);
  if (!integration) {
    return (
      <article {...rootProps} data-state="error">
        <p role="alert" className={cx("pb-integration-card__description", classNames.description)}>
          {strings.unknownIntegration(provider)}
        </p>
      </article>
    );
  }

  return <LoadedCard integration={integration} rootProps={rootProps} classNames={classNames} />;
}

function LoadedCard({
  integration,
  rootProps,
  classNames,
}: {
  integration: Integration;
  rootProps: ReturnType<typeof useRootProps>;
  classNames: Partial<Record<IntegrationCardPart, string>>;
}) {
  const strings = useStrings();
  const titleId = useId();
  // The server marks an installation `error` once the provider stops accepting its tokens, and
  // `disconnected` when the app was removed on the provider's side (Slack's app_uninstalled).
  const broken = integration.installations.find(
    (installation) => installation.status === "error" || installation.status === "disconnected",
  );
  const state: IntegrationCardState = broken
    ? "needs-reconnect"
    : integration.installed
      ? "installed"
      : integration.available
        ? "available"
        : "unavailable";
  useEffect(() => {
    // For the host's developers, not its users: the card itself only says "Not available".
    if (state === "unavailable") {
      console.info(
        `Plugboard: ${integration.name} is not available here. Configure ${
          // The importer has its own option; OAuth integrations are providers.
          integration.auth === "import" ? "jiraImport" : `providers["${integration.id}"]`
        } in createPlugboard() to offer it.`,
      );
    }
  }, [state, integration.id, integration.name, integration.auth]);
  const statusText = {
    // An importer is never "installed": it is ready to run an import, or not available.
    available: integration.auth === "import" ? strings.readyToImport : strings.notInstalled,
    unavailable: strings.notAvailable,
    installed: strings.installed,
    "needs-reconnect": strings.needsReconnect,
  };
  const description = {
    ...integration.description,
    unavailable: integration.description.available,
    "needs-reconnect":
      broken?.status === "disconnected"
        ? strings.disconnectedDescription(integration.name)
        : strings.needsReconnectDescription(integration.name),
  };
  const connection = integration.installations.find(
    (installation) => installation.externalAccountName,
  );
  const account = connection?.externalAccountName;
  return (
    <article {...rootProps} aria-labelledby={titleId} data-state={state}>
      <img
        className={cx("pb-integration-card__logo", classNames.logo)}
        src={integration.logo}
        alt=""
        width={48}
        height={48}
      />
      <div className="pb-integration-card__body">
        <div className="pb-integration-card__heading">
          <h3 id={titleId} className={cx("pb-integration-card__title", classNames.title)}>
            {integration.name}
          </h3>
          <span className={cx("pb-integration-card__status", classNames.status)} data-state={state}>
            {state === "installed" && <SuccessIcon className="pb-integration-card__check" />}
            {statusText[state]}
          </span>
        </div>
        <p className={cx("pb-integration-card__description", classNames.description)}>
          {description[state]}
        </p>
        <p className={cx("pb-integration-card__meta", classNames.meta)}>
          <span className="pb-integration-card__category">
            {strings.categories[integration.category]}
          </span>
          {account && (
            <span className="pb-integration-card__account">
              {" · "}
              {/* Removed on the provider's side: it names the account, but connects nothing. */}
              {connection?.status === "disconnected"
                ? strings.wasConnectedAs(account)
                : strings.connectedAs(account)}
            </span>
          )}
        </p>
        <IntegrationActions
          integration={integration}
          state={state}
          broken={broken}
          className={classNames.actions}
          errorClassName={classNames.error}
        />
      </div>
    </article>
  );
}
