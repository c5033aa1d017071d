import type { OperationSpec, ServiceSpec } from "../core/operation";
import type * as z from "zod";
import { createAlias, deleteAlias, listAliases, updateAlias } from "./operations/aliases";
import { decrypt, encrypt, generateDataKeyOperation, generateDataKeyPairOperation, generateDataKeyPairWithoutPlaintext, generateDataKeyWithoutPlaintext, generateRandom, reEncrypt } from "./operations/crypto";
import { cancelKeyDeletion, createKey, describeKey, disableKey, enableKey, listKeys, scheduleKeyDeletion, updateKeyDescription } from "./operations/keys";
import { createGrant, listGrants, listRetirableGrants, retireGrant, revokeGrant } from "./operations/grants";
import { generateMac, verifyMac } from "./operations/mac";
import { getKeyPolicy, listKeyPolicies, putKeyPolicy } from "./operations/policies";
import { disableKeyRotation, enableKeyRotation, getKeyRotationStatus, listKeyRotations, rotateKeyOnDemand } from "./operations/rotation";
import { getPublicKey, signOperation, verifyOperation } from "./operations/signing";
import { listResourceTags, tagResource, untagResource } from "./operations/tags";
import { deleteImportedKeyMaterial, getParametersForImport, importKeyMaterial } from "./operations/import";
import { replicateKey, updatePrimaryRegion } from "./operations/multi-region";
import { kmsScheduledHandlers } from "./scheduled";

/**
 * AWS Key Management Service, simulated: keys and their lifecycle
 * (key.machine.ts), key material rotation (rotation.machine.ts), aliases,
 * key policies, real AES-256-GCM, ECDSA/RSA signatures and HMAC, and the AWS
 * managed keys of Parameter Store and Secrets Manager. Other services use it
 * through kms/client.ts.
 */
const operations: OperationSpec<z.ZodType>[] = [
  generateDataKeyPairOperation,
  generateDataKeyPairWithoutPlaintext,
  createGrant,
  listGrants,
  listRetirableGrants,
  retireGrant,
  revokeGrant,
  createKey,
  describeKey,
  listKeys,
  updateKeyDescription,
  enableKey,
  disableKey,
  scheduleKeyDeletion,
  cancelKeyDeletion,
  createAlias,
  updateAlias,
  deleteAlias,
  listAliases,
  encrypt,
  decrypt,
  reEncrypt,
  generateDataKeyOperation,
  generateDataKeyWithoutPlaintext,
  generateRandom,
  enableKeyRotation,
  disableKeyRotation,
  getKeyRotationStatus,
  rotateKeyOnDemand,
  listKeyRotations,
  getKeyPolicy,
  putKeyPolicy,
  listKeyPolicies,
  signOperation,
  verifyOperation,
  getPublicKey,
  generateMac,
  verifyMac,
  tagResource,
  untagResource,
  listResourceTags,
  getParametersForImport,
  importKeyMaterial,
  deleteImportedKeyMaterial,
  replicateKey,
  updatePrimaryRegion,
] as unknown as OperationSpec<z.ZodType>[];

export const kmsService: ServiceSpec = {
  id: "kms",
  eventSource: "kms.amazonaws.com",
  errorMessageKey: "message",
  operations: Object.fromEntries(operations.map((operation) => [operation.name, operation])),
  scheduledHandlers: kmsScheduledHandlers,
};
