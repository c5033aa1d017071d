import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { errataFileSchema } from "@/lib/content/errata";
import { examPointsFileSchema } from "@/lib/content/exam-points";
import { contentFiles } from "@/lib/content/paths";
import { parseYamlWithSchema } from "@/lib/content/yaml-source";
import { compileLabs } from "@/lib/labs/compile-lab";
import { PROOF_START } from "@/lib/labs/prove-lab";
import { AwsServiceError } from "@/lib/sandbox/core/errors";
import { defineOperation, type ServiceId, type ServiceSpec } from "@/lib/sandbox/core/operation";
import { createSandbox } from "@/lib/sandbox/create-sandbox";
import { services } from "@/lib/sandbox/engine";
import { Sandbox } from "@/lib/sandbox/sandbox";
import type { ScenarioName } from "@/lib/sandbox/scenarios";
import { caseFiles, CONFORMANCE_NOW, CONFORMANCE_SEED, loadCase } from "@/tests/conformance/transcript";
import { runExtraWorkload, type ExtraWorkload } from "./extra-workload";
import { runRandomWorkload } from "./random-workload";
import { ContractRecorder, contracts, instrumentServices, modelMembers, recorder } from "./recorder";

/**
 * The engine keeps the API contract generated from botocore (lib/sandbox/contracts/):
 *
 * 1. every successful response of every operation fits outputs[operation] (strict: no
 *    member the model lacks, the model's types: blobs base64 strings, timestamps numbers);
 * 2. every AwsServiceError an operation throws is one the model documents for it, one every
 *    AWS service may return, or a commented sandbox deviation;
 * 3. the request members a handler never reads are exactly the ones listed (and justified)
 *    in NOT_READ below, so a newly ignored member fails the test until it is explained.
 *
 * Nothing in the engine changes for this: every engine this file builds (createEngine, and
 * so every session) runs copies of the services whose handlers are instrumented (recorder.ts),
 * nested service-to-service calls and scheduled work included, since they go through the same
 * handlers. The workload: every command line of the conformance transcripts (in sessions of
 * their scenarios), random sessions from the property test's generator, the labs' checks and
 * solutions, and an extension (extra-workload.ts) that reaches what those do not.
 *
 * Errors are recorded where handlers throw them. The engine's own checks before a handler
 * runs (core/validation.ts parseRequest, the unknown-operation and call-depth guards in
 * sandbox.ts) can only answer ValidationException, SerializationException,
 * UnknownOperationException and InternalFailure, all common errors.
 *
 * Known contract violations the engine still has are listed, separately, in
 * KNOWN_RESPONSE_VIOLATIONS and KNOWN_ERROR_VIOLATIONS (each with a BUG comment); a fixed
 * bug fails the test until its entry is removed, so the lists only shrink.
 */

vi.mock("@/lib/sandbox/engine", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/sandbox/engine")>();
  const { Sandbox: SandboxClass } = await import("@/lib/sandbox/sandbox");
  const instrumentation = await import("./recorder");
  const instrumented = instrumentation.instrumentServices(original.services);
  return { ...original, services: instrumented, createEngine: (options = {}) => new SandboxClass(instrumented, options) };
});
type OperationId = `${ServiceId}.${string}`;

// ---------------------------------------------------------------------------------------------
// Errors: what an operation may throw beyond the codes its model lists.

/**
 * Errors every AWS service may return, whatever the operation: the API references' "Common
 * Errors" page (AccessDeniedException, IncompleteSignature, InternalFailure, ...), plus the
 * JSON protocol's own (ValidationException for the model's constraints, SerializationException
 * for a member of the wrong type, UnknownOperationException for an unknown X-Amz-Target).
 */
