import type * as z from "zod";
import { AwsServiceError, isAwsServiceError, SandboxUsageError } from "./core/errors";
import type { EngineNotice, NestedCallOptions, OperationContext, ServiceId, ServiceSpec, WireObject } from "./core/operation";
import { SeededRandom } from "./core/random";
import { MAX_TIME } from "./core/time";
import { originContext } from "./core/request-origin";
import type { ScriptRequest, ScriptResult, ScriptRunner } from "./core/script-runner";
import { cancelScheduled, insertScheduled, type ScheduledEvent } from "./core/scheduler";
import { parseRequest } from "./core/validation";
import { accessDeniedMessage, evaluate, parsePolicyDocument } from "./iam/access";
import type { PolicyDocument, Principal } from "./iam/model";
import { rootArn } from "./iam/model";
import { emptyRegionState, sandboxStateSchema, upgradeState, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type CallerRef, type RegionState, type SandboxState } from "./state";
import { queryTrail, redact, type TrailEvent, type TrailQuery } from "./trail/trail";
import { defaultAccounts, DEFAULT_REGION, LEARNER_ACCOUNT } from "./world";

export interface SandboxOptions {
  /** Seed for every random choice (ids, key material, nonces, passwords). Same seed, same session. */
  seed?: number;
  /** Start of simulated time: a Date, an ISO string or ms since the epoch. Defaults to the real time. */
  now?: number | string | Date;
  /** Default Region of calls. */
  region?: string;
}

export interface CallOptions {
  region?: string;
  /** Acts as this identity for this call only (the CLI, for temporary credentials in its environment). */
  as?: CallerRef;
}

/** What a set of credentials stands for: the role session STS issued them for, or why they do not work. */
export type CredentialsCheck = { ok: true; caller: CallerRef } | { ok: false; problem: "unknown" | "expired" | "signature" };

/** Keep the trail bounded: it always holds at least the most recent TRAIL_LIMIT events. */
export const TRAIL_LIMIT = 5_000;
/** Trim in batches (not one event per call) so a full trail costs nothing per call. */
const TRAIL_SLACK = 500;
const MAX_CALL_DEPTH = 8;
const MAX_SCRIPT_DEPTH = 3;

interface Frame {
  caller: Principal;
  callerId: string;
  /** The account whose identity policies apply (the caller's). */
  callerAccount: string;
  region: string;
  invokedBy: string | undefined;
  depth: number;
}

/**
 * The simulated AWS: KMS, Secrets Manager and Parameter Store (and the
 * identities, clock and trail around them) behind one call(). Every face of
 * the product drives this object; none keeps AWS state of its own.
 */
export class Sandbox {
  private state: SandboxState;
  private random: SeededRandom;
  private readonly services: Map<ServiceId, ServiceSpec>;
  private readonly policyCache = new Map<string, PolicyDocument>();
  /** Who watches steps inside calls (a visualiser); not state, never saved. */
  private observer: ((notice: EngineNotice) => void) | undefined;
  private lastRequest: string | undefined;
  /** Runs learners' programs for EC2 and Lambda (lent by the session); not state, never saved. */
  private scriptRunner: ScriptRunner | undefined;
  /** Programs running now, one inside another (a function invoking a function). */
  private scriptDepth = 0;
  /** Regions regionState() created during the calls under way (see execute: a failed call leaves none behind). */
  private createdRegions: { accountId: string; region: string }[] = [];

  constructor(services: readonly ServiceSpec[], options: SandboxOptions = {}) {
    this.services = new Map(services.map((service) => [service.id, service]));
    const seed = options.seed ?? (globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 0);
    this.random = SeededRandom.fromSeed(seed);
    const now = options.now === undefined ? Date.now() : new Date(options.now).getTime();
    if (!Number.isFinite(now) || now < 0 || now > MAX_TIME) throw new SandboxUsageError(`invalid start time: ${String(options.now)} (the sandbox's clock runs from 1970 to the end of 9999)`);
    const region = options.region ?? DEFAULT_REGION;
    this.state = {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      now,
      random: [],
      sequence: 0,
      defaultRegion: region,
      caller: { accountId: LEARNER_ACCOUNT, kind: "user", name: "admin" },
      accounts: defaultAccounts(now, (prefix) => this.principalId(prefix)),
      scheduled: [],
      trail: [],
    };
  }

