export const accountLinkKeys = {
  all: ["plugboard", "account-links"] as const,
  list: (scope: "mine" | "organization") => [...accountLinkKeys.all, scope] as const,
};
