/**
 * The sandbox's `aws` command (AWS CLI v2 behaviour over the engine), its
 * tab completion, and the list of simulated operations for the site.
 */
export { runAwsCli } from "./run";
export { completeAwsCli } from "./complete";
export { supportedOperations, serviceSimplifications, type OperationSupport } from "./catalog";
export type { AwsCliContext, CommandResult, RunAwsCli } from "./types";
