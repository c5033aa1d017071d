import { AwsServiceError, isAwsServiceError, type CallerRef, type Sandbox, type ServiceId, type WireObject } from "@/lib/sandbox";
import type { ServiceSpec } from "@/lib/sandbox/core/operation";
import { JSON_CONTENT_TYPE, jsonErrorBody, parseJsonBody } from "./json-protocol";
import { decodeQueryInput, parseQueryBody, queryErrorXml, queryResponseXml, STS_VERSION, XML_CONTENT_TYPE } from "./query-protocol";
import { credentialScope, route, TARGET_PREFIXES, type Route } from "./routing";
import { notSimulatedApiOperation, notSimulatedService } from "@/lib/sandbox/cli/not-simulated";
import { commandTable, inputShape, outputShape, xformName } from "@/lib/sandbox/cli/model";
import { throttlingMessage, type RequestQuotas } from "./request-quotas";

/**
 * One HTTP exchange, independent of node:http so that it can be tested and
 * recorded as data: a request in, the engine called, AWS's answer out.
 */

export interface EndpointRequest {
  method: string;
  path: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}

export interface EndpointResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the endpoint did with a request: the unit of its request log. */
export interface Exchange {
  requestId: string;
  service: string | undefined;
  operation: string | undefined;
  region: string | undefined;
  /** The parsed input (JSON body or query parameters); undefined when it could not be parsed. */
  input: WireObject | undefined;
  status: number;
  /** The wire output on success; on failure the error code and message. */
  output?: WireObject;
  error?: { code: string; message: string };
}

export interface HandlerOptions {
  engine: Sandbox;
  /** The engine's services, for each one's error message member (see ServiceSpec.errorMessageKey). */
  services: readonly ServiceSpec[];
  /** Request ids for requests the engine never sees (the others are named after their trail event); a counter by default. */
  nextRequestId: () => string;
  /**
   * Rewrites a parsed input before the engine sees it (the recorder swaps the
   * real CLI's random ClientRequestTokens for the engine's, as the sandbox's
   * CLI draws them). The exchange logs the rewritten input.
   */
  prepareInput?: (service: ServiceId, operation: string, input: WireObject) => WireObject;
  /** AWS's request quotas, when the endpoint applies them (see request-quotas.ts). */
  quotas?: RequestQuotas;
}

export interface HandledExchange {
  response: EndpointResponse;
  exchange: Exchange;
}

export function counterRequestIds(): () => string {
  let count = 0;
  return () => {
    count += 1;
    return `00000000-0000-4000-8000-${count.toString(16).padStart(12, "0")}`;
  };
}

export function handleRequest(request: EndpointRequest, options: HandlerOptions): HandledExchange {
  const requestId = options.nextRequestId();
  const scope = credentialScope(request.headers["authorization"]);
  const region = scope?.region;
  const target = route({ target: request.headers["x-amz-target"], contentType: request.headers["content-type"], scope });
  const exchange: Exchange = { requestId, service: target.service, operation: undefined, region, input: undefined, status: 0 };
  const caller = callerOf(options.engine, scope?.accessKeyId, request.headers["x-amz-security-token"], target.protocol === "query");

  if (request.method !== "POST") {
    // AWS front doors answer other methods too; here a GET is most likely a person checking the port.
    return finish(exchange, { status: 405, headers: { "content-type": "text/plain; charset=utf-8", allow: "POST" }, body: "This is the sandbox's AWS endpoint: POST AWS JSON 1.1 or query requests to it (aws --endpoint-url ...).\n" });
  }
  const call: CallContext = { region, ...(caller && !(caller instanceof AwsServiceError) ? { as: caller } : {}) };
  if (target.protocol === "query") return handleQuery(request, exchange, options, call, caller instanceof AwsServiceError ? caller : undefined);
  return handleJson(request, target, exchange, options, call, caller instanceof AwsServiceError ? caller : undefined);
}

/** The signing names of the services this endpoint answers: the JSON services it routes, and STS. */
const ENDPOINT_SERVICES: ReadonlySet<string> = new Set([...Object.values(TARGET_PREFIXES), "sts"]);

/**
 * What a request for a service the endpoint does not serve is told: the
 * terminal's notice for a service the sandbox does not simulate at all; for
 * one its terminal simulates (EC2, Lambda, CloudFormation), where to use it.
 */
