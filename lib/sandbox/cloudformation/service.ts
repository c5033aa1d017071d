import type { ServiceSpec } from "../core/operation";

/** CloudFormation: no operations yet (the next commit adds them). */
export const cloudFormationService: ServiceSpec = {
  id: "cloudformation",
  eventSource: "cloudformation.amazonaws.com",
  errorMessageKey: "message",
  operations: {},
};
