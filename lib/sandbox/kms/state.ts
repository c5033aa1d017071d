import * as z from "zod";
import { inputs } from "../contracts/kms";
import { KEY_SPECS, KEY_USAGES, ORIGINS, type KeySpec, type KeyUsage, type Origin } from "./key-specs";
import { KEY_STATES, PENDING_DELETION_SUBSTATES, type KeyStateValue } from "./key.machine";
import { ROTATION_STATES, type RotationStateValue } from "./rotation.machine";

/**
 * KMS state of one account in one Region, as plain JSON: keys (with their
 * key material versions), aliases. Bytes are base64, times ms since the epoch.
 */

/** The machines' state values (key.machine.ts, rotation.machine.ts): the types and lists come from the machines. */
export type { KeyStateValue } from "./key.machine";
export type { RotationStateValue } from "./rotation.machine";

/** One version of a key's material; the ciphertext blob names it by index. */
export interface KeyMaterial {
  /** KeyMaterialId as AWS shows it: 64 hex characters. */
  id: string;
  /**
   * Symmetric keys: the 32-byte AES key; HMAC keys: the HMAC key; asymmetric keys:
   * a 32-byte seed the key pair is derived from (crypto/signing.ts). Base64.
   * Absent while imported material is deleted or expired (PENDING_IMPORT).
   */
  secret?: string;
  createdAt: number;
  /** How this version came to be; absent for the key's original material. */
  rotationType?: "AUTOMATIC" | "ON_DEMAND";
  /** Material the learner imported (keys with Origin EXTERNAL; see imported-material.ts). */
  imported?: ImportedMaterialInfo;
}

/** The import choices, as the contract (botocore's model) has them. */
const EXPIRATION_MODEL = inputs.ImportKeyMaterial.shape.ExpirationModel.unwrap();
const WRAPPING_ALGORITHM = inputs.GetParametersForImport.shape.WrappingAlgorithm;
const WRAPPING_KEY_SPEC = inputs.GetParametersForImport.shape.WrappingKeySpec;
export type ExpirationModel = z.output<typeof EXPIRATION_MODEL>;

export interface ImportedMaterialInfo {
  /** IMPORTED while KMS holds it; PENDING_IMPORT after DeleteImportedKeyMaterial or expiry, until it is reimported. */
  importState: "IMPORTED" | "PENDING_IMPORT";
  expirationModel: ExpirationModel;
  /** When it expires (KEY_MATERIAL_EXPIRES). */
  validTo?: number;
  description?: string;
  /** Imported as NEW_KEY_MATERIAL into a key that has material: RotateKeyOnDemand makes it current. */
  pendingRotation?: boolean;
}

export type WrappingAlgorithm = z.output<typeof WRAPPING_ALGORITHM>;
export type WrappingKeySpec = z.output<typeof WRAPPING_KEY_SPEC>;

/** What one GetParametersForImport answered: the wrapping key pair (from a seed) and the token naming it. */
export interface ImportParameters {
  /** The import token, base64. */
  token: string;
  wrappingAlgorithm: WrappingAlgorithm;
  wrappingKeySpec: WrappingKeySpec;
  /** 32-byte seed of the wrapping RSA key pair, base64. */
  seed: string;
  validTo: number;
}

export interface KmsTag {
  TagKey: string;
  TagValue: string;
}

export interface KmsKeyRecord {
  keyId: string;
  arn: string;
  accountId: string;
  region: string;
  createdAt: number;
  description: string;
  keyUsage: KeyUsage;
  keySpec: KeySpec;
  origin: Origin;
  keyManager: "CUSTOMER" | "AWS";
  /** Lifecycle state (machine value). */
  state: KeyStateValue;
  deletionDate?: number;
  pendingWindowInDays?: number;
  /** The key policy exactly as stored (AWS returns the text it was given). */
  policy: string;
  tags: KmsTag[];
  rotation: {
    state: RotationStateValue;
    periodInDays: number;
    /** Due time of the next automatic rotation, while automatic rotation is on. */
    nextRotationAt?: number;
    onDemandRotations: number;
  };
  /** Key material versions, oldest first; `currentMaterial` indexes the one that encrypts. Empty until material is first imported. */
  materials: KeyMaterial[];
  currentMaterial: number;
  /** Unexpired answers of GetParametersForImport (keys with Origin EXTERNAL), newest last. */
  importParameters?: ImportParameters[];
  /** Multi-Region keys (multi-region.ts): where the primary is and which Regions hold replicas, the same in every copy. */
  multiRegion?: { primaryRegion: string; replicaRegions: string[] };
}

export interface KmsAliasRecord {
  aliasName: string;
  aliasArn: string;
  targetKeyId: string;
  createdAt: number;
  lastUpdatedAt: number;
}

export interface KmsState {
  keys: Record<string, KmsKeyRecord>;
  aliases: Record<string, KmsAliasRecord>;
  /**
   * Ids of keys whose deletion completed, with when: a blob naming one of them
   * fails with NotFoundException, while a blob naming a key that never existed
   * (a tampered blob) fails with InvalidCiphertextException.
   */
  deletedKeys: Record<string, number>;
  /** Grants on this account's and Region's keys, by grant id (see grants.ts). */
  grants: Record<string, GrantRecord>;
}