const COMMON_ERRORS = new Set([
  "AccessDeniedException",
  "ExpiredTokenException",
  "IncompleteSignature",
  "InternalFailure",
  "MalformedHttpRequestException",
  "NotAuthorized",
  "OptInRequired",
  "RequestAbortedException",
  "RequestEntityTooLargeException",
  "RequestExpired",
  "RequestTimeoutException",
  "ServiceUnavailable",
  "ThrottlingException",
  "UnrecognizedClientException",
  "UnknownOperationException",
  "ValidationError",
  "ValidationException",
  "SerializationException",
]);

/**
 * Codes a service documents outside its model (its models list none, or not these).
 * - STS and CloudFormation speak the Query protocol: a denial is `AccessDenied` (STS's
 *   AssumeRole answers it for a role that does not trust the caller; the API references' common
 *   errors), a malformed request `ValidationError`.
 * - EC2's model documents no errors at all; its codes are on the "Error codes for the Amazon EC2
 *   API" page (client errors such as InvalidInstanceID.NotFound, UnauthorizedOperation,
 *   DryRunOperation for a DryRun request that would have succeeded).
 */
const SERVICE_ERRORS: Partial<Record<ServiceId, ReadonlySet<string>>> = {
  sts: new Set(["AccessDenied", "ValidationError"]),
  cloudformation: new Set(["AccessDenied", "ValidationError"]),
  ec2: new Set([
    "DryRunOperation",
    "IncorrectInstanceState",
    "InstanceLimitExceeded",
    "InvalidAMIID.Malformed",
    "InvalidAMIID.NotFound",
    "InvalidInstanceID.Malformed",
    "InvalidInstanceID.NotFound",
    "InvalidParameterCombination",
    "InvalidParameterValue",
    "MissingParameter",
    "UnauthorizedOperation",
  ]),
};

/** Sandbox deviations: codes the engine answers that AWS's model does not list for the operation, each with why. */
const ERROR_DEVIATIONS: Readonly<Record<OperationId, Readonly<Record<string, string>>>> = {
  // README (KMS, "Messages not confirmed against AWS"): NotAuthorizedException, with an empty
  // message, for alias names under alias/aws/ (AWS's reserved prefix); the model lists no such error.
  "kms.CreateAlias": { NotAuthorizedException: "alias/aws/ names are AWS's (README, KMS)" },
  "kms.UpdateAlias": { NotAuthorizedException: "alias/aws/ names are AWS's (README, KMS)" },
  "kms.DeleteAlias": { NotAuthorizedException: "alias/aws/ names are AWS's (README, KMS)" },
};
/** sandbox.ts: a program that invokes programs more than 3 deep (NOTE: AWS has no such limit) is stopped, from any operation that runs one. */
const ANY_OPERATION_DEVIATIONS = new Set(["SandboxLimitExceeded"]);

/**
 * BUG list: undocumented error codes the engine throws today. Each entry is a contract
 * violation to fix in lib/ (then delete the entry). Format: "service.Operation": ["Code"].
 */
const KNOWN_ERROR_VIOLATIONS: Readonly<Record<OperationId, readonly string[]>> = {};

// ---------------------------------------------------------------------------------------------
// Responses.

/**
 * BUG list: responses that do not fit outputs[operation] today, as "service.Operation path:
 * problem" ("not in model" for a member the model lacks). Each is a contract violation to fix
 * in lib/ (then delete the entry).
 */
const KNOWN_RESPONSE_VIOLATIONS: readonly string[] = [];

// ---------------------------------------------------------------------------------------------
// Request members the handlers never read.

