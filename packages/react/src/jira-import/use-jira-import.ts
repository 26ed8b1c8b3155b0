import type {
  CreateJiraCloudSourceInput,
  CsvSourceQuery,
  JiraImportRun,
  JiraPreviewInput,
  StartJiraImportInput,
} from "@plugboard/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { usePlugboard } from "../provider/plugboard-provider";
import { jiraImportKeys } from "./query-keys";

/** The Jira sources connected before (Cloud sites, uploaded exports), to import from again. */
export function useJiraSources() {
  const { client, queryClient } = usePlugboard();
  return useQuery(
    {
      queryKey: jiraImportKeys.sources(),
      queryFn: ({ signal }) => client.jiraImport.sources({ signal }),
    },
    queryClient,
  );
}

/** The host's projects to import into and its users to map Jira's people to. */
export function useJiraHostTargets() {
  const { client, queryClient } = usePlugboard();
  return useQuery(
    {
      queryKey: jiraImportKeys.host(),
      queryFn: ({ signal }) => client.jiraImport.host({ signal }),
    },
    queryClient,
  );
}

/** The Jira projects one source holds. */
export function useJiraProjects(sourceId: string) {
  const { client, queryClient } = usePlugboard();
  return useQuery(
    {
      queryKey: jiraImportKeys.projects(sourceId),
      queryFn: ({ signal }) => client.jiraImport.projects(sourceId, { signal }),
    },
    queryClient,
  );
}

export function useConnectJiraCloud() {
  const { client, queryClient } = usePlugboard();
  return useMutation(
    {
      mutationFn: (input: CreateJiraCloudSourceInput) => client.jiraImport.connectCloud(input),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: jiraImportKeys.sources() }),
    },
    queryClient,
  );
}

export function useUploadJiraCsv() {
  const { client, queryClient } = usePlugboard();
  return useMutation(
    {
      mutationFn: ({ file, query }: { file: Blob; query: CsvSourceQuery }) =>
        client.jiraImport.uploadCsv(file, query),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: jiraImportKeys.sources() }),
    },
    queryClient,
  );
}

/** A dry run: what the source holds, a suggested mapping, and the report. Nothing is written. */
export function useJiraPreview() {
  const { client, queryClient } = usePlugboard();
  return useMutation(
    { mutationFn: (input: JiraPreviewInput) => client.jiraImport.preview(input) },
    queryClient,
  );
}

export function useStartJiraImport() {
  const { client, queryClient } = usePlugboard();
  return useMutation(
    {
      mutationFn: (input: StartJiraImportInput) => client.jiraImport.start(input),
      onSuccess: (run) => queryClient.setQueryData(jiraImportKeys.run(run.id), run),
    },
    queryClient,
  );
}

const settled = (run: JiraImportRun | undefined) =>
  run !== undefined && ["succeeded", "failed", "cancelled"].includes(run.status);

/** One import run, asked again every `pollInterval` until it has finished one way or another. */
export function useJiraImportRun(runId: string) {
  const { client, queryClient, pollInterval } = usePlugboard();
  return useQuery(
    {
      queryKey: jiraImportKeys.run(runId),
      queryFn: ({ signal }) => client.jiraImport.run(runId, { signal }),
      refetchInterval: ({ state }) => (settled(state.data) ? false : pollInterval),
    },
    queryClient,
  );
}

export function useCancelJiraImport() {
  const { client, queryClient } = usePlugboard();
  return useMutation(
    {
      mutationFn: (runId: string) => client.jiraImport.cancel(runId),
      onSuccess: (run) => queryClient.setQueryData(jiraImportKeys.run(run.id), run),
    },
    queryClient,
  );
}
