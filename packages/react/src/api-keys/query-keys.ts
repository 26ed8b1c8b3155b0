export const apiKeyKeys = {
  all: ["plugboard", "api-keys"] as const,
  usage: (id: string, range: string) => ["plugboard", "api-keys", id, "usage", range] as const,
};