function unservedNotice(signingName: string, services: readonly ServiceSpec[]): string {
  if (!services.some((spec) => spec.id === signingName)) return notSimulatedService(signingName);
  return `The sandbox simulates ${signingName} in its browser terminal, but its local endpoint serves only KMS, Secrets Manager, Parameter Store (ssm), STS and CloudTrail lookup-events.`;
}

interface CallContext {
  region: string | undefined;
  as?: CallerRef;
}

/**
 * Who a request acts as, from its access key id (signatures are never checked):
 * temporary credentials the sandbox's STS issued (AssumeRole, an instance
 * profile, a function's role) act as that role session, as they do in the
 * browser's terminal, so access denied for a role can be reproduced with a
 * real client; credentials that look temporary but are unknown or expired fail
 * as AWS fails them; any other access key (test, AKIA...) acts as the sandbox's
 * current caller, the learner account's admin.
 */
function callerOf(engine: Sandbox, accessKeyId: string | undefined, sessionToken: string | undefined, sts: boolean): CallerRef | AwsServiceError | undefined {
  if (!accessKeyId || (!accessKeyId.startsWith("ASIA") && sessionToken === undefined)) return undefined;
  // The secret key is not known without checking the signature, so it is not compared.
  const check = engine.checkCredentials(accessKeyId, undefined, sessionToken);
  if (check.ok) return check.caller;
  if (check.problem === "expired") return new AwsServiceError(sts ? "ExpiredToken" : "ExpiredTokenException", "The security token included in the request is expired", 400);
  return new AwsServiceError(sts ? "InvalidClientTokenId" : "UnrecognizedClientException", "The security token included in the request is invalid.", sts ? 403 : 400);
}

function handleJson(request: EndpointRequest, target: Route, exchange: Exchange, options: HandlerOptions, call: CallContext, refused: AwsServiceError | undefined): HandledExchange {
  const service = options.services.find((spec) => spec.id === target.service);
  const jsonError = (error: AwsServiceError) => {
    exchange.error = { code: error.code, message: error.message };
    return finish(exchange, awsResponse(error.status, JSON_CONTENT_TYPE, jsonErrorBody(error, service), exchange.requestId, options.engine.now));
  };
  if (target.protocol !== "json" || !service) {
    // No target, or a target prefix no service of the endpoint answers to: when the request is signed
    // for a service the endpoint does not serve, the notice says so (AWS itself says nothing more).
    const signedFor = credentialScope(request.headers["authorization"])?.service;
    return jsonError(new AwsServiceError("UnknownOperationException", signedFor && !ENDPOINT_SERVICES.has(signedFor) ? unservedNotice(signedFor, options.services) : ""));
  }
  exchange.operation = target.operation;
  // Own members only: an operation named constructor or toString is no operation.
  if (!Object.hasOwn(service.operations, target.operation)) {
    // An operation the real service has and the sandbox does not simulate gets the terminal's notice.
    return jsonError(new AwsServiceError("UnknownOperationException", notSimulatedApiOperation(service.id, target.operation) ?? ""));
  }
  if (refused) return jsonError(refused);
  if (options.quotas && throttled(options.engine, options.quotas, service.id, target.operation, call)) {
    return jsonError(new AwsServiceError("ThrottlingException", throttlingMessage(service.id), 400));
  }
  const parsed = parseJsonBody(request.body);
  if (!parsed.ok) return jsonError(new AwsServiceError("SerializationException", `Could not parse the request body as JSON: ${parsed.reason}`));
  try {
    const input = options.prepareInput ? options.prepareInput(service.id, target.operation, parsed.input) : parsed.input;
    exchange.input = input;
    const output = callEngine(options, exchange, service.id, target.operation, input, call);
    exchange.output = output;
    return finish(exchange, awsResponse(200, JSON_CONTENT_TYPE, JSON.stringify(output), exchange.requestId, options.engine.now));
  } catch (error) {
    return jsonError(asServiceError(error));
  }
}

