export const ssoKeys = {
  all: ["plugboard", "sso"] as const,
  connections: () => [...ssoKeys.all, "connections"] as const,
  domains: () => [...ssoKeys.all, "domains"] as const,
  attempts: () => [...ssoKeys.all, "attempts"] as const,
  policy: () => [...ssoKeys.all, "policy"] as const,
};
