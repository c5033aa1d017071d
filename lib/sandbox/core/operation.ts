import type * as z from "zod";
import type { AuthorizationRequest } from "../iam/evaluate";
import type { IamState, Principal } from "../iam/model";
import type { RegionState } from "../state";
import type { SeededRandom } from "./random";
import type { ScheduledEvent } from "./scheduler";
import type { ScriptRequest, ScriptResult } from "./script-runner";
import type { TrailEvent } from "../trail/trail";

export type ServiceId = "kms" | "secretsmanager" | "ssm" | "sts" | "ec2" | "lambda" | "cloudformation" | "cloudtrail";

/** A value of the AWS JSON 1.1 wire format: blobs are base64 strings, timestamps epoch seconds. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type WireObject = { [key: string]: Json | undefined };

/** Options for a call one service makes to another on the caller's behalf. */
export interface NestedCallOptions {
  /** The service making the call, e.g. "ssm.amazonaws.com": recorded as invokedBy, and kms:ViaService. */
  via?: string;
  /** Make the call as another principal (a Lambda function's execution role). */
  as?: Principal;
  /** Region of the callee, when it differs (replicated secrets). */
  region?: string;
}

export interface OperationContext {
  /** The account the request is addressed to (the caller's account unless an ARN says otherwise). */
  readonly accountId: string;
  readonly region: string;
  readonly caller: Principal;
  /** The caller's unique id as STS reports it: the account id for root, AIDA... for users, AROA...:session for roles. */
  readonly callerId: string;
  /** Simulated time of the request, ms since the epoch. */
  readonly now: number;
  readonly random: SeededRandom;
  /** The service that made this call on the caller's behalf, if any. */
  readonly invokedBy: string | undefined;
  /** This call's own trail event id (its request id). */
  readonly eventId: string;
  /** Every recorded event so far, oldest first (CloudTrail's LookupEvents reads them; do not change them). */
  trailEvents(): readonly TrailEvent[];
  /** State of a service family in an account and Region (created on first use). */
  regionState(accountId?: string, region?: string): RegionState;
  /** An account's identities (users, roles, STS role sessions), or undefined when the sandbox has no such account. */
  iamState(accountId?: string): IamState | undefined;
  /** Whether the account exists in this sandbox. */
  hasAccount(accountId: string): boolean;
  /**
   * Authorises an action on a resource for the caller, with the caller's
   * identity policies; throws AccessDeniedException with AWS's message when
   * denied. The decision and its trace are kept on the trail event.
   */
  authorize(request: Omit<AuthorizationRequest, "principal" | "identityPolicies">, options?: { errorCode?: string; message?: (defaultMessage: string) => string; status?: number }): void;
  /** Calls another operation (another service, or as another principal); recorded on the trail too. */
  call(service: ServiceId, operation: string, input: WireObject, options?: NestedCallOptions): WireObject;
  /** Schedules a due event (see core/scheduler.ts). */
  schedule(event: Omit<ScheduledEvent, "id" | "accountId" | "region"> & { accountId?: string; region?: string }): void;
  cancelScheduled(kind: string, resource: string): void;
  /**
   * Registers how to take back a change the call made before it knew whether it
   * would succeed (e.g. an AWS managed key created on first reference): if the
   * call fails, the engine runs these, newest first, so a failed call changes
   * nothing but the trail.
   */
  onFailure(undo: () => void): void;
  /** Names a resource the call touched, for the trail. */
  touches(arn: string, type: string): void;
  /**
   * Records a service event on the trail (CloudTrail's AwsServiceEvent), made by
   * the calling service itself, e.g. Secrets Manager's RotationStarted or
   * RotationFailed. It appears after the events recorded so far.
   */
  recordServiceEvent(eventName: string, detail?: { accountId?: string; resources?: { ARN: string; type: string }[]; additionalEventData?: Record<string, unknown> }): void;
  /**
   * Tells an observer of the sandbox (a visualiser) that a step of a longer
   * piece of work finished, so it can look at the state at that moment. Not
   * part of AWS and not recorded anywhere; a no-op when nobody observes.
   */
  notify(notice: EngineNotice): void;
  /**
   * Runs a learner's program (user data, a function's handler) on a machine
   * of its own; undefined when this engine has no runner (see
   * core/script-runner.ts). Throws SandboxUsageError when programs nest too deep.
   */
  runScript(request: ScriptRequest): ScriptResult | undefined;
}

/** Moments inside one call that a visualiser may want to see the state at. */
export type EngineNotice =
  /** A rotation's placeholder AWSPENDING version exists; its first step is about to run. */
  | { kind: "rotation-started"; secretArn: string; token: string }
  /** The rotation function finished a step (ok or not). */
  | { kind: "rotation-step"; secretArn: string; token: string; step: "createSecret" | "setSecret" | "testSecret" | "finishSecret"; ok: boolean; errorType?: string; errorMessage?: string };

export interface OperationSpec<S extends z.ZodType = z.ZodType> {
  /** AWS operation name, e.g. "Encrypt". */
  name: string;
  /** The request: members with AWS's constraints (see core/validation.ts). */
  input: S;
  /** CloudTrail's readOnly flag. */
  readOnly: boolean;
  /** Top-level members the trail must not record (plaintexts, secret values). */
  sensitive?: { request?: readonly string[]; response?: readonly string[] };
  handler: (ctx: OperationContext, input: z.output<S>) => WireObject;
}

export function defineOperation<S extends z.ZodType>(spec: OperationSpec<S>): OperationSpec<S> {
  return spec;
}

/**
 * A due event's handler, run as the service itself when the clock passes the
 * event. `eventName` names the trail event it produces (e.g. "DeleteKey").
 */
export interface ScheduledHandler {
  eventName: string;
  run: (ctx: OperationContext, event: ScheduledEvent) => void;
}

export interface ServiceSpec {
  id: ServiceId;
  /** CloudTrail eventSource, e.g. "kms.amazonaws.com". */
  eventSource: string;
  /**
   * The code of a request that breaks the model's constraints: ValidationException (JSON services,
   * the default) or ValidationError (CloudFormation and STS, query-protocol services).
   */
  validationErrorCode?: string;
  /** Member name of the message in error bodies: KMS and SSM use "message", Secrets Manager "Message". */
  errorMessageKey: "message" | "Message";
  /** Error codes whose model names the message member differently from `errorMessageKey` (pass to `toWire`). */
  errorMessageKeys?: Readonly<Record<string, "message" | "Message">>;
  // Each operation has its own input type; the registry erases them.
  operations: Record<string, OperationSpec<z.ZodType>>;
  scheduledHandlers?: Record<string, ScheduledHandler>;
}
