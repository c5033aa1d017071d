import { inputs } from "../../contracts/kms";
import { toBase64 } from "../../core/encoding";
import { AwsServiceError } from "../../core/errors";
import { defineOperation } from "../../core/operation";
import { DAY } from "../../core/time";
import { authorizeKey } from "../access";
import { kmsErrors } from "../errors";
import {
  checkMaterialLength,
  checkWrapping,
  EXPIRE_MATERIAL_EVENT,
  importedMaterialId,
  issueImportParameters,
  materialResource,
  parametersOfToken,
  pendingMaterial,
  removeMaterial,
  requireExternalOrigin,
  requireSymmetricImport,
  unwrapMaterial,
} from "../imported-material";
import { resolveKey } from "../key-ids";
import { nextKeyState, stepKey } from "../key.machine";
import { currentMaterial } from "../materials";
import type { ExpirationModel, KeyMaterial, KmsKeyRecord } from "../state";
import { seconds } from "../store";

/**
 * Importing key material (BYOK): GetParametersForImport, ImportKeyMaterial,
 * DeleteImportedKeyMaterial, and expiry at ValidTo (a scheduled event,
 * imported-material.ts has the model). A symmetric key can also take new
 * material for an on-demand rotation (ImportType NEW_KEY_MATERIAL, then
 * RotateKeyOnDemand).
 */

const KEY_RESOURCE = "AWS::KMS::Key";
/** "The maximum value is 365 days from the request date." (ImportKeyMaterial API reference, ValidTo) */
const MAX_VALIDITY_DAYS = 365;

export const getParametersForImport = defineOperation({
  name: "GetParametersForImport",
  input: inputs.GetParametersForImport,
  readOnly: false,
  sensitive: { response: ["ImportToken", "PublicKey"] },
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "GetParametersForImport", context: { "kms:WrappingAlgorithm": input.WrappingAlgorithm, "kms:WrappingKeySpec": input.WrappingKeySpec } });
    requireExternalOrigin(key);
    stepKey(key, "key.importMaterial");
    checkWrapping(input.WrappingAlgorithm, input.WrappingKeySpec);
    const { parameters, publicKey } = issueImportParameters(ctx, key, input.WrappingAlgorithm, input.WrappingKeySpec);
    return { KeyId: key.arn, ImportToken: parameters.token, PublicKey: toBase64(publicKey), ParametersValidTo: seconds(parameters.validTo) };
  },
});

export const importKeyMaterial = defineOperation({
  name: "ImportKeyMaterial",
  input: inputs.ImportKeyMaterial,
  readOnly: false,
  sensitive: { request: ["ImportToken", "EncryptedKeyMaterial"] },
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    const expirationModel = input.ExpirationModel ?? "KEY_MATERIAL_EXPIRES";
    authorizeKey(ctx, key, {
      operation: "ImportKeyMaterial",
      context: { "kms:ExpirationModel": expirationModel, ...(input.ValidTo !== undefined ? { "kms:ValidTo": input.ValidTo } : {}) },
    });
    requireExternalOrigin(key);
    const next = nextKeyState(key, "key.importMaterial");
    requireSymmetricImport(key);
    const validTo = checkExpiration(ctx.now, expirationModel, input.ValidTo);
    const parameters = parametersOfToken(ctx, key, input.ImportToken);
    const bytes = unwrapMaterial(parameters, input.EncryptedKeyMaterial);
    checkMaterialLength(bytes);
    const id = importedMaterialId(key, bytes);
    const imported = { importState: "IMPORTED" as const, expirationModel, ...(validTo !== undefined ? { validTo } : {}), ...(input.KeyMaterialDescription !== undefined ? { description: input.KeyMaterialDescription } : {}) };
    // Without ImportType, a key that never had material takes new material; one that had takes it back.
    const importType = input.ImportType ?? (key.materials.length === 0 ? "NEW_KEY_MATERIAL" : "EXISTING_KEY_MATERIAL");

    let material: KeyMaterial;
    if (importType === "NEW_KEY_MATERIAL") {
      material = newMaterialVersion(ctx.now, key, id, bytes, imported);
    } else {
      const wanted = input.KeyMaterialId ?? currentMaterial(key)?.id;
      const existing = key.materials.find((candidate) => candidate.id === wanted);
      // NOTE: the messages are the sandbox's; IncorrectKeyMaterialException is AWS's exception for material that is not the one imported before.
      if (!existing) throw kmsErrors.validation(wanted === undefined ? "The KMS key has no key material to reimport; use ImportType NEW_KEY_MATERIAL." : `Key material ${wanted} does not exist in this KMS key.`);
      if (existing.id !== id) throw new AwsServiceError("IncorrectKeyMaterialException", "The key material in the request is not the key material that was previously imported into this KMS key.");
      material = existing;
      material.secret = toBase64(bytes);
      material.imported = { ...imported, ...(existing.imported?.pendingRotation ? { pendingRotation: true } : {}) };
    }
    ctx.cancelScheduled(EXPIRE_MATERIAL_EVENT, materialResource(key, material.id));
    if (validTo !== undefined) ctx.schedule({ kind: EXPIRE_MATERIAL_EVENT, at: validTo, resource: materialResource(key, material.id), accountId: key.accountId, region: key.region });
    // Only the current material decides whether the key can be used.
    if (key.materials[key.currentMaterial] === material) key.state = next;
    return { KeyId: key.arn, KeyMaterialId: material.id };
  },
});

