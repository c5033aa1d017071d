import { unzipSync } from "fflate";
import { fromBase64, utf8 } from "../core/encoding";
import type { OperationContext } from "../core/operation";
import { parseRoleArn } from "../iam/model";
import { credentialVariables, issueRoleSession, reusableSession } from "../sts/credentials";
import type { CodeFunctionRecord } from "./state";

/**
 * Running a learner's function: the deployment package is unzipped into
 * /var/task and the handler runs as a session of the execution role.
 *
 * The sandbox runs shell functions on the OS-only runtimes (provided.al2023,
 * provided.al2), the way AWS's tutorial on custom runtimes writes them: a
 * handler "function.handler" names the file function.sh in the package and
 * the shell function `handler` it defines, which gets the event (JSON) as
 * $1 and prints its response.
 *
 * NOTE: on AWS, the package's `bootstrap` plays the runtime: it polls the
 * Lambda Runtime API over HTTP for each event, runs the handler and posts
 * the response back. The sandbox plays that part itself (a bootstrap in the
 * package is not run), so the handler file is all a function needs. Other
 * runtimes (Python, Node.js, Java...) are accepted, as Lambda accepts them,
 * but their code cannot run here: invoking them answers an error that says so.
 */
export const SHELL_RUNTIMES = new Set(["provided.al2023", "provided.al2", "provided"]);
const TASK_ROOT = "/var/task";
/** The most CPU time the sandbox gives one invocation, whatever the function's timeout. */
const MAX_BUDGET_MS = 3_000;
/** The execution role's credentials last as long as Lambda's (about 12 hours; refreshed before they expire). */
const CREDENTIALS_SECONDS = 12 * 3600;

/** The files of a zip, or undefined when it is not one. */
export function unzip(zip: Uint8Array): Record<string, Uint8Array> | undefined {
  try {
    const files = unzipSync(zip);
    return Object.fromEntries(Object.entries(files).filter(([path]) => !path.endsWith("/")));
  } catch {
    return undefined;
  }
}

/** Unpacked packages by code hash: a function invoked many times (a replayed lab) is inflated once. */
const unpacked = new Map<string, Record<string, Uint8Array>>();
const UNPACKED_LIMIT = 16;

/** The package's files, each a copy the program may change. */
function packageFiles(fn: CodeFunctionRecord): Record<string, Uint8Array> {
  let files = unpacked.get(fn.codeSha256);
  if (!files) {
    files = unzip(fromBase64(fn.zip)) ?? {};
    if (unpacked.size >= UNPACKED_LIMIT) unpacked.delete(unpacked.keys().next().value as string);
    unpacked.set(fn.codeSha256, files);
  }
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, bytes.slice()]));
}

export type HandlerOutcome =
  | { ok: true; payload: Uint8Array; log: string }
  | { ok: false; errorType: string; errorMessage: string; log: string };

/** The variables Lambda sets in every execution environment: a function may not set them itself. */
export const RESERVED_VARIABLES = [
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_DEFAULT_REGION",
  "AWS_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_FUNCTION_VERSION",
  "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API",
  "LAMBDA_TASK_ROOT",
  "LAMBDA_RUNTIME_DIR",
];

function credentialsFor(ctx: OperationContext, fn: CodeFunctionRecord): Record<string, string> {
  const role = parseRoleArn(fn.role);
  if (!role || !ctx.iamState(role.accountId)?.roles[role.name]) return {};
  const reused = reusableSession(ctx, role.accountId, fn.credentials);
  const credentials = reused ?? issueRoleSession(ctx, role.accountId, role.name, fn.name, CREDENTIALS_SECONDS);
  fn.credentials = credentials.accessKeyId;
  return credentialVariables(credentials);
}

/** Runs the function's handler with an event; what Lambda would report. */
export function runHandler(ctx: OperationContext, fn: CodeFunctionRecord, event: string, requestId: string): HandlerOutcome {
  if (!SHELL_RUNTIMES.has(fn.runtime)) {
    return {
      ok: false,
      errorType: "Sandbox.RuntimeNotSimulated",
      errorMessage: `The sandbox runs only shell functions on the OS-only runtimes (provided.al2023, provided.al2); ${fn.runtime} code cannot run here.`,
      log: "",
    };
  }
  const files = packageFiles(fn);
  const dot = fn.handler.lastIndexOf(".");
  const file = dot > 0 ? fn.handler.slice(0, dot) : fn.handler;
  const functionName = dot > 0 ? fn.handler.slice(dot + 1) : "";
  const script = `${file}.sh`;
  if (!(script in files) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(functionName)) {
    return {
      ok: false,
      errorType: "Runtime.HandlerNotFound",
      errorMessage: `${fn.handler} is undefined or not exported: the sandbox's runtime sources ${TASK_ROOT}/${script} from the package and calls the shell function ${functionName || "(none)"} it defines.`,
      log: "",
    };
  }
  const env: Record<string, string> = {
    PATH: "/usr/local/bin:/usr/bin/:/bin:/opt/bin",
    LANG: "en_US.UTF-8",
    TZ: ":UTC",
    LAMBDA_TASK_ROOT: TASK_ROOT,
    LAMBDA_RUNTIME_DIR: "/var/runtime",
    _HANDLER: fn.handler,
    AWS_REGION: ctx.region,
    AWS_DEFAULT_REGION: ctx.region,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
    ...fn.environment,
    ...credentialsFor(ctx, fn),
  };
  const taskFiles = Object.fromEntries(Object.entries(files).map(([path, bytes]) => [`${TASK_ROOT}/${path}`, bytes]));
  const result = ctx.runScript({
    program: `source "$LAMBDA_TASK_ROOT/${script}"\n${functionName} "$1"\n`,
    name: `${TASK_ROOT}/bootstrap`,
    args: [event],
    files: taskFiles,
    cwd: TASK_ROOT,
    env,
    budgetMs: Math.min(fn.timeout * 1000, MAX_BUDGET_MS),
  });
  if (!result) {
    return { ok: false, errorType: "Sandbox.RuntimeNotSimulated", errorMessage: "This sandbox has no shell to run functions in (functions run in the terminal's sandbox and the headless runner).", log: "" };
  }
  // What the handler wrote to standard error is its log (CloudWatch Logs on AWS).
  const log = utf8.decode(result.stderr);
  if (result.timedOut) {
    return { ok: false, errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${requestId} Error: Task timed out after ${fn.timeout.toFixed(2)} seconds`, log };
  }
  if (result.exitCode !== 0) {
    return { ok: false, errorType: "Runtime.ExitError", errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: exit status ${result.exitCode}`, log };
  }
  return { ok: true, payload: result.stdout, log };
}