const GRANT_TOKENS = "grants act at once (README, KMS grants: AWS's are eventually consistent; grant tokens are accepted and not needed)";
const RECIPIENT = "Nitro Enclaves attestation is not simulated (NOTE in kms/operations/crypto.ts: the Recipient parameter is not simulated)";
const NO_NETWORK = "no networking (NOTE in ec2/state.ts and ec2/network.ts: every instance is in the default VPC's first subnet)";
const NO_DISKS = "no disks or volumes (NOTE in ec2/state.ts)";
const ONE_PAGE_EC2 = "every match comes in one page (NOTE in ec2/operations/instances.ts: MaxResults and NextToken are accepted and ignored)";
const NO_STOP = "stop, start and reboot are not simulated (README, EC2)";
const NO_VERSIONS = "versions and aliases are not simulated: only $LATEST exists (NOTE in lambda/operations/functions.ts)";
const NO_SECURITY_GROUPS = "no security groups (NOTE in ec2/state.ts)";
const NO_BILLING = "no billing (NOTE in ec2/state.ts; NOTE in ec2/operations/instances.ts: no capacity, no prices)";
const NO_IMAGES = "zip packages only, no container images (README, Lambda)";
const NO_S3 = "no S3: zip packages only (README, Lambda)";
const NO_LOGS = "CloudWatch Logs is not simulated (README, Lambda)";
const NO_LAYERS = "layers are not simulated (README, Lambda)";
const ONE_PAGE_CFN = "results come in one page (NOTE in cloudformation/operations/stacks.ts: NextToken is accepted and never returned)";
const CFN_NOT_SIMULATED = "not simulated (README, CloudFormation: stack policies, termination protection, notifications, timeouts)";
const NOT_SIMULATED = "not simulated";

/**
 * Per operation, the request members of the model that its handler never reads in the
 * workload, and why the sandbox ignores them. "not simulated" marks members for which no NOTE
 * or README line gives a reason yet.
 */
/** The function settings CreateFunction and UpdateFunctionConfiguration share, none of which the sandbox simulates. */
const FUNCTION_SETTINGS = {
  CapacityProviderConfig: NOT_SIMULATED,
  DeadLetterConfig: "Event invocations run at once (NOTE in lambda/operations/invoke.ts): nothing is queued, nothing dead-lettered",
  DurableConfig: NOT_SIMULATED,
  EphemeralStorage: NOT_SIMULATED,
  FileSystemConfigs: NOT_SIMULATED,
  ImageConfig: NO_IMAGES,
  KMSKeyArn: NOT_SIMULATED,
  Layers: NO_LAYERS,
  LoggingConfig: NO_LOGS,
  SnapStart: NOT_SIMULATED,
  TracingConfig: NOT_SIMULATED,
  VpcConfig: NOT_SIMULATED,
};

