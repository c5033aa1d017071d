import type { ServiceSpec } from "../core/operation";

// Placeholder until the service's operations are implemented.
export const kmsService: ServiceSpec = {
  id: "kms",
  eventSource: "kms.amazonaws.com",
  errorMessageKey: "message",
  operations: {},
};
