/**
 * `@plugboard/core/routes`: the part of core a browser loads, without zod. Every contract as a
 * route (method and path, typed from the contract's schemas), the error type, and the plain
 * values the components show. Types come from anywhere in core (`import type`); values a browser
 * needs come from here, or the bundle carries zod again.
 */

export { defaultRotationGraceSeconds } from "../api-keys/rotation";
export { apiKeyScopes, hasScopes, missingScopes } from "../api-keys/scopes";
export type {
  Contract,
  ContractInput,
  ContractResponse,
  HttpMethod,
  PathParamNames,
  PathParams,
} from "../contracts/contract";
export { contractPath } from "../contracts/path";
export { type ErrorCode, errorCodes, errorTable } from "../errors/codes";
export { isPlugboardError, PlugboardError } from "../errors/plugboard-error";
export type { FieldError, Problem } from "../errors/problem";
export { isProblem, problemContentType, problemType } from "../errors/problem-type";
export { isOAuthMessage, oauthErrorCodes, oauthMessageType } from "../oauth/message";
export { roles } from "../roles";
export { slackNotificationEvents } from "../slack/notification-events";
export { isSsoTestMessage, ssoProtocols, ssoTestMessageType } from "../sso/values";
export { webhookDestinationHosts, webhookDestinations } from "../webhooks/destinations";
export { webhookEvents, webhookEventsByResource } from "../webhooks/events";
export { defaultWebhookSecretGraceSeconds } from "../webhooks/secret-rotation";
export { accountLinkRoutes } from "./account-links";
export { apiKeyRoutes } from "./api-keys";
export { githubRoutes } from "./github";
export { googleCalendarRoutes } from "./google-calendar";
export { integrationRoutes } from "./integrations";
export { jiraImportRoutes } from "./jira-import";
export type { Route, RoutePath } from "./route";
export { slackRoutes } from "./slack";
export { ssoRoutes } from "./sso";
export { webhookRoutes } from "./webhooks";