const NOT_READ: Readonly<Record<OperationId, Readonly<Record<string, string>>>> = {
  "kms.CreateGrant": { GrantTokens: GRANT_TOKENS },
  "kms.DescribeKey": { GrantTokens: GRANT_TOKENS },
  "kms.Encrypt": { GrantTokens: GRANT_TOKENS },
  "kms.Decrypt": { GrantTokens: GRANT_TOKENS, Recipient: RECIPIENT, DryRunModifiers: NOT_SIMULATED },
  "kms.ReEncrypt": { GrantTokens: GRANT_TOKENS, DryRunModifiers: NOT_SIMULATED },
  "kms.GenerateDataKey": { GrantTokens: GRANT_TOKENS, Recipient: RECIPIENT },
  "kms.GenerateDataKeyWithoutPlaintext": { GrantTokens: GRANT_TOKENS },
  "kms.GenerateDataKeyPair": { GrantTokens: GRANT_TOKENS, Recipient: RECIPIENT },
  "kms.GenerateDataKeyPairWithoutPlaintext": { GrantTokens: GRANT_TOKENS },
  "kms.GenerateRandom": { Recipient: RECIPIENT },
  "kms.Sign": { GrantTokens: GRANT_TOKENS },
  "kms.Verify": { GrantTokens: GRANT_TOKENS },
  "kms.GetPublicKey": { GrantTokens: GRANT_TOKENS },
  "kms.GenerateMac": { GrantTokens: GRANT_TOKENS },
  "kms.VerifyMac": { GrantTokens: GRANT_TOKENS },
  "secretsmanager.CreateSecret": {
    ForceOverwriteReplicaSecret: "replication is not simulated: no replica exists to overwrite (README, Secrets Manager)",
    Type: NOT_SIMULATED,
  },
  "secretsmanager.ReplicateSecretToRegions": { ForceOverwriteReplicaSecret: "replication is not simulated: every replica is reported Failed (NOTE in secrets-manager/operations/replication.ts)" },
  "secretsmanager.PutSecretValue": { RotationToken: NOT_SIMULATED },
  "secretsmanager.UpdateSecret": { Type: NOT_SIMULATED },
  "secretsmanager.RotateSecret": { ExternalSecretRotationMetadata: NOT_SIMULATED, ExternalSecretRotationRoleArn: NOT_SIMULATED },
  "sts.AssumeRole": {
    PolicyArns: "session policies are not simulated (README, STS)",
    Policy: "session policies are not simulated (README, STS)",
    Tags: "session tags are not simulated (README, STS)",
    TransitiveTagKeys: "session tags are not simulated (README, STS)",
    ExternalId: "external ids are not simulated (README, STS)",
    SerialNumber: "MFA is not simulated (README, STS)",
    TokenCode: "MFA is not simulated (README, STS)",
    SourceIdentity: "source identity is not simulated (README, STS)",
    ProvidedContexts: NOT_SIMULATED,
  },
  "ec2.RunInstances": {
    AdditionalInfo: NOT_SIMULATED,
    BlockDeviceMappings: NO_DISKS,
    CapacityReservationSpecification: NO_BILLING,
    CpuOptions: NOT_SIMULATED,
    CreditSpecification: NO_BILLING,
    DisableApiStop: NO_STOP,
    DisableApiTermination: NOT_SIMULATED,
    EbsOptimized: NO_DISKS,
    ElasticGpuSpecification: NOT_SIMULATED,
    ElasticInferenceAccelerators: NOT_SIMULATED,
    EnablePrimaryIpv6: NO_NETWORK,
    EnclaveOptions: NOT_SIMULATED,
    HibernationOptions: NO_STOP,
    InstanceInitiatedShutdownBehavior: NO_STOP,
    InstanceMarketOptions: NO_BILLING,
    Ipv6AddressCount: NO_NETWORK,
    Ipv6Addresses: NO_NETWORK,
    KernelId: NOT_SIMULATED,
    KeyName: "no key pairs (NOTE in ec2/state.ts)",
    LaunchTemplate: NOT_SIMULATED,
    LicenseSpecifications: NOT_SIMULATED,
    MaintenanceOptions: NOT_SIMULATED,
    MetadataOptions: "there is no instance metadata service: programs get their credentials in the environment (NOTE in ec2/boot.ts)",
    Monitoring: NOT_SIMULATED,
    NetworkInterfaces: NO_NETWORK,
    NetworkPerformanceOptions: NO_NETWORK,
    Operator: NOT_SIMULATED,
    Placement: NO_NETWORK,
    PrivateDnsNameOptions: NO_NETWORK,
    PrivateIpAddress: NO_NETWORK,
    RamdiskId: NOT_SIMULATED,
    SecondaryInterfaces: NO_NETWORK,
    SecurityGroupIds: NO_SECURITY_GROUPS,
    SecurityGroups: NO_SECURITY_GROUPS,
    SubnetId: NO_NETWORK,
  },
  "ec2.DescribeInstances": { DryRun: NOT_SIMULATED, IncludeManagedResources: NOT_SIMULATED, NextToken: ONE_PAGE_EC2 },
  "ec2.DescribeInstanceAttribute": { DryRun: NOT_SIMULATED },
  "ec2.DescribeImages": { DryRun: NOT_SIMULATED, ExecutableUsers: NOT_SIMULATED, IncludeDeprecated: NOT_SIMULATED, IncludeDisabled: NOT_SIMULATED, MaxResults: NOT_SIMULATED, NextToken: NOT_SIMULATED },
  "ec2.GetConsoleOutput": { DryRun: NOT_SIMULATED, Latest: "the console holds only cloud-init's lines about the user data (NOTE in ec2/boot.ts)" },
  "ec2.TerminateInstances": {
    Force: "shutting down is instant (NOTE in ec2/operations/instances.ts)",
    SkipOsShutdown: "shutting down is instant (NOTE in ec2/operations/instances.ts)",
  },
  "lambda.CreateFunction": {
    ...FUNCTION_SETTINGS,
    Architectures: NOT_SIMULATED,
    CodeSigningConfigArn: NOT_SIMULATED,
    PackageType: NO_IMAGES,
    Publish: NO_VERSIONS,
    PublishTo: NOT_SIMULATED,
    TenancyConfig: NOT_SIMULATED,
  },
  "lambda.UpdateFunctionConfiguration": FUNCTION_SETTINGS,
  "lambda.UpdateFunctionCode": {
    Architectures: NOT_SIMULATED,
    Publish: NO_VERSIONS,
    PublishTo: NOT_SIMULATED,
    S3Key: NO_S3,
    S3ObjectVersion: NO_S3,
    SourceKMSKeyArn: NOT_SIMULATED,
  },
  "lambda.ListFunctions": { FunctionVersion: NO_VERSIONS, MasterRegion: NOT_SIMULATED },
  "lambda.Invoke": { ClientContext: NOT_SIMULATED, DurableExecutionName: NOT_SIMULATED, TenantId: NOT_SIMULATED },
  "cloudformation.CreateStack": {
    EnableTerminationProtection: CFN_NOT_SIMULATED,
    NotificationARNs: CFN_NOT_SIMULATED,
    ResourceTypes: NOT_SIMULATED,
    RetainExceptOnCreate: NOT_SIMULATED,
    RollbackConfiguration: NOT_SIMULATED,
    StackPolicyBody: CFN_NOT_SIMULATED,
    StackPolicyURL: CFN_NOT_SIMULATED,
    TimeoutInMinutes: CFN_NOT_SIMULATED,
  },
  "cloudformation.DeleteStack": {
    ClientRequestToken: NOT_SIMULATED,
    DeletionMode: "not simulated (NOTE in cloudformation/operations/stacks.ts)",
    RetainResources: "not simulated (NOTE in cloudformation/operations/stacks.ts)",
    RoleARN: "not simulated (NOTE in cloudformation/operations/stacks.ts)",
  },
  "cloudformation.DescribeStackEvents": { NextToken: ONE_PAGE_CFN },
  "cloudformation.DescribeStacks": { NextToken: ONE_PAGE_CFN },
  "cloudformation.ListStackResources": { NextToken: ONE_PAGE_CFN },
  "cloudformation.ListStacks": { NextToken: ONE_PAGE_CFN },
  "cloudformation.GetTemplate": { TemplateStage: "templates have no transforms: Processed is the same text as Original (cloudformation/operations/stacks.ts)" },
};