function handleQuery(request: EndpointRequest, exchange: Exchange, options: HandlerOptions, call: CallContext, refused: AwsServiceError | undefined): HandledExchange {
  const query = parseQueryBody(request.body);
  exchange.operation = query.action;
  exchange.input = query.parameters;
  const xmlError = (error: AwsServiceError) => {
    exchange.error = { code: error.code, message: error.message };
    return finish(exchange, awsResponse(error.status, XML_CONTENT_TYPE, queryErrorXml(error.code, error.message, error.status, exchange.requestId), exchange.requestId, options.engine.now));
  };
  // A form signed for another query-protocol service (IAM, EC2, CloudFormation): not STS's to answer.
  const signedFor = credentialScope(request.headers["authorization"])?.service;
  if (signedFor && signedFor !== "sts") {
    exchange.service = signedFor;
    return xmlError(new AwsServiceError("InvalidAction", unservedNotice(signedFor, options.services)));
  }
  if (!query.action) return xmlError(new AwsServiceError("MissingAction", "Missing Action"));
  const sts = options.services.find((spec) => spec.id === "sts");
  if (!sts || !Object.hasOwn(sts.operations, query.action) || (query.version !== undefined && query.version !== STS_VERSION)) {
    // STS's own answer, with the terminal's notice for an operation STS has and the sandbox does not simulate.
    const notice = query.version === undefined || query.version === STS_VERSION ? notSimulatedApiOperation("sts", query.action) : undefined;
    return xmlError(new AwsServiceError("InvalidAction", notice ?? `Could not find operation ${query.action} for version ${query.version ?? "NO_VERSION_SPECIFIED"}`));
  }
  if (refused) return xmlError(refused);
  const operation = commandTable("sts").get(xformName(query.action));
  const shape = operation ? inputShape(operation) : undefined;
  const input = shape ? decodeQueryInput(query.parameters, shape) : query.parameters;
  exchange.input = input;
  try {
    const output = callEngine(options, exchange, "sts", query.action, input, call);
    exchange.output = output;
    return finish(exchange, awsResponse(200, XML_CONTENT_TYPE, queryResponseXml(query.action, output, exchange.requestId, operation ? outputShape(operation) : undefined), exchange.requestId, options.engine.now));
  } catch (error) {
    return xmlError(asServiceError(error));
  }
}

/** Whether the caller's account is past its quota for the operation in the request's Region. */
function throttled(engine: Sandbox, quotas: RequestQuotas, service: ServiceId, operation: string, call: CallContext): boolean {
  const state = engine.peek();
  const accountId = (call.as ?? state.caller).accountId;
  const region = call.region ?? engine.region;
  const setting = state.accounts[accountId]?.regions[region]?.ssm.serviceSettings?.["/ssm/parameter-store/high-throughput-enabled"];
  return quotas.admit({ service, operation, accountId, region, higherThroughput: setting?.value === "true" }) !== undefined;
}

/**
 * Calls the engine and names the request after the trail event it writes:
 * the request id of an answer is the id of its CloudTrail-like event, so
 * the sandbox's own CLI (which has no HTTP) can print the same id where the
 * AWS CLI shows one (ResponseMetadata, printed for responses with `Errors`).
 */
function callEngine(options: HandlerOptions, exchange: Exchange, service: ServiceId, operation: string, input: WireObject, call: CallContext): WireObject {
  const trail = options.engine.peek().trail;
  const last = trail[trail.length - 1];
  try {
    return options.engine.call(service, operation, input, { ...(call.region ? { region: call.region } : {}), ...(call.as ? { as: call.as } : {}) });
  } finally {
    const after = options.engine.peek().trail;
    const event = after[last === undefined ? 0 : after.lastIndexOf(last) + 1];
    if (event && event.eventName === operation) exchange.requestId = event.eventId;
  }
}

/** Anything that is not an AWS error is a sandbox bug; AWS would call it an internal failure. */
function asServiceError(error: unknown): AwsServiceError {
  if (isAwsServiceError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AwsServiceError("InternalFailure", `The sandbox failed: ${message}`, 500);
}

/**
 * An answer with Secrets Manager's headers, in its order (x-amzn-RequestId,
 * Content-Type, Content-Length, Date), the date from the simulated clock: the
 * AWS CLI prints them in ResponseMetadata.HTTPHeaders for responses with
 * `Errors`, so they must be reproducible.
 */
function awsResponse(status: number, contentType: string, body: string, requestId: string, now: number): EndpointResponse {
  return {
    status,
    headers: {
      "x-amzn-requestid": requestId,
      "content-type": contentType,
      "content-length": String(new TextEncoder().encode(body).length),
      date: new Date(now).toUTCString(),
    },
    body,
  };
}

function finish(exchange: Exchange, response: EndpointResponse): HandledExchange {
  exchange.status = response.status;
  return { response, exchange };
}
