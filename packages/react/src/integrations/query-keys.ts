export const integrationKeys = {
  all: ["plugboard", "integrations"] as const,
};
