export { isPlugboardError, PlugboardError } from "@plugboard/core/routes";
export {
  createPlugboardClient,
  type PlugboardClient,
  type PlugboardClientOptions,
} from "./create-client";
export type { ReferenceQuery } from "./resources/github";
export type { CallOptions } from "./transport";
