import type { ServiceSpec } from "../core/operation";

// Placeholder until the service's operations are implemented.
export const ssmService: ServiceSpec = {
  id: "ssm",
  eventSource: "ssm.amazonaws.com",
  errorMessageKey: "message",
  operations: {},
};