// ---------------------------------------------------------------------------------------------

const workload = { transcriptLines: 0, randomSteps: 0, labCommands: 0, extraCalls: 0 };
let extra: ExtraWorkload = { calls: 0, surprises: [] };

const engineOperations = (): OperationId[] => services.flatMap((service) => Object.keys(service.operations).map((name) => `${service.id}.${name}` as OperationId));

beforeAll(async () => {
  // (a) Every command line of the recorded conformance transcripts, in a session of the case's scenario.
  for (const data of caseFiles().map(loadCase)) {
    const session = createSandbox({ scenario: data.scenario as ScenarioName, seed: CONFORMANCE_SEED, now: CONFORMANCE_NOW });
    for (const command of data.commands) {
      await session.run(command.run);
      workload.transcriptLines += 1;
    }
  }
  // (b) Random sessions from the property test's generator (a fixed fast-check seed: the same steps every run).
  workload.randomSteps = runRandomWorkload({ runs: 80, maxLength: 40, seed: 20260115, maxDays: 60 }).steps;
  // (c) The labs: each step's check (failing first), its solution, its check again.
  const examPoints = parseYamlWithSchema(await readFile(contentFiles.examPoints, "utf8"), examPointsFileSchema, "exam-points.yaml");
  const errata = parseYamlWithSchema(await readFile(contentFiles.errata, "utf8"), errataFileSchema, "errata.yaml");
  const labs = await compileLabs(contentFiles.labs, { examPointIds: new Set(examPoints.map((point) => point.id)), errataIds: new Set(errata.corrections.map((correction) => correction.id)) });
  for (const lab of labs) {
    const session = createSandbox({ scenario: lab.scenario as ScenarioName, seed: lab.seed, now: PROOF_START });
    for (const step of lab.steps) {
      for (const command of [step.check, ...step.solution, step.check]) {
        await session.run(command);
        workload.labCommands += 1;
      }
    }
  }
  // (d) What the others do not reach.
  extra = runExtraWorkload();
  workload.extraCalls = extra.calls;
}, 120_000);

