import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ExternalLinkIcon } from "../icons/icons";
import { useIntegrations } from "../integrations/use-integrations";
import { GuardedButton } from "../parts/guarded-button";
import { IntegrationPanel } from "../parts/integration-panel";
import { Select } from "../parts/select";
import { useNotify } from "../parts/toast";
import { usePlugboard, useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { githubKeys } from "./query-keys";

export type LinkedRepositoriesPart = "links" | "form" | "references" | "error";

export interface LinkedRepositoriesProps {
  /** The host's project id the repositories are linked to. */
  projectId: string;
  /** How many recent pull requests and commits to show. Default 10. */
  referenceLimit?: number;
  className?: string;
  classNames?: Partial<Record<LinkedRepositoriesPart, string>>;
}

/**
 * GitHub repositories linked to one project (link and unlink them), and the recent pull requests
 * and commits of those repositories that mention the project's issues.
 */
export function LinkedRepositories({
  projectId,
  referenceLimit = 10,
  className,
  classNames = {},
}: LinkedRepositoriesProps) {
  const strings = useStrings();
  const notify = useNotify();
  const { client, queryClient } = usePlugboard();
  const selectId = useId();
  const [selected, setSelected] = useState("");
  const integrations = useIntegrations();
  const github = integrations.data?.find((entry) => entry.id === "github");
  const installed = github?.installed === true;

  const links = useQuery(
    {
      queryKey: githubKeys.links(projectId),
      queryFn: ({ signal }) => client.github.links(projectId, { signal }).then((r) => r.data),
      enabled: installed,
    },
    queryClient,
  );
  const repositories = useQuery(
    {
      queryKey: githubKeys.repositories(),
      queryFn: ({ signal }) => client.github.repositories({ signal }).then((r) => r.data),
      enabled: installed && github?.permissions.uninstall === true,
    },
    queryClient,
  );
  const references = useQuery(
    {
      queryKey: githubKeys.references(projectId),
      queryFn: ({ signal }) =>
        client.github
          .references({ projectId, limit: referenceLimit }, { signal })
          .then((r) => r.data),
      enabled: installed,
    },
    queryClient,
  );
  const refreshLinks = () =>
    queryClient.invalidateQueries({ queryKey: githubKeys.links(projectId) });
  const link = useMutation(
    {
      mutationFn: (repository: string) => client.github.link({ projectId, repository }),
      onSuccess: async (_link, repository) => {
        setSelected("");
        await refreshLinks();
        notify(strings.outcomes.repositoryLinked(repository));
      },
    },
    queryClient,
  );
  const unlink = useMutation(
    {
      mutationFn: ({ id }: { id: string; fullName: string }) => client.github.unlink(id),
      onSuccess: async (_result, { fullName }) => {
        await refreshLinks();
        notify(strings.outcomes.repositoryUnlinked(fullName));
      },
    },
    queryClient,
  );

  const canManage = github?.permissions.uninstall === true;
  const denied = canManage ? null : strings.manageLinksNeedsAdmin;
  const linkedIds = new Set(links.data?.map((entry) => entry.repositoryId));
  const available = (repositories.data ?? []).filter((repo) => !linkedIds.has(repo.id));
  const mutationError = link.error ?? unlink.error ?? repositories.error;

  return (
    <IntegrationPanel
      block="pb-linked-repos"
      title={strings.linkedRepositories}
      className={className}
      errorClassName={classNames.error}
      loading={integrations.isPending || (installed && links.isPending)}
      loadingLabel={strings.loadingRepositories}
      error={integrations.error ?? links.error}
      data={installed ? links.data : undefined}
      connectFirst={strings.installGitHubFirst}
    >
      {(linked, headingId) => (
        <>
          {linked.length === 0 ? (
            <p className="pb-linked-repos__muted">{strings.noLinkedRepositories}</p>
          ) : (
            <ul
              aria-labelledby={headingId}
              className={cx("pb-linked-repos__list", classNames.links)}
            >
              {linked.map((entry) => (
                <li key={entry.id} className="pb-linked-repos__item">
                  <span>{entry.repositoryFullName}</span>
                  <GuardedButton
                    denied={denied}
                    busy={unlink.isPending}
                    className="pb-button"
                    aria-label={strings.unlinkRepository(entry.repositoryFullName)}
                    onClick={() =>
                      unlink.mutate({ id: entry.id, fullName: entry.repositoryFullName })
                    }
                  >
                    ✕
                  </GuardedButton>
                </li>
              ))}
            </ul>
          )}
          {canManage && (
            <form
              className={cx("pb-linked-repos__form", classNames.form)}
              onSubmit={(event) => {
                event.preventDefault();
                if (selected) link.mutate(selected);
              }}
            >
              <label htmlFor={selectId}>{strings.repository}</label>
              <Select
                id={selectId}
                value={selected}
                placeholder={strings.chooseRepository}
                disabled={repositories.isPending}
                onValueChange={setSelected}
                options={available.map((repo) => ({ value: repo.fullName, label: repo.fullName }))}
              />
              <button
                type="submit"
                className="pb-button pb-button--primary"
                disabled={!selected || link.isPending}
                aria-busy={link.isPending || undefined}
              >
                {link.isPending ? strings.linking : strings.linkRepository}
              </button>
            </form>
          )}
          {!canManage && denied && (
            <p className="pb-linked-repos__muted">{strings.manageLinksNeedsAdmin}</p>
          )}
          {mutationError && (
            <p role="alert" className={cx("pb-error", classNames.error)}>
              {mutationError.message}
            </p>
          )}
          <h4 className="pb-linked-repos__subtitle">{strings.recentActivity}</h4>
          {references.isPending ? (
            <p className="pb-linked-repos__muted" aria-busy="true">
              {strings.loadingActivity}
            </p>
          ) : references.data && references.data.length > 0 ? (
            <ul
              aria-label={strings.recentActivity}
              className={cx("pb-linked-repos__references", classNames.references)}
            >
              {references.data.map((ref) => (
                <li key={ref.id} className="pb-linked-repos__reference" data-state={ref.state}>
                  <span className="pb-badge">{ref.issueKey}</span>{" "}
                  <a href={ref.url} target="_blank" rel="noreferrer">
                    {ref.repositoryFullName} {ref.label}: {ref.title}
                    <ExternalLinkIcon />
                  </a>{" "}
                  <span className="pb-linked-repos__muted">
                    {strings.referenceStates[ref.state]}
                    {ref.author ? ` · ${ref.author}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="pb-linked-repos__muted">
              {references.isError ? references.error.message : strings.noRecentActivity}
            </p>
          )}
        </>
      )}
    </IntegrationPanel>
  );
}