  /** Simulated time, ms since the epoch. */
  get now(): number {
    return this.state.now;
  }

  get region(): string {
    return this.state.defaultRegion;
  }

  /**
   * Calls an AWS operation with a wire-format request (blobs base64,
   * timestamps epoch seconds) as the current caller; returns the wire-format
   * response or throws the AwsServiceError AWS would return.
   */
  call(service: ServiceId, operation: string, input: WireObject = {}, options: CallOptions = {}): WireObject {
    const callerRef = options.as ?? this.state.caller;
    const { principal, id } = this.resolveCaller(callerRef);
    return this.execute(service, operation, input, {
      caller: principal,
      callerId: id,
      callerAccount: callerRef.accountId,
      region: options.region ?? this.state.defaultRegion,
      invokedBy: undefined,
      depth: 0,
    });
  }

  /**
   * A random UUID from the sandbox's seeded generator: what the AWS CLI puts
   * in an idempotency token (ClientRequestToken) the learner did not give.
   */
  /**
   * The request id of the last top-level call (its trail event id), as AWS
   * returns in x-amzn-RequestId; the CLI shows it where the real one does.
   */
  get lastRequestId(): string | undefined {
    return this.lastRequest;
  }

  /**
   * Lends the engine a way to run learners' programs (EC2 user data, Lambda
   * handlers): the session does, since the shell lives there.
   */
  setScriptRunner(runner: ScriptRunner | undefined): void {
    this.scriptRunner = runner;
  }

  private runScript(request: ScriptRequest): ScriptResult | undefined {
    if (!this.scriptRunner) return undefined;
    // NOTE: AWS has no such limit for direct calls; a program that invokes itself would otherwise never end.
    if (this.scriptDepth >= MAX_SCRIPT_DEPTH) throw new AwsServiceError("SandboxLimitExceeded", `The sandbox runs programs at most ${MAX_SCRIPT_DEPTH} deep (a program calling a function that calls a function ...).`, 400);
    this.scriptDepth += 1;
    try {
      return this.scriptRunner(request);
    } finally {
      this.scriptDepth -= 1;
    }
  }

  /** Bytes from the sandbox's seeded generator (openssl rand, salts): the same seed gives the same bytes. */
  randomBytes(length: number): Uint8Array {
    return this.random.bytes(length);
  }

  newRequestToken(): string {
    return this.random.uuid();
  }

  /** Acts as another identity from now on (the account root, an IAM user, or a session of an IAM role). */
  actAs(caller: CallerRef): Principal {
    const { principal } = this.resolveCaller(caller);
    this.state.caller = caller;
    return principal;
  }

  /**
   * The role session temporary credentials belong to (AssumeRole issued
   * them), checked as AWS checks a request's credentials: an access key id
   * STS never issued (or a session token that is not its own) is unknown, a
   * wrong secret key fails the signature, and a session past its expiry is
   * expired. NOTE: requests are not signed here; the secret key is compared
   * as given.
   */
  checkCredentials(accessKeyId: string, secretAccessKey: string | undefined, sessionToken: string | undefined): CredentialsCheck {
    for (const account of Object.values(this.state.accounts)) {
      const session = account.iam.sessions?.[accessKeyId];
      if (!session) continue;
      if (sessionToken !== session.sessionToken) return { ok: false, problem: "unknown" };
      if (secretAccessKey !== undefined && secretAccessKey !== session.secretAccessKey) return { ok: false, problem: "signature" };
      if (this.state.now >= session.expiresAt) return { ok: false, problem: "expired" };
      return { ok: true, caller: { accountId: account.accountId, kind: "role", name: session.roleName, sessionName: session.sessionName } };
    }
    return { ok: false, problem: "unknown" };
  }

  whoAmI(): Principal {
    return this.resolveCaller(this.state.caller).principal;
  }

