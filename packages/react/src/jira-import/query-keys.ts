export const jiraImportKeys = {
  all: ["plugboard", "jira-import"] as const,
  sources: () => [...jiraImportKeys.all, "sources"] as const,
  host: () => [...jiraImportKeys.all, "host"] as const,
  projects: (sourceId: string) => [...jiraImportKeys.all, "projects", sourceId] as const,
  run: (runId: string) => [...jiraImportKeys.all, "runs", runId] as const,
};
