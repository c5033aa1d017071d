import * as z from "zod";

/**
 * Parameter Store state of one account in one Region: the parameters by name,
 * each with its versions (oldest first, at most 100) and its tags. Plain JSON:
 * times are ms since the epoch, SecureString values are the base64 ciphertext
 * exactly as GetParameter returns it without decryption.
 */

export const PARAMETER_TYPES = ["String", "StringList", "SecureString"] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/** The tiers a parameter can be in (Intelligent-Tiering is a request option that resolves to one of them). */
export const STORED_TIERS = ["Standard", "Advanced"] as const;
export type StoredTier = (typeof STORED_TIERS)[number];

/**
 * How a SecureString value was encrypted: "kms" = KMS Encrypt under the key
 * (standard parameters); "envelope" = a KMS data key and local AES-256-GCM
 * (advanced parameters, see encryption.ts).
 */
export type EncryptionScheme = "kms" | "envelope";

export interface ParameterPolicy {
  PolicyText: string;
  PolicyType: string;
  PolicyStatus: string;
}

export interface ParameterVersion {
  version: number;
  type: ParameterType;
  /** Plaintext for String and StringList; for SecureString the base64 ciphertext. */
  value: string;
  tier: StoredTier;
  dataType: string;
  /** ms since the epoch. */
  lastModifiedDate: number;
  /** ARN of the principal that wrote this version. */
  lastModifiedUser: string;
  labels: string[];
  /** SecureString only: the key as the request named it ("alias/aws/ssm" by default), as DescribeParameters shows it. */
  keyId?: string;
  encryption?: EncryptionScheme;
  description?: string;
  allowedPattern?: string;
  /** Advanced parameters only. */
  policies?: ParameterPolicy[];
}

export interface ParameterTag {
  Key: string;
  Value: string;
}

export interface ParameterRecord {
  name: string;
  /** The state of `parameterMachine` (parameter.machine.ts): the tier the parameter is in now. */
  tier: StoredTier;
  /** Oldest first; the last one is the current version. Never empty. */
  history: ParameterVersion[];
  tags: ParameterTag[];
}

export interface ServiceSettingRecord {
  value: string;
  modifiedAt: number;
  modifiedBy: string;
}

export interface SsmState {
  parameters: Record<string, ParameterRecord>;
  /** Account-level settings changed from their defaults (operations/service-settings.ts). */
  serviceSettings?: Record<string, ServiceSettingRecord>;
}

export function emptySsmState(): SsmState {
  return { parameters: {} };
}

const policySchema = z.strictObject({ PolicyText: z.string(), PolicyType: z.string(), PolicyStatus: z.string() }).strict();

const versionSchema = z
  .object({
    version: z.number().int().positive(),
    type: z.enum(PARAMETER_TYPES),
    value: z.string(),
    tier: z.enum(STORED_TIERS),
    dataType: z.string(),
    lastModifiedDate: z.number().finite(),
    lastModifiedUser: z.string(),
    labels: z.array(z.string()).max(10),
    keyId: z.string().optional(),
    encryption: z.enum(["kms", "envelope"]).optional(),
    description: z.string().optional(),
    allowedPattern: z.string().optional(),
    policies: z.array(policySchema).optional(),
  })
  .strict()
  .refine((version) => (version.type === "SecureString") === (version.encryption !== undefined && version.keyId !== undefined), {
    message: "a SecureString version needs keyId and encryption, and only a SecureString version has them",
  });

const recordSchema = z
  .object({
    name: z.string().min(1),
    tier: z.enum(STORED_TIERS),
    history: z.array(versionSchema).min(1).max(100),
    tags: z.array(z.strictObject({ Key: z.string(), Value: z.string() }).strict()).max(50),
  })
  .strict()
  .refine((record) => record.history.every((version, index, all) => index === 0 || version.version > (all[index - 1]?.version ?? 0)), {
    message: "versions must be in increasing order",
  })
  .refine((record) => record.history[record.history.length - 1]?.tier === record.tier, { message: "the record's tier must be its current version's" });

export const ssmStateSchema = z
  .object({
    parameters: z.record(z.string(), recordSchema),
    serviceSettings: z.record(z.string(), z.strictObject({ value: z.string(), modifiedAt: z.number(), modifiedBy: z.string() }).strict()).optional(),
  })
  .strict()
  .refine((state) => Object.entries(state.parameters).every(([name, record]) => record.name === name), {
    message: "each parameter must be filed under its own name",
  });