  /**
   * Moves simulated time forward by `ms`, running everything due on the way
   * (key deletions, scheduled rotations) in order, each at its own due time.
   * Returns the events that ran.
   */
  advanceClock(ms: number): ScheduledEvent[] {
    if (!Number.isFinite(ms) || ms < 0) throw new SandboxUsageError(`cannot move the clock by ${ms} ms`);
    const target = this.state.now + ms;
    if (target > MAX_TIME) throw new SandboxUsageError("the sandbox's clock stops at the end of 9999 (AWS's dates have four-digit years): it cannot move that far");
    const ran: ScheduledEvent[] = [];
    for (let next = this.state.scheduled[0]; next && next.at <= target; next = this.state.scheduled[0]) {
      this.state.scheduled.shift();
      this.state.now = Math.max(this.state.now, next.at);
      this.runScheduled(next);
      ran.push(next);
    }
    this.state.now = target;
    return ran;
  }

  /** The trail, oldest first, optionally filtered. */
  trail(query?: TrailQuery): TrailEvent[] {
    return queryTrail(this.state.trail, query);
  }

  /**
   * Watches the steps inside calls (see EngineNotice) until the returned
   * function is called. The observer sees the live state at each step and
   * must not change it.
   */
  observe(observer: (notice: EngineNotice) => void): () => void {
    this.observer = observer;
    return () => {
      if (this.observer === observer) this.observer = undefined;
    };
  }

  /** Read-only view of the live state, for visualisers; copy it before keeping it. */
  peek(): Readonly<SandboxState> {
    return this.state;
  }

  /**
   * The whole state as plain JSON (versioned), for saving and sharing. With
   * `{ trail: false }` the copy has an empty trail: savers that keep the
   * trail apart (it is most of the state) copy only its new events, from
   * `peek().trail`.
   */
  snapshot(options: { trail?: boolean } = {}): SandboxState {
    this.state.random = this.random.state();
    if (options.trail !== false) return structuredClone(this.state);
    const { trail, ...rest } = this.state;
    void trail;
    return { ...structuredClone(rest), trail: [] };
  }

