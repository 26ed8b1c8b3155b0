export const githubKeys = {
  all: ["plugboard", "github"] as const,
  repositories: () => [...githubKeys.all, "repositories"] as const,
  links: (projectId: string) => [...githubKeys.all, "links", projectId] as const,
  references: (projectId: string) => [...githubKeys.all, "references", projectId] as const,
};
