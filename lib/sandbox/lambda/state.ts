import * as z from "zod";

/**
 * Simulated Lambda functions of one account in one Region, of two kinds:
 *
 * - rotation functions (`functions`), which Secrets Manager invokes: not code
 *   the learner writes but one of AWS's rotation templates (single user or
 *   alternating users) run with an execution role, so its calls to Secrets
 *   Manager are authorised with that role's policies, plus an optional
 *   injected fault for labs that show a rotation failing;
 * - code functions (`codeFunctions`), which the learner creates with
 *   `aws lambda create-function` from a zip and invokes: shell handlers on a
 *   custom runtime (see code.ts).
 *
 * Both share one namespace of names, as in AWS.
 */
export const ROTATION_STEPS = ["createSecret", "setSecret", "testSecret", "finishSecret"] as const;
export type RotationStep = (typeof ROTATION_STEPS)[number];

export const ROTATION_STRATEGIES = ["single-user", "alternating-users"] as const;
export type RotationStrategy = (typeof ROTATION_STRATEGIES)[number];

/**
 * A fault a lab injects:
 * - `{ step, message }`: the function raises `message` when invoked for that step, before doing anything;
 * - `{ unreachable: "database" }`: the function cannot open connections to the database (as with a
 *   function outside the database's VPC), so logins fail and setSecret/testSecret fail as the templates do.
 */
export type FunctionFault = { step: RotationStep; message: string } | { unreachable: "database" };

export interface FunctionLogEntry {
  at: number;
  /** The request id of the invocation (one per step). */
  requestId: string;
  level: "INFO" | "ERROR";
  message: string;
}

export interface FunctionRecord {
  name: string;
  arn: string;
  /** The execution role's ARN; the function's calls are made as a session of it. */
  role: string;
  strategy: RotationStrategy;
  /** The engine the template handles ("engine" field of the secret JSON). */
  engine: string;
  /** Whether the function's resource policy lets secretsmanager.amazonaws.com invoke it (lambda:InvokeFunction). */
  allowSecretsManager: boolean;
  /** Characters the function excludes from generated passwords (the template's EXCLUDE_CHARACTERS). */
  excludeCharacters: string;
  fault?: FunctionFault;
  /**
   * The simulated database (its identifier) the function connects to when a
   * secret names no host, like a function configured with its database's
   * endpoint. NOTE: AWS's templates always read host and engine from the
   * secret; the sandbox adds this so that the chapter's two-field secret
   * ({"username","password"}) can be rotated.
   */
  database?: string;
  createdAt: number;
  /** CloudWatch-Logs-like output of the invocations, newest last (bounded). */
  logs: FunctionLogEntry[];
}

/** A function the learner deployed: its configuration and its code (the zip, as uploaded). */
export interface CodeFunctionRecord {
  name: string;
  arn: string;
  role: string;
  runtime: string;
  handler: string;
  description: string;
  /** Seconds. */
  timeout: number;
  /** MB. */
  memorySize: number;
  environment: Record<string, string>;
  /** The deployment package (zip), base64, its SHA-256 (base64) and size in bytes. */
  zip: string;
  codeSha256: string;
  codeSize: number;
  createdAt: number;
  lastModified: number;
  revisionId: string;
  tags: Record<string, string>;
  /** The access key id of the execution role's current credentials (reused while they are fresh, as Lambda does). */
  credentials?: string;
  logs: FunctionLogEntry[];
}

export interface LambdaState {
  /** Rotation functions, keyed by function name. */
  functions: Record<string, FunctionRecord>;
  /** The learner's functions, keyed by function name. */
  codeFunctions: Record<string, CodeFunctionRecord>;
}

const faultSchema = z.union([
  z.strictObject({ step: z.enum(ROTATION_STEPS), message: z.string() }),
  z.strictObject({ unreachable: z.literal("database") }),
]);

export const functionSchema = z.strictObject({
  name: z.string().min(1),
  arn: z.string().startsWith("arn:aws:lambda:"),
  role: z.string().startsWith("arn:aws:iam::"),
  strategy: z.enum(ROTATION_STRATEGIES),
  engine: z.string(),
  allowSecretsManager: z.boolean(),
  excludeCharacters: z.string(),
  fault: faultSchema.optional(),
  database: z.string().optional(),
  createdAt: z.number(),
  logs: z.array(z.strictObject({ at: z.number(), requestId: z.string(), level: z.enum(["INFO", "ERROR"]), message: z.string() })),
});

const logEntrySchema = z.strictObject({ at: z.number(), requestId: z.string(), level: z.enum(["INFO", "ERROR"]), message: z.string() });

export const codeFunctionSchema = z
  .object({
    name: z.string().min(1),
    arn: z.string().startsWith("arn:aws:lambda:"),
    role: z.string().startsWith("arn:aws:iam::"),
    runtime: z.string(),
    handler: z.string(),
    description: z.string(),
    timeout: z.number().int(),
    memorySize: z.number().int(),
    environment: z.record(z.string(), z.string()),
    zip: z.string(),
    codeSha256: z.string(),
    codeSize: z.number().int(),
    createdAt: z.number(),
    lastModified: z.number(),
    revisionId: z.string(),
    tags: z.record(z.string(), z.string()),
    credentials: z.string().optional(),
    logs: z.array(logEntrySchema.strict()),
  })
  .strict();

export const lambdaStateSchema = z.strictObject({
  functions: z.record(z.string(), functionSchema),
  // Snapshots from before learners could deploy functions have none.
  codeFunctions: z.record(z.string(), codeFunctionSchema).default({}),
});

export function emptyLambdaState(): LambdaState {
  return { functions: {}, codeFunctions: {} };
}