describe("the generated contracts", () => {
  it("cover exactly the operations the engine implements", () => {
    for (const service of services) {
      const implemented = Object.keys(service.operations).sort();
      const contract = contracts[service.id];
      expect({ service: service.id, inputs: Object.keys(contract.inputs).sort() }).toEqual({ service: service.id, inputs: implemented });
      expect({ service: service.id, outputs: Object.keys(contract.outputs).sort() }).toEqual({ service: service.id, outputs: implemented });
      expect({ service: service.id, errors: Object.keys(contract.errors).sort() }).toEqual({ service: service.id, errors: implemented });
    }
  });
});

describe("the instrumentation", () => {
  // A service of its own, on an engine of its own, so that the shared records stay the workload's.
  const own = new ContractRecorder();
  const fake: ServiceSpec = {
    id: "sts",
    eventSource: "sts.amazonaws.com",
    errorMessageKey: "message",
    operations: {
      GetCallerIdentity: defineOperation({
        name: "GetCallerIdentity",
        input: z.object({ Probe: z.string().optional(), Ignored: z.string().optional() }),
        readOnly: true,
        handler: (_ctx, input) => (input.Probe === "fail" ? { UserId: 42, Extra: "x" } : { UserId: "AIDA", Account: "123456789012", Arn: "arn" }),
      }),
      AssumeRole: defineOperation({
        name: "AssumeRole",
        input: z.object({}),
        readOnly: false,
        handler: () => {
          throw new AwsServiceError("NoSuchThing", "undocumented");
        },
      }),
    },
  };
  const engine = new Sandbox(instrumentServices([fake], own), { seed: 1, now: "2026-01-01T00:00:00Z" });

  it("finds a member the model lacks and a wrong type, and records reads and error codes", () => {
    engine.call("sts", "GetCallerIdentity", { Probe: "ok", Ignored: "x" });
    expect(own.responseViolations.size).toBe(0);
    expect(() => engine.call("sts", "GetCallerIdentity", { Probe: "fail" })).not.toThrow();
    expect([...own.responseViolations.keys()].sort()).toEqual(["sts.GetCallerIdentity Extra not in model", "sts.GetCallerIdentity UserId invalid_type: expected string"]);
    expect(() => engine.call("sts", "AssumeRole", {})).toThrow("undocumented");
    const identity = own.operations.get("sts.GetCallerIdentity");
    expect({ calls: identity?.calls, responses: identity?.responses, read: [...(identity?.read ?? [])] }).toEqual({ calls: 2, responses: 2, read: ["Probe"] });
    expect([...(own.operations.get("sts.AssumeRole")?.errors ?? [])]).toEqual([["NoSuchThing", 1]]);
  });
});

