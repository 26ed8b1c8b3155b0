export {
  createGitHubSimulation,
  type GitHubSimulation,
  type GitHubSimulationOptions,
  simulatedRepository,
} from "@plugboard/provider-simulators";
export { fixtureApiKeys, fixtureApiKeyUsage, seedApiKeys } from "./api-key-fixtures";
export { fixtureIdentities, fixtureInstallations } from "./fixtures";
export {
  fixtureCalendarSyncId,
  fixtureGoogleInstallationId,
  type GoogleCalendarFixture,
  seedGoogleCalendar,
} from "./google-calendar-fixtures";
export {
  mockPlugboardHandlers,
  plugboardErrorHandlers,
  plugboardHandlers,
  plugboardLoadingHandlers,
} from "./handlers";
export { createJiraHost, fixtureJiraCloud, fixtureJiraIssues } from "./jira-fixtures";
export {
  createMockPlugboard,
  type MockPlugboard,
  type MockPlugboardOptions,
} from "./mock-plugboard";
export { fixtureGitHubToken, fixtureProjectId, seedOAuthFixtures } from "./oauth-fixtures";
export { fixtureSlackToken, type SlackFixture, seedSlackFixtures } from "./slack-fixtures";
export { fixtureSamlCertificates, seedSso } from "./sso-fixtures";
export { fixtureWebhooks, seedWebhooks } from "./webhook-fixtures";
