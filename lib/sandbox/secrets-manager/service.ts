import type { ServiceSpec } from "../core/operation";

// Placeholder until the service's operations are implemented.
export const secretsManagerService: ServiceSpec = {
  id: "secretsmanager",
  eventSource: "secretsmanager.amazonaws.com",
  errorMessageKey: "Message",
  operations: {},
};