describe("the engine against its contracts", () => {
  it("exercises every operation it implements, with at least one checked response each", () => {
    const counts = Object.fromEntries(engineOperations().map((id) => [id, recorder.operations.get(id)?.responses ?? 0]));
    const responses = Object.values(counts).reduce((sum, count) => sum + count, 0);
    console.info(
      `contract workload: ${JSON.stringify(workload)}; ${engineOperations().length} operations, ${responses} responses checked\n` +
        Object.entries(counts)
          .map(([id, count]) => `${id}=${count}/${recorder.operations.get(id as OperationId)?.calls ?? 0}`)
          .join(" "),
    );
    const unexercised = Object.entries(counts)
      .filter(([, count]) => count === 0)
      .map(([id]) => id);
    expect(unexercised, `no successful call in the workload; calls of extra-workload.ts that did not go as written:\n${extra.surprises.join("\n")}`).toEqual([]);
  });

  it("answers with responses that fit outputs[operation]", () => {
    const found = [...recorder.responseViolations.values()];
    const unexpected = found.filter((violation) => !KNOWN_RESPONSE_VIOLATIONS.includes(`${violation.service}.${violation.operation} ${violation.path}: ${violation.problem}`));
    expect(
      unexpected.map((violation) => ({ violation: `${violation.service}.${violation.operation} ${violation.path}: ${violation.problem}`, count: violation.count, request: violation.example.input, value: violation.example.value })),
    ).toEqual([]);
    const seen = new Set(found.map((violation) => `${violation.service}.${violation.operation} ${violation.path}: ${violation.problem}`));
    expect(
      KNOWN_RESPONSE_VIOLATIONS.filter((entry) => !seen.has(entry)),
      "fixed (or no longer reached): remove from KNOWN_RESPONSE_VIOLATIONS",
    ).toEqual([]);
  });

  it("never fails with anything but an AwsServiceError", () => {
    expect(recorder.crashes).toEqual([]);
  });

  it("throws only the errors the model documents, common errors and listed deviations", () => {
    const unexpected: { error: string; example: unknown }[] = [];
    const knownSeen = new Set<string>();
    for (const record of recorder.operations.values()) {
      const id: OperationId = `${record.service}.${record.operation}`;
      const documented = contracts[record.service].errors[record.operation] ?? [];
      for (const code of record.errors.keys()) {
        if (documented.includes(code) || COMMON_ERRORS.has(code) || SERVICE_ERRORS[record.service]?.has(code) || ERROR_DEVIATIONS[id]?.[code] || ANY_OPERATION_DEVIATIONS.has(code)) continue;
        if (KNOWN_ERROR_VIOLATIONS[id]?.includes(code)) {
          knownSeen.add(`${id} ${code}`);
          continue;
        }
        unexpected.push({ error: `${id} ${code}`, example: recorder.errorExamples.get(`${id} ${code}`) });
      }
    }
    expect(unexpected).toEqual([]);
    const stale = Object.entries(KNOWN_ERROR_VIOLATIONS).flatMap(([id, codes]) => codes.filter((code) => !knownSeen.has(`${id} ${code}`)).map((code) => `${id} ${code}`));
    expect(stale, "fixed (or no longer reached): remove from KNOWN_ERROR_VIOLATIONS").toEqual([]);
  });

  it("reads every request member of the model but those listed, with a reason, in NOT_READ", () => {
    const notRead: Record<string, string[]> = {};
    for (const id of engineOperations()) {
      const [service, operation] = id.split(".") as [ServiceId, string];
      const read = recorder.operations.get(id)?.read ?? new Set<string>();
      const missing = modelMembers(service, operation).filter((member) => !read.has(member));
      if (missing.length > 0) notRead[id] = missing.sort();
    }
    const listed = Object.fromEntries(Object.entries(NOT_READ).map(([id, members]) => [id, Object.keys(members).sort()]));
    expect(notRead).toEqual(listed);
    for (const [id, members] of Object.entries(NOT_READ)) {
      for (const [member, reason] of Object.entries(members)) expect(reason.trim(), `${id} ${member}: give the reason`).not.toBe("");
    }
  });
});
