import { inputs } from "../../contracts/lambda";
import { toBase64, utf8 } from "../../core/encoding";
import { defineOperation, type OperationContext } from "../../core/operation";
import { runHandler, type HandlerOutcome } from "../code";
import * as errors from "../errors";
import type { CodeFunctionRecord } from "../state";
import { functionArn, nameOf } from "./functions";

const LOG_TAIL_BYTES = 4096;
const LOG_LIMIT = 200;

/**
 * Invoking a function: synchronously (RequestResponse, the default: the
 * response is what the handler printed, or an error object with
 * FunctionError "Unhandled"), asynchronously (Event: 202 and no payload) or
 * as a permission check (DryRun: 204). --log-type Tail returns the end of
 * the invocation's log, base64-encoded, as Lambda does.
 *
 * NOTE: an Event invocation runs at once in the sandbox (Lambda queues it).
 * The log has no REPORT line (the sandbox does not measure duration or
 * memory), and nothing goes to CloudWatch Logs, which the sandbox does not
 * simulate: --log-type Tail is the way to see it.
 */
export const invoke = defineOperation({
  name: "Invoke",
  input: inputs.Invoke,
  readOnly: false,
  sensitive: { request: ["Payload"], response: ["Payload", "LogResult"] },
  handler(ctx, input) {
    const name = nameOf(input.FunctionName);
    const arn = functionArn(ctx, name);
    ctx.authorize({ action: "lambda:InvokeFunction", resource: arn, resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
    const lambda = ctx.regionState().lambda;
    const fn = lambda.codeFunctions[name];
    const rotation = lambda.functions[name];
    if (!fn && !rotation) throw errors.functionNotFound(arn);
    if (input.Qualifier !== undefined && input.Qualifier !== "$LATEST") throw errors.functionNotFound(`${arn}:${input.Qualifier}`);
    const event = input.Payload && input.Payload.length ? utf8.decode(input.Payload) : "{}";
    try {
      JSON.parse(event);
    } catch {
      // NOTE: Lambda's message goes on with its JSON parser's own detail (a Java parser's); the sandbox stops here.
      throw errors.invalidRequestContent("Could not parse payload into json");
    }
    const type = input.InvocationType ?? "RequestResponse";
    if (type === "DryRun") return { StatusCode: 204 };
    const requestId = ctx.random.uuid();
    const outcome: HandlerOutcome = fn
      ? runHandler(ctx, fn, event, requestId)
      : {
          ok: false,
          errorType: "Sandbox.RuntimeNotSimulated",
          errorMessage: `${name} is a rotation function: in the sandbox only Secrets Manager invokes it (aws secretsmanager rotate-secret).`,
          log: "",
        };
    const log = `START RequestId: ${requestId} Version: $LATEST\n${outcome.log}${outcome.log && !outcome.log.endsWith("\n") ? "\n" : ""}${outcome.ok ? "" : `${JSON.stringify({ errorType: outcome.errorType, errorMessage: outcome.errorMessage })}\n`}END RequestId: ${requestId}\n`;
    if (fn) keepLog(fn, requestId, outcome, ctx);
    if (type === "Event") return { StatusCode: 202 };
    const payload = outcome.ok ? outcome.payload : utf8.encode(JSON.stringify({ errorType: outcome.errorType, errorMessage: outcome.errorMessage }));
    const logBytes = utf8.encode(log);
    return {
      StatusCode: 200,
      ...(outcome.ok ? {} : { FunctionError: "Unhandled" }),
      ...(input.LogType === "Tail" ? { LogResult: toBase64(logBytes.slice(Math.max(0, logBytes.length - LOG_TAIL_BYTES))) } : {}),
      Payload: toBase64(payload),
      ExecutedVersion: "$LATEST",
    };
  },
});

function keepLog(fn: CodeFunctionRecord, requestId: string, outcome: HandlerOutcome, ctx: OperationContext): void {
  const lines = outcome.log.split("\n").filter((line) => line !== "");
  for (const message of lines) fn.logs.push({ at: ctx.now, requestId, level: "INFO", message });
  if (!outcome.ok) fn.logs.push({ at: ctx.now, requestId, level: "ERROR", message: `${outcome.errorType}: ${outcome.errorMessage}` });
  if (fn.logs.length > LOG_LIMIT) fn.logs.splice(0, fn.logs.length - LOG_LIMIT);
}