/** ValidTo: required when the material expires, in the future, at most a year ahead. */
function checkExpiration(now: number, model: ExpirationModel, validTo: number | undefined): number | undefined {
  if (model === "KEY_MATERIAL_DOES_NOT_EXPIRE") {
    // NOTE: the message is the sandbox's ("ValidTo ... is required only when ExpirationModel is KEY_MATERIAL_EXPIRES").
    if (validTo !== undefined) throw kmsErrors.validation("ValidTo can be set only if the ExpirationModel is KEY_MATERIAL_EXPIRES");
    return undefined;
  }
  // AWS's message (LocalStack snapshot test_import_key_symmetric, "import-expiring-key-without-valid-to").
  if (validTo === undefined) throw kmsErrors.validation("A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES");
  const at = validTo * 1000;
  // NOTE: the messages are the sandbox's; the limits are the API reference's.
  if (at <= now) throw kmsErrors.validation("ValidTo must be a date and time in the future.");
  if (at > now + MAX_VALIDITY_DAYS * DAY) throw kmsErrors.validation(`ValidTo must be at most ${MAX_VALIDITY_DAYS} days from now.`);
  return at;
}

/** NEW_KEY_MATERIAL: the first material of a key, or a version waiting for RotateKeyOnDemand. */
function newMaterialVersion(now: number, key: KmsKeyRecord, id: string, bytes: Uint8Array, imported: NonNullable<KeyMaterial["imported"]>): KeyMaterial {
  const pending = pendingMaterial(key);
  if (pending) {
    // AWS's message (LocalStack snapshot test_import_key_material_raises_if_there_is_already_key_material_pending).
    throw new AwsServiceError("KMSInvalidStateException", `New key material (id: ${id}) cannot be imported into KMS key ${key.keyId}, because another key material (id: ${pending.id}) is pending rotation.`);
  }
  // NOTE: the message is the sandbox's: material already in the key can only be reimported.
  if (key.materials.some((material) => material.id === id)) throw kmsErrors.validation(`Key material ${id} is already in this KMS key; reimport it with ImportType EXISTING_KEY_MATERIAL.`);
  const material: KeyMaterial = { id, secret: toBase64(bytes), createdAt: now, imported: key.materials.length === 0 ? imported : { ...imported, pendingRotation: true } };
  key.materials.push(material);
  if (key.materials.length === 1) key.currentMaterial = 0;
  return material;
}

export const deleteImportedKeyMaterial = defineOperation({
  name: "DeleteImportedKeyMaterial",
  input: inputs.DeleteImportedKeyMaterial,
  readOnly: false,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "DeleteImportedKeyMaterial" });
    requireExternalOrigin(key);
    const material = input.KeyMaterialId === undefined ? currentMaterial(key) : key.materials.find((candidate) => candidate.id === input.KeyMaterialId);
    // NOTE: the messages are the sandbox's.
    if (!material) throw input.KeyMaterialId === undefined ? new AwsServiceError("KMSInvalidStateException", `${key.arn} is pending import.`) : new AwsServiceError("NotFoundException", `Key material ${input.KeyMaterialId} does not exist in this KMS key.`);
    removeMaterial(key, material);
    ctx.cancelScheduled(EXPIRE_MATERIAL_EVENT, materialResource(key, material.id));
    return { KeyId: key.arn, KeyMaterialId: material.id };
  },
});
