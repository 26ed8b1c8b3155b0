export { isPlugboardError, PlugboardError } from "@plugboard/core";
export {
  createPlugboardClient,
  type PlugboardClient,
  type PlugboardClientOptions,
} from "./create-client";
export type { ReferenceQuery } from "./resources/github";
export type { CallOptions } from "./transport";