  /**
   * Replaces the whole state with a snapshot. A malformed or foreign
   * snapshot is rejected with a message saying why, and nothing changes.
   */
  restore(snapshot: unknown): void {
    const header = snapshot as { format?: unknown; version?: unknown } | null;
    if (typeof snapshot !== "object" || header === null || header.format !== SNAPSHOT_FORMAT) {
      throw new SandboxUsageError("This is not a sandbox snapshot (it has no \"format\": \"keystone-sandbox\").");
    }
    if (header.version !== SNAPSHOT_VERSION) {
      throw new SandboxUsageError(`This snapshot has format version ${String(header.version)}; this sandbox reads version ${SNAPSHOT_VERSION}.`);
    }
    const parsed = sandboxStateSchema.safeParse(snapshot);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SandboxUsageError(`The snapshot is damaged: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}.`);
    }
    const copy = upgradeState(structuredClone(snapshot) as SandboxState);
    // Meaning, not only shape: a consistent sandbox has run everything due before its own time,
    // so a due event in the past can only come from a crafted save (it would make the next
    // clock advance catch up on years of daily rotations).
    const stale = copy.scheduled.find((event) => event.at < copy.now);
    if (stale) throw new SandboxUsageError(`The snapshot is damaged: scheduled: an event (${stale.kind}) is due before the snapshot's own time.`);
    const random = SeededRandom.fromState(copy.random);
    this.state = copy;
    this.random = random;
  }

  /** Creates or replaces an IAM user with inline policies (world building for scenarios and tests). */
  putUser(accountId: string, name: string, policies: Record<string, object>): void {
    const account = this.account(accountId);
    account.iam.users[name] = {
      name,
      userId: account.iam.users[name]?.userId ?? this.principalId("AIDA"),
      arn: `arn:aws:iam::${accountId}:user/${name}`,
      createdAt: this.state.now,
      policies: Object.entries(policies).map(([policyName, document]) => ({ name: policyName, document: JSON.stringify(document) })),
    };
  }

  /** Creates or replaces an IAM role with a trust policy (a service's, or the given document) and inline policies. */
  putRole(accountId: string, name: string, role: { trustedService: string; trustPolicy?: object; description?: string; policies: Record<string, object> }): void {
    const account = this.account(accountId);
    account.iam.roles[name] = {
      name,
      roleId: account.iam.roles[name]?.roleId ?? this.principalId("AROA"),
      arn: `arn:aws:iam::${accountId}:role/${name}`,
      createdAt: this.state.now,
      ...(role.description === undefined ? {} : { description: role.description }),
      trustPolicy: JSON.stringify(role.trustPolicy ?? { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: role.trustedService }, Action: "sts:AssumeRole" }] }),
      policies: Object.entries(role.policies).map(([policyName, document]) => ({ name: policyName, document: JSON.stringify(document) })),
    };
  }

  /**
   * Creates (or replaces) an instance profile holding `roleName`, for
   * scenario set-up: EC2 instances launched with it act as the role.
   */
  putInstanceProfile(accountId: string, name: string, roleName: string): void {
    const account = this.account(accountId);
    if (!account.iam.roles[roleName]) throw new SandboxUsageError(`no role ${roleName} in account ${accountId}`);
    account.iam.instanceProfiles[name] = {
      name,
      instanceProfileId: account.iam.instanceProfiles[name]?.instanceProfileId ?? this.principalId("AIPA"),
      arn: `arn:aws:iam::${accountId}:instance-profile/${name}`,
      createdAt: this.state.now,
      roles: [roleName],
    };
  }

  /** Direct access to a Region's service state, for scenario set-up (simulated databases, functions). */
  regionState(accountId: string = this.state.caller.accountId, region: string = this.state.defaultRegion): RegionState {
    const account = this.account(accountId);
    if (!account.regions[region]) {
      account.regions[region] = emptyRegionState();
      this.createdRegions.push({ accountId, region });
    }
    return account.regions[region];
  }

  // ---------------------------------------------------------------------------

  private account(accountId: string) {
    const account = this.state.accounts[accountId];
    if (!account) throw new SandboxUsageError(`no account ${accountId} in this sandbox`);
    return account;
  }

  private principalIdOf(principal: Principal): string {
    const account = this.state.accounts[principal.accountId];
    if (principal.kind === "user") return account?.iam.users[principal.name]?.userId ?? principal.arn;
    if (principal.kind === "assumed-role") return `${account?.iam.roles[principal.roleName]?.roleId ?? "AROA"}:${principal.sessionName}`;
    if (principal.kind === "root") return principal.accountId;
    return principal.service;
  }

  /** IAM unique ids: AIDA... for users, AROA... for roles, 21 characters. */
  private principalId(prefix: "AIDA" | "AROA" | "AIPA"): string {
    return prefix + this.random.string("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17);
  }

  /** The principal for a caller reference, and its unique id as STS reports it. */
  resolveCaller(caller: CallerRef): { principal: Principal; id: string } {
    const account = this.account(caller.accountId);
    switch (caller.kind) {
      case "root":
        return { principal: { kind: "root", accountId: caller.accountId, arn: rootArn(caller.accountId) }, id: caller.accountId };
      case "user": {
        const user = account.iam.users[caller.name];
        if (!user) throw new SandboxUsageError(`no IAM user ${caller.name} in account ${caller.accountId}`);
        return { principal: { kind: "user", accountId: caller.accountId, name: user.name, arn: user.arn }, id: user.userId };
      }
      case "role": {
        const role = account.iam.roles[caller.name];
        if (!role) throw new SandboxUsageError(`no IAM role ${caller.name} in account ${caller.accountId}`);
        return {
          id: `${role.roleId}:${caller.sessionName}`,
          principal: {
            kind: "assumed-role",
            accountId: caller.accountId,
            roleName: role.name,
            sessionName: caller.sessionName,
            roleArn: role.arn,
            arn: `arn:aws:sts::${caller.accountId}:assumed-role/${role.name}/${caller.sessionName}`,
          },
        };
      }
    }
  }

  private identityPoliciesOf(principal: Principal): { name: string; document: PolicyDocument }[] {
    const account = this.state.accounts[principal.accountId];
    if (!account) return [];
    const policies =
      principal.kind === "user"
        ? account.iam.users[principal.name]?.policies
        : principal.kind === "assumed-role"
          ? account.iam.roles[principal.roleName]?.policies
          : undefined;
    return (policies ?? []).flatMap(({ name, document }) => {
      const parsed = this.parsePolicy(document);
      return parsed ? [{ name, document: parsed }] : [];
    });
  }

  /** Policies are stored as text; parse each once. */
  private parsePolicy(text: string): PolicyDocument | undefined {
    const cached = this.policyCache.get(text);
    if (cached) return cached;
    const parsed = parsePolicyDocument(text, "identity");
    if (!parsed.ok) return undefined;
    this.policyCache.set(text, parsed.document);
    return parsed.document;
  }

  private recordEvent(event: TrailEvent): void {
    this.state.trail.push(event);
    if (this.state.trail.length > TRAIL_LIMIT + TRAIL_SLACK) this.state.trail.splice(0, this.state.trail.length - TRAIL_LIMIT);
  }

  private newTrailEvent(service: ServiceSpec, eventName: string, frame: Frame, readOnly: boolean): TrailEvent {
    const { caller } = frame;
    return {
      eventId: this.random.uuid(),
      eventTime: this.state.now,
      eventSource: service.eventSource,
      eventName,
      awsRegion: frame.region,
      recipientAccountId: caller.accountId,
      userIdentity: {
        type: caller.kind === "root" ? "Root" : caller.kind === "user" ? "IAMUser" : caller.kind === "assumed-role" ? "AssumedRole" : "AWSService",
        arn: caller.arn,
        accountId: caller.accountId,
        ...(frame.invokedBy ? { invokedBy: frame.invokedBy } : {}),
      },
      readOnly,
      requestParameters: null,
      responseElements: null,
      resources: [],
      authorizations: [],
    };
  }

  private execute(serviceId: ServiceId, operation: string, input: WireObject, frame: Frame): WireObject {
    const service = this.services.get(serviceId);
    // Own members only: `constructor` or `__proto__` named as an operation is unknown, not Object's.
    const spec = service && Object.hasOwn(service.operations, operation) ? service.operations[operation] : undefined;
    if (!service || !spec) throw new AwsServiceError("UnknownOperationException", "");
    if (frame.depth > MAX_CALL_DEPTH) throw new AwsServiceError("InternalFailure", "Call depth exceeded", 500);

    const event = this.newTrailEvent(service, operation, frame, spec.readOnly);
    event.requestParameters = redact(input as Record<string, unknown>, spec.sensitive?.request);
    this.recordEvent(event);
    // A program's own calls (user data, a function) are not the request the learner made.
    if (frame.depth === 0 && this.scriptDepth === 0) this.lastRequest = event.eventId;
    const undo: (() => void)[] = [];
    const ctx = this.context(frame, event, undo);
    const regionsMark = this.createdRegions.length;
    const sequenceMark = this.state.sequence;
    try {
      const request = parseRequest(spec.input as z.ZodType, input, service.validationErrorCode);
      const output = spec.handler(ctx, request);
      event.responseElements = redact(output as Record<string, unknown>, spec.sensitive?.response);
      return output;
    } catch (error) {
      const failure = isAwsServiceError(error) ? error : internalFailure(error);
      event.errorCode = failure.code;
      event.errorMessage = failure.message;
      // A failed call changes nothing but the trail: handlers reach a Region's state through
      // regionState(), which creates it on first use, so a call that fails in a Region no call
      // had used yet (the first call of a session, a secret's ARN naming another Region) would
      // leave an empty Region behind in snapshots. Drop those that are still empty.
      for (const step of undo.reverse()) step();
      this.dropEmptyRegions(regionsMark);
      // Scheduled-event ids the failed call drew and gave back are drawn again by the next call.
      if (!this.state.scheduled.some((due) => due.id > sequenceMark)) this.state.sequence = sequenceMark;
      throw failure;
    } finally {
      if (frame.depth === 0 && this.scriptDepth === 0) this.createdRegions.length = 0;
    }
  }

  private dropEmptyRegions(mark: number): void {
    const empty = JSON.stringify(emptyRegionState());
    for (const { accountId, region } of this.createdRegions.splice(mark)) {
      const regions = this.state.accounts[accountId]?.regions;
      if (regions?.[region] && JSON.stringify(regions[region]) === empty) delete regions[region];
    }
  }

  private runScheduled(due: ScheduledEvent): void {
    for (const service of this.services.values()) {
      const handler = service.scheduledHandlers?.[due.kind];
      if (!handler) continue;
      const caller: Principal = { kind: "service", service: service.eventSource, arn: service.eventSource, accountId: due.accountId };
      const frame: Frame = { caller, callerId: service.eventSource, callerAccount: due.accountId, region: due.region, invokedBy: service.eventSource, depth: 0 };
      const event = this.newTrailEvent(service, handler.eventName, frame, false);
      event.requestParameters = { resource: due.resource };
      event.resources.push({ ARN: due.resource, type: due.kind });
      this.recordEvent(event);
      try {
        handler.run(this.context(frame, event), due);
      } catch (error) {
        const failure = isAwsServiceError(error) ? error : internalFailure(error);
        event.errorCode = failure.code;
        event.errorMessage = failure.message;
      }
      return;
    }
    throw new SandboxUsageError(`no handler for scheduled event kind ${due.kind}`);
  }

  private context(frame: Frame, event: TrailEvent, undo: (() => void)[] = []): OperationContext {
    const sandbox = this;
    return {
      accountId: frame.caller.accountId,
      region: frame.region,
      caller: frame.caller,
      callerId: frame.callerId,
      now: this.state.now,
      random: this.random,
      invokedBy: frame.invokedBy,
      eventId: event.eventId,
      trailEvents: () => sandbox.state.trail,
      onFailure: (step) => void undo.push(step),
      regionState: (accountId = frame.caller.accountId, region = frame.region) => sandbox.regionState(accountId, region),
      // restore() fills in what older snapshots lack (upgradeState), so the state is whole here.
      iamState: (accountId = frame.caller.accountId) => sandbox.state.accounts[accountId]?.iam,
      hasAccount: (accountId) => accountId in sandbox.state.accounts,
      authorize(request, options) {
        if (frame.caller.kind === "service") return; // AWS services acting for themselves (scheduled work)
        const full = { ...request, context: { ...originContext(frame.invokedBy), ...request.context }, principal: frame.caller, identityPolicies: sandbox.identityPoliciesOf(frame.caller) };
        const result = evaluate(full);
        event.authorizations.push({ action: request.action, resource: request.resource, decision: result.decision, trace: result.trace, ...(result.summary ? { summary: result.summary } : {}) });
        if (result.decision !== "Allow") {
          const message = accessDeniedMessage(full, result);
          throw new AwsServiceError(options?.errorCode ?? "AccessDeniedException", options?.message ? options.message(message) : message, options?.status ?? 400);
        }
      },
      call(service: ServiceId, operation: string, input: WireObject, options: NestedCallOptions = {}) {
        const caller = options.as ?? frame.caller;
        return sandbox.execute(service, operation, input, {
          caller,
          callerId: options.as ? sandbox.principalIdOf(options.as) : frame.callerId,
          callerAccount: caller.accountId,
          region: options.region ?? frame.region,
          invokedBy: options.via ?? (options.as ? undefined : frame.invokedBy),
          depth: frame.depth + 1,
        });
      },
      schedule({ kind, at, resource, accountId, region }) {
        sandbox.state.sequence += 1;
        insertScheduled(sandbox.state.scheduled, {
          id: sandbox.state.sequence,
          at,
          kind,
          resource,
          accountId: accountId ?? frame.caller.accountId,
          region: region ?? frame.region,
        });
      },
      cancelScheduled(kind, resource) {
        cancelScheduled(sandbox.state.scheduled, kind, resource);
      },
      touches(arn, type) {
        if (!event.resources.some((resource) => resource.ARN === arn)) event.resources.push({ ARN: arn, type });
      },
      notify(notice) {
        sandbox.observer?.(notice);
      },
      runScript(request) {
        return sandbox.runScript(request);
      },
      recordServiceEvent(eventName, detail = {}) {
        const service = event.eventSource;
        const accountId = detail.accountId ?? frame.caller.accountId;
        sandbox.recordEvent({
          eventId: sandbox.random.uuid(),
          eventTime: sandbox.state.now,
          eventSource: service,
          eventName,
          awsRegion: frame.region,
          recipientAccountId: accountId,
          userIdentity: { type: "AWSService", arn: service, accountId, invokedBy: service },
          readOnly: false,
          requestParameters: null,
          responseElements: null,
          ...(detail.additionalEventData ? { additionalEventData: detail.additionalEventData } : {}),
          resources: detail.resources ?? [],
          authorizations: [],
        });
      },
    };
  }
}

/** A bug in the sandbox: reported as AWS reports its own faults, never as a crash. */
function internalFailure(error: unknown): AwsServiceError {
  const failure = new AwsServiceError("InternalFailure", "The sandbox hit an internal error: " + (error instanceof Error ? error.message : String(error)), 500);
  (failure as { cause?: unknown }).cause = error;
  return failure;
}
