import * as z from "zod";

/**
 * Simulated Lambda functions of one account in one Region: the rotation
 * functions Secrets Manager invokes. A function is not code the learner
 * writes; it is one of AWS's rotation templates (single user or alternating
 * users) run with an execution role, so its calls to Secrets Manager are
 * authorised with that role's policies, plus an optional injected fault for
 * labs that show a rotation failing.
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

export interface LambdaState {
  /** Keyed by function name. */
  functions: Record<string, FunctionRecord>;
}

const faultSchema = z.union([
  z.object({ step: z.enum(ROTATION_STEPS), message: z.string() }),
  z.object({ unreachable: z.literal("database") }),
]);

export const functionSchema = z.object({
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
  logs: z.array(z.object({ at: z.number(), requestId: z.string(), level: z.enum(["INFO", "ERROR"]), message: z.string() })),
});

export const lambdaStateSchema = z.object({ functions: z.record(z.string(), functionSchema) });

export function emptyLambdaState(): LambdaState {
  return { functions: {} };
}
