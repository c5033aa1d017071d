import type { ServiceSpec } from "../core/operation";
import { getRandomPassword } from "./operations/password";
import { deleteResourcePolicy, getResourcePolicy, putResourcePolicy, validateResourcePolicy } from "./operations/policy";
import { replicateSecretToRegions } from "./operations/replication";
import { cancelRotateSecret, rotateSecret } from "./operations/rotation";
import { createSecret, deleteSecret, describeSecret, listSecrets, restoreSecret, updateSecret } from "./operations/secrets";
import { tagResource, untagResource } from "./operations/tags";
import { batchGetSecretValue, getSecretValue, listSecretVersionIds, putSecretValue, updateSecretVersionStage } from "./operations/versions";
import { scheduledHandlers } from "./scheduled";

/**
 * AWS Secrets Manager, simulated: secrets encrypted for real under KMS keys,
 * versions and staging labels, rotation through simulated Lambda functions
 * against simulated databases, deletion with a recovery window, resource
 * policies and tags. See the README's "Secrets Manager" simplifications.
 */
const operations = [
  createSecret,
  describeSecret,
  getSecretValue,
  batchGetSecretValue,
  putSecretValue,
  updateSecret,
  listSecrets,
  listSecretVersionIds,
  updateSecretVersionStage,
  rotateSecret,
  cancelRotateSecret,
  deleteSecret,
  restoreSecret,
  getRandomPassword,
  putResourcePolicy,
  getResourcePolicy,
  deleteResourcePolicy,
  validateResourcePolicy,
  tagResource,
  untagResource,
  replicateSecretToRegions,
];

export const secretsManagerService: ServiceSpec = {
  id: "secretsmanager",
  eventSource: "secretsmanager.amazonaws.com",
  errorMessageKey: "Message",
  operations: Object.fromEntries(operations.map((operation) => [operation.name, operation])),
  scheduledHandlers,
};

export { rotationMachine } from "./rotation.machine";
export { secretLifecycleMachine } from "./secret.machine";