export const GRANT_OPERATIONS = [
  "Decrypt",
  "Encrypt",
  "GenerateDataKey",
  "GenerateDataKeyWithoutPlaintext",
  "ReEncryptFrom",
  "ReEncryptTo",
  "Sign",
  "Verify",
  "GetPublicKey",
  "CreateGrant",
  "RetireGrant",
  "DescribeKey",
  "GenerateDataKeyPair",
  "GenerateDataKeyPairWithoutPlaintext",
  "GenerateMac",
  "VerifyMac",
  "DeriveSharedSecret",
] as const;
export type GrantOperation = (typeof GRANT_OPERATIONS)[number];

export interface GrantRecord {
  grantId: string;
  /** The key's id (the key is in the same state). */
  keyId: string;
  name?: string;
  granteePrincipal: string;
  retiringPrincipal?: string;
  operations: GrantOperation[];
  constraints?: { EncryptionContextEquals?: Record<string, string>; EncryptionContextSubset?: Record<string, string> };
  /** The account that created the grant, as an ARN (arn:aws:iam::ACCOUNT:root). */
  issuingAccount: string;
  createdAt: number;
  /** Tokens issued for it (each CreateGrant answers a new one), usable with RetireGrant. */
  tokens: string[];
}

const keyStateValueSchema = z.union([
  z.enum(KEY_STATES.filter((state): state is Exclude<(typeof KEY_STATES)[number], "PendingDeletion" | "Deleted"> => state !== "PendingDeletion" && state !== "Deleted")),
  z.strictObject({ PendingDeletion: z.enum(PENDING_DELETION_SUBSTATES) }),
]);

const materialSchema = z
  .object({
    id: z.string().regex(/^[0-9a-f]{64}$/),
    secret: z.string().min(1).optional(),
    createdAt: z.number(),
    rotationType: z.enum(["AUTOMATIC", "ON_DEMAND"]).optional(),
    imported: z
      .object({
        importState: z.enum(["IMPORTED", "PENDING_IMPORT"]),
        expirationModel: EXPIRATION_MODEL,
        validTo: z.number().optional(),
        description: z.string().optional(),
        pendingRotation: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((material) => material.secret !== undefined || material.imported?.importState === "PENDING_IMPORT", { message: "a key material without its secret must be imported material pending import" });

const importParametersSchema = z
  .object({
    token: z.string().min(1),
    wrappingAlgorithm: WRAPPING_ALGORITHM,
    wrappingKeySpec: WRAPPING_KEY_SPEC,
    seed: z.string().min(1),
    validTo: z.number(),
  })
  .strict();

const keySchema = z
  .object({
    keyId: z.string().regex(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/),
    arn: z.string().startsWith("arn:aws:kms:"),
    accountId: z.string().regex(/^\d{12}$/),
    region: z.string(),
    createdAt: z.number(),
    description: z.string(),
    keyUsage: z.enum(KEY_USAGES),
    keySpec: z.enum(KEY_SPECS),
    origin: z.enum(ORIGINS),
    keyManager: z.enum(["CUSTOMER", "AWS"]),
    state: keyStateValueSchema,
    deletionDate: z.number().optional(),
    pendingWindowInDays: z.number().int().optional(),
    policy: z.string(),
    tags: z.array(z.strictObject({ TagKey: z.string(), TagValue: z.string() }).strict()),
    rotation: z
      .object({
        state: z.enum(ROTATION_STATES),
        periodInDays: z.number().int(),
        nextRotationAt: z.number().optional(),
        onDemandRotations: z.number().int().nonnegative(),
      })
      .strict(),
    materials: z.array(materialSchema),
    currentMaterial: z.number().int().nonnegative(),
    importParameters: z.array(importParametersSchema).optional(),
    multiRegion: z.strictObject({ primaryRegion: z.string(), replicaRegions: z.array(z.string()) }).strict().optional(),
  })
  .strict()
  .refine((key) => key.materials.length === 0 || key.currentMaterial < key.materials.length, { message: "currentMaterial points past the key's materials" });

const grantSchema = z
  .object({
    grantId: z.string().regex(/^[0-9a-f]{64}$/),
    keyId: z.string(),
    name: z.string().optional(),
    granteePrincipal: z.string(),
    retiringPrincipal: z.string().optional(),
    operations: z.array(z.enum(GRANT_OPERATIONS)),
    constraints: z
      .object({ EncryptionContextEquals: z.record(z.string(), z.string()).optional(), EncryptionContextSubset: z.record(z.string(), z.string()).optional() })
      .strict()
      .optional(),
    issuingAccount: z.string(),
    createdAt: z.number(),
    tokens: z.array(z.string()),
  })
  .strict();

const aliasSchema = z
  .object({
    aliasName: z.string().startsWith("alias/"),
    aliasArn: z.string().startsWith("arn:aws:kms:"),
    targetKeyId: z.string(),
    createdAt: z.number(),
    lastUpdatedAt: z.number(),
  })
  .strict();

export const kmsStateSchema = z
  .object({
    keys: z.record(z.string(), keySchema),
    aliases: z.record(z.string(), aliasSchema),
    deletedKeys: z.record(z.string(), z.number()),
    // Snapshots from before grants existed have none.
    grants: z.record(z.string(), grantSchema).default({}),
  })
  .strict()
  .refine((state) => Object.values(state.aliases).every((alias) => alias.targetKeyId in state.keys), { message: "an alias points to a key that does not exist" })
  .refine((state) => Object.values(state.grants).every((grant) => grant.keyId in state.keys), { message: "a grant is on a key that does not exist" });

export function emptyKmsState(): KmsState {
  return { keys: {}, aliases: {}, deletedKeys: {}, grants: {} };
}
