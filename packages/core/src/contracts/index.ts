export { accountLinkContracts } from "./account-links";
export { apiKeyContracts } from "./api-keys";
export {
  type Contract,
  type ContractBody,
  type ContractInput,
  type ContractQuery,
  type ContractReply,
  type ContractResponse,
  defineContract,
  type HttpMethod,
  type PathParamNames,
  type PathParams,
} from "./contract";
export { githubContracts } from "./github";
export { googleCalendarContracts } from "./google-calendar";
export { integrationContracts } from "./integrations";
export { jiraImportContracts } from "./jira-import";
export { contractPath } from "./path";
export { slackContracts } from "./slack";
export { ssoContracts } from "./sso";
export { webhookContracts } from "./webhooks";
