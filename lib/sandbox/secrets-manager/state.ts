import * as z from "zod";
import { ROTATION_STEPS, type RotationStep } from "../lambda/state";
import { ROTATION_MACHINE_STATES, type RotationMachineState } from "./rotation.machine";
import { SECRET_RECORD_STATES, type SecretLifecycleState } from "./secret.machine";

/**
 * Secrets Manager state of one account in one Region.
 *
 * A secret keeps its versions; a version's value is stored only encrypted:
 * AES-256-GCM under a data key from KMS GenerateDataKey, with the data key
 * kept as the KMS ciphertext blob (envelope encryption, as AWS describes it in
 * "Secret encryption and decryption in AWS Secrets Manager"). Reading a value
 * needs KMS Decrypt, so a disabled or deleted key breaks reads.
 */

/** The encrypted value of a version. All bytes base64. */
export interface SealedValue {
  type: "string" | "binary";
  /** KMS ciphertext blob of the 256-bit data key. */
  encryptedDataKey: string;
  /** The KMS key that protects the data key (key ARN, from GenerateDataKey). */
  keyArn: string;
  nonce: string;
  /** AES-256-GCM ciphertext and tag of the value. */
  ciphertext: string;
}

export interface SecretVersion {
  versionId: string;
  /** Staging labels, in the order they were attached. No labels: the version is deprecated. */
  stages: string[];
  createdAt: number;
  /** Day (00:00 UTC) the value was last read, as AWS reports LastAccessedDate. */
  lastAccessedAt?: number;
  /** Absent for a placeholder version (RotateSecret creates the AWSPENDING version before the function fills it). */
  value?: SealedValue;
  /** The secret's KmsKeyId when the version was written (what ListSecretVersionIds reports; "DEFAULT" for aws/secretsmanager). */
  kmsKeyIds?: string[];
}

export interface RotationRules {
  AutomaticallyAfterDays?: number;
  Duration?: string;
  ScheduleExpression?: string;
}

/** The secret's lifecycle and where its rotation stands: the machines' states (secret.machine.ts, rotation.machine.ts). */
export type { RotationMachineState, SecretLifecycleState };

export interface RotationRecord {
  /** Whether RotateSecret was ever called (DescribeSecret shows the rotation fields only after that). */
  configured: boolean;
  enabled: boolean;
  lambdaArn?: string;
  rules?: RotationRules;
  lastRotatedAt?: number;
  nextRotationAt?: number;
  state: RotationMachineState;
  /** The ClientRequestToken (AWSPENDING version id) of the rotation in progress or left incomplete. */
  token?: string;
  /** The last rotation attempt step by step, for the learner and the visualisers (AWS keeps this in the function's logs). */
  lastAttempt?: RotationAttempt;
}

export interface RotationAttemptStep {
  step: RotationStep;
  at: number;
  /** The invocation's request id (see the function's logs). */
  requestId: string;
  ok: boolean;
  errorType?: string;
  errorMessage?: string;
}

export interface RotationAttempt {
  token: string;
  startedAt: number;
  /** What started it: RotateSecret, or the rotation schedule. */
  trigger: "RotateSecret" | "schedule";
  steps: RotationAttemptStep[];
  outcome: "running" | "succeeded" | "failed";
  /** Why the attempt could not even start (the function could not be invoked). */
  error?: { errorType: string; errorMessage: string };
}

export interface SecretRecord {
  arn: string;
  name: string;
  description?: string;
  /** As the caller gave it (key id, ARN, alias); absent means the AWS managed key aws/secretsmanager. */
  kmsKeyId?: string;
  createdAt: number;
  lastChangedAt: number;
  lastAccessedAt?: number;
  tags: { Key: string; Value: string }[];
  /**
   * Whether the secret has ever had tags: DescribeSecret and ListSecrets then show
   * "Tags": [] once the last one is removed (recorded from AWS in LocalStack's snapshot
   * test_secretsmanager.py::TestSecretsManager::test_secret_tags), and no Tags before.
   */
  tagged?: boolean;
  /** Resource policy as the JSON text the caller stored. */
  policy?: string;
  /** Oldest first. */
  versions: SecretVersion[];
  lifecycle: SecretLifecycleState;
  /** When DeleteSecret was called (DescribeSecret's DeletedDate). */
  deletedAt?: number;
  /** When the recovery window ends and the secret is deleted for good (DeleteSecret's DeletionDate). */
  deletionDate?: number;
  rotation: RotationRecord;
}

export interface SecretsManagerState {
  /** Keyed by secret ARN. */
  secrets: Record<string, SecretRecord>;
}

const sealedValueSchema = z.strictObject({
  type: z.enum(["string", "binary"]),
  encryptedDataKey: z.string().min(1),
  keyArn: z.string().min(1),
  nonce: z.string().min(1),
  ciphertext: z.string().min(1),
});

const versionSchema = z.strictObject({
  versionId: z.string().min(1),
  stages: z.array(z.string()),
  createdAt: z.number(),
  lastAccessedAt: z.number().optional(),
  value: sealedValueSchema.optional(),
  kmsKeyIds: z.array(z.string()).optional(),
});

const rotationRulesSchema = z.strictObject({
  AutomaticallyAfterDays: z.number().int().optional(),
  Duration: z.string().optional(),
  ScheduleExpression: z.string().optional(),
});

const rotationSchema = z.strictObject({
  configured: z.boolean(),
  enabled: z.boolean(),
  lambdaArn: z.string().optional(),
  rules: rotationRulesSchema.optional(),
  lastRotatedAt: z.number().optional(),
  nextRotationAt: z.number().optional(),
  state: z.enum(ROTATION_MACHINE_STATES),
  token: z.string().optional(),
  lastAttempt: z
    .object({
      token: z.string(),
      startedAt: z.number(),
      trigger: z.enum(["RotateSecret", "schedule"]),
      steps: z.array(
        z.strictObject({
          step: z.enum(ROTATION_STEPS),
          at: z.number(),
          requestId: z.string(),
          ok: z.boolean(),
          errorType: z.string().optional(),
          errorMessage: z.string().optional(),
        }),
      ),
      outcome: z.enum(["running", "succeeded", "failed"]),
      error: z.strictObject({ errorType: z.string(), errorMessage: z.string() }).optional(),
    })
    .optional(),
});

export const secretSchema = z.strictObject({
  arn: z.string().startsWith("arn:aws:secretsmanager:"),
  name: z.string().min(1).max(512),
  description: z.string().optional(),
  kmsKeyId: z.string().optional(),
  createdAt: z.number(),
  lastChangedAt: z.number(),
  lastAccessedAt: z.number().optional(),
  tags: z.array(z.strictObject({ Key: z.string(), Value: z.string() })),
  tagged: z.boolean().optional(),
  policy: z.string().optional(),
  versions: z.array(versionSchema),
  lifecycle: z.enum(SECRET_RECORD_STATES),
  deletedAt: z.number().optional(),
  deletionDate: z.number().optional(),
  rotation: rotationSchema,
});

export const secretsManagerStateSchema = z.strictObject({ secrets: z.record(z.string(), secretSchema) });

export function emptySecretsManagerState(): SecretsManagerState {
  return { secrets: {} };
}
