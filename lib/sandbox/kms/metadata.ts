import type { WireObject } from "../core/operation";
import { encryptionAlgorithmsFor, macAlgorithmsFor, signingAlgorithmsFor } from "./key-specs";
import { keyStateOf } from "./key.machine";
import { currentMaterial } from "./materials";
import { multiRegionConfiguration } from "./multi-region";
import type { KmsKeyRecord } from "./state";
import { seconds } from "./store";

/**
 * KeyMetadata as CreateKey and DescribeKey return it, members in the API
 * model's order, absent members omitted. Encryption keys list
 * EncryptionAlgorithms, signing keys SigningAlgorithms, HMAC keys
 * MacAlgorithms.
 */
export function keyMetadata(key: KmsKeyRecord): WireObject {
  const keyState = keyStateOf(key.state);
  const material = currentMaterial(key);
  // Imported material shows its expiry while KMS holds it (recorded: absent before the import and after deletion).
  const imported = material?.imported?.importState === "IMPORTED" ? material.imported : undefined;
  return compact({
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: seconds(key.createdAt),
    Enabled: keyState === "Enabled",
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: keyState,
    DeletionDate: key.deletionDate === undefined ? undefined : seconds(key.deletionDate),
    ValidTo: imported?.validTo === undefined ? undefined : seconds(imported.validTo),
    Origin: key.origin,
    ExpirationModel: imported?.expirationModel,
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    EncryptionAlgorithms: key.keyUsage === "ENCRYPT_DECRYPT" ? encryptionAlgorithmsFor(key.keySpec) : undefined,
    SigningAlgorithms: key.keyUsage === "SIGN_VERIFY" ? signingAlgorithmsFor(key.keySpec) : undefined,
    MultiRegion: key.multiRegion !== undefined,
    MultiRegionConfiguration: multiRegionConfiguration(key),
    MacAlgorithms: key.keyUsage === "GENERATE_VERIFY_MAC" ? macAlgorithmsFor(key.keySpec) : undefined,
    CurrentKeyMaterialId: material && key.keySpec === "SYMMETRIC_DEFAULT" ? material.id : undefined,
  });
}

/** Drops undefined members (the wire format omits them rather than sending null). */
export function compact(object: WireObject): WireObject {
  const out: WireObject = {};
  for (const [name, value] of Object.entries(object)) if (value !== undefined) out[name] = value;
  return out;
}
