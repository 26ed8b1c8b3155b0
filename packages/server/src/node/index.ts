export {
  type ApiKeyMiddlewareOptions,
  type ApiKeyRequest,
  apiKeyMiddleware,
} from "./api-key-middleware";
export { type NodeHandlerOptions, toNodeHandler } from "./to-node-handler";
