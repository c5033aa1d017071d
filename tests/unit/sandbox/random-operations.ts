import fc from "fast-check";
import { DAY } from "@/lib/sandbox/core/time";
import type { Json, ServiceId, WireObject } from "@/lib/sandbox/core/operation";
// The engine module itself (not the index): the contract test mocks it to instrument every engine built here.
import { createEngine } from "@/lib/sandbox/engine";
import { imagesOf } from "@/lib/sandbox/ec2/images";
import { putRotationFunction } from "@/lib/sandbox/lambda";
import type { Sandbox } from "@/lib/sandbox/sandbox";
import type { CallerRef } from "@/lib/sandbox/state";
import { LEARNER_ACCOUNT } from "@/lib/sandbox/world";

/**
 * The random operation generator the engine's properties (properties.test.ts)
 * and its contract test (contracts/) replay: well-formed random sessions with
 * the kinds of calls learners make and their plausible mistakes.
 */

export const start = "2026-01-01T00:00:00Z";

export function newKey(sandbox: Sandbox): string {
  const { KeyMetadata } = sandbox.call("kms", "CreateKey", {}) as { KeyMetadata: { KeyId: string } };
  return KeyMetadata.KeyId;
}

/**
 * A random but well-formed session: the kinds of calls learners make, with plausible mistakes
 * (ids that do not exist, keys disabled or pending deletion, bad inputs, AWS managed keys used
 * directly, a retried request token with another value, ...), some of them made by a
 * restricted caller (see `callers`) so that refusals, nested ones included, happen too.
 */
const TOKEN = "00000000-0000-4000-8000-000000000001"; // a fixed ClientRequestToken: retries, reused tokens and known version ids
const policy = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const OPERATOR_ARN = `arn:aws:iam::${LEARNER_ACCOUNT}:user/operator`;
const ROTATION_FUNCTION = `arn:aws:lambda:us-east-1:${LEARNER_ACCOUNT}:function:rotate`;
const IMAGE = imagesOf("us-east-1")[0]!.imageId;

// Mostly the same few names, so that sequences reach deep states (a secret under a key that is then disabled, ...).
const keyId = fc.constantFrom("k0", "k0", "k0", "k1", "alias/app", "nope");
const secretId = fc.constantFrom("db", "db", "app/key", "missing");
const parameterName = fc.constantFrom("/app/a", "/app/b/c", "/nope");
const ssmTags = fc.constantFrom([{ Key: "env", Value: "dev" }], [{ Key: "aws:x", Value: "v" }], [{ Key: "", Value: "v" }]);
const keyPolicy = fc.constantFrom(
  policy([{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${LEARNER_ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }]),
  // Locks the caller out: refused unless the lockout check is bypassed.
  policy([{ Effect: "Allow", Principal: { AWS: OPERATOR_ARN }, Action: "kms:Encrypt", Resource: "*" }]),
  "{ not json",
);
const template = (resources: object) => JSON.stringify({ Resources: resources });
const stackTemplate = fc.constantFrom(
  template({ P: { Type: "AWS::SSM::Parameter", Properties: { Name: "/cfn/p", Type: "String", Value: "v" } } }),
  // Created, then rolled back when the second resource fails.
  template({ K: { Type: "AWS::KMS::Key", Properties: {} }, S: { Type: "AWS::SecretsManager::Secret", Properties: { Name: "cfn-secret", KmsKeyId: "alias/missing", SecretString: "x" } } }),
  template({ P: { Type: "AWS::SSM::Parameter", Properties: { Type: "String", Value: "{{resolve:ssm:/nope}}" } } }),
  template({ P: { Type: "AWS::Nope::Thing", Properties: {} } }),
  "{ not json",
);
const call = <Input>(service: ServiceId, operations: [string, ...string[]], input: fc.Arbitrary<Input>) =>
  fc.record({ service: fc.constant(service), operation: fc.constantFrom(...operations), input });

const request = fc.oneof(
  // KMS
  { weight: 4, arbitrary: call("kms", ["CreateKey"], fc.constant({})) },
  call(
    "kms",
    ["CreateKey"],
    fc.constantFrom(
      { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" },
      { KeySpec: "HMAC_256", KeyUsage: "GENERATE_VERIFY_MAC" },
      { KeyUsage: "SIGN_VERIFY" },
      { Origin: "EXTERNAL" },
      { Policy: "{ not json" },
      { Tags: [{ TagKey: "aws:x", TagValue: "v" }] },
      { Description: "x".repeat(8193) },
    ),
  ),
  { weight: 3, arbitrary: call("kms", ["DisableKey", "EnableKey", "DescribeKey", "EnableKeyRotation", "DisableKeyRotation", "CancelKeyDeletion", "GetKeyRotationStatus", "RotateKeyOnDemand"], fc.record({ KeyId: keyId })) },
  { weight: 2, arbitrary: call("kms", ["ScheduleKeyDeletion"], fc.record({ KeyId: fc.constantFrom("k0", "k1", "alias/aws/ssm"), PendingWindowInDays: fc.integer({ min: 0, max: 40 }) })) },
  { weight: 2, arbitrary: call("kms", ["CreateAlias"], fc.record({ AliasName: fc.constantFrom("alias/app", "alias/aws/x", "app"), TargetKeyId: fc.constantFrom("k0", "k1") })) },
  call("kms", ["UpdateAlias"], fc.record({ AliasName: fc.constantFrom("alias/app", "alias/other", "alias/aws/ssm"), TargetKeyId: keyId })),
  call("kms", ["DeleteAlias"], fc.record({ AliasName: fc.constantFrom("alias/app", "alias/other", "alias/aws/ssm") })),
  call("kms", ["Encrypt"], fc.record({ KeyId: fc.constantFrom("k0", "alias/app", "alias/aws/ssm"), Plaintext: fc.constantFrom("aGk=", "", "not base64") })),
  call("kms", ["Decrypt"], fc.record({ CiphertextBlob: fc.constantFrom("AAAA", "not base64", "aGk="), KeyId: fc.constantFrom(undefined, "k0") }, { requiredKeys: ["CiphertextBlob"] })),
  call("kms", ["GenerateDataKey"], fc.record({ KeyId: keyId, KeySpec: fc.constantFrom(undefined, "AES_256", "AES_512"), NumberOfBytes: fc.constantFrom(undefined, 0, 32, 1025), DryRun: fc.boolean() }, { requiredKeys: ["KeyId"] })),
  call("kms", ["UpdateKeyDescription"], fc.record({ KeyId: keyId, Description: fc.constantFrom("d", "x".repeat(8193)) })),
  call("kms", ["TagResource"], fc.record({ KeyId: keyId, Tags: fc.constantFrom([{ TagKey: "env", TagValue: "dev" }], [{ TagKey: "aws:x", TagValue: "v" }], [{ TagKey: "", TagValue: "v" }]) })),
  call("kms", ["UntagResource"], fc.record({ KeyId: keyId, TagKeys: fc.constantFrom(["env"], []) })),
  call("kms", ["PutKeyPolicy"], fc.record({ KeyId: keyId, PolicyName: fc.constantFrom("default", "other"), Policy: keyPolicy, BypassPolicyLockoutSafetyCheck: fc.boolean() })),
  call("kms", ["CreateGrant"], fc.record({ KeyId: keyId, GranteePrincipal: fc.constantFrom(OPERATOR_ARN, "bogus"), Operations: fc.constantFrom(["Encrypt"], ["Bogus"], []), Name: fc.constantFrom(undefined, "g"), DryRun: fc.boolean() }, { requiredKeys: ["KeyId", "GranteePrincipal", "Operations"] })),
  call("kms", ["RevokeGrant", "RetireGrant"], fc.record({ KeyId: keyId, GrantId: fc.constantFrom("nope", "0".repeat(64)) })),
  call("kms", ["Sign"], fc.record({ KeyId: keyId, Message: fc.constant("aGk="), SigningAlgorithm: fc.constantFrom("ECDSA_SHA_256", "RSASSA_PSS_SHA_256") })),
  call("kms", ["GenerateMac"], fc.record({ KeyId: keyId, Message: fc.constant("aGk="), MacAlgorithm: fc.constantFrom("HMAC_SHA_256", "HMAC_SHA_512") })),
  call("kms", ["GenerateRandom"], fc.record({ NumberOfBytes: fc.constantFrom(0, 16, 1025) })),
  // Secrets Manager
  { weight: 4, arbitrary: call("secretsmanager", ["CreateSecret", "PutSecretValue"], fc.record({ Name: fc.constantFrom("db", "app/key"), SecretId: fc.constantFrom("db", "app/key"), SecretString: fc.string({ maxLength: 30 }), KmsKeyId: fc.constantFrom(undefined, "k0", "alias/app") }, { requiredKeys: ["Name", "SecretId"] })) },
  { weight: 3, arbitrary: call("secretsmanager", ["CreateSecret"], fc.record({ Name: fc.constantFrom("db", "db", "app/key"), SecretString: fc.constant("s3cr3t"), KmsKeyId: fc.constantFrom(undefined, "k0", "k0", "k1") }, { requiredKeys: ["Name", "SecretString"] })) },
  call(
    "secretsmanager",
    ["CreateSecret", "PutSecretValue"],
    fc.record(
      {
        Name: fc.constantFrom("db", "app/key", "bad name!"),
        SecretId: secretId,
        SecretString: fc.constantFrom("a", "b"),
        SecretBinary: fc.constant("aGk="),
        ClientRequestToken: fc.constantFrom(TOKEN, "short"),
        KmsKeyId: fc.constantFrom("k0", "k1", "nope", "alias/aws/secretsmanager"),
        Tags: fc.constantFrom([{ Key: "env", Value: "dev" }], [{ Key: "aws:x", Value: "v" }]),
        VersionStages: fc.constantFrom(["AWSCURRENT"], ["custom"], ["AWSPENDING"], []),
      },
      { requiredKeys: ["Name", "SecretId"] },
    ),
  ),
  { weight: 2, arbitrary: call("secretsmanager", ["GetSecretValue"], fc.record({ SecretId: secretId, VersionStage: fc.constantFrom("AWSCURRENT", "AWSPREVIOUS", "nope"), VersionId: fc.constant(TOKEN) }, { requiredKeys: ["SecretId"] })) },
  call("secretsmanager", ["GetSecretValue", "DescribeSecret", "RestoreSecret", "ListSecretVersionIds", "CancelRotateSecret", "GetResourcePolicy", "DeleteResourcePolicy"], fc.record({ SecretId: secretId })),
  { weight: 2, arbitrary: call("secretsmanager", ["DeleteSecret"], fc.record({ SecretId: fc.constantFrom("db", "app/key"), RecoveryWindowInDays: fc.integer({ min: 0, max: 40 }) })) },
  call("secretsmanager", ["DeleteSecret"], fc.record({ SecretId: secretId, RecoveryWindowInDays: fc.constant(7), ForceDeleteWithoutRecovery: fc.boolean() }, { requiredKeys: ["SecretId"] })),
  call("secretsmanager", ["UpdateSecret"], fc.record({ SecretId: secretId, Description: fc.constant("d"), KmsKeyId: fc.constantFrom("k0", "k1", "nope"), SecretString: fc.constantFrom("a", "b"), ClientRequestToken: fc.constant(TOKEN) }, { requiredKeys: ["SecretId"] })),
  call("secretsmanager", ["UpdateSecretVersionStage"], fc.record({ SecretId: secretId, VersionStage: fc.constantFrom("AWSCURRENT", "AWSPENDING", "custom"), MoveToVersionId: fc.constantFrom(TOKEN, "11111111-1111-4111-8111-111111111111"), RemoveFromVersionId: fc.constantFrom(TOKEN, "11111111-1111-4111-8111-111111111111") }, { requiredKeys: ["SecretId", "VersionStage"] })),
  call(
    "secretsmanager",
    ["RotateSecret"],
    fc.record(
      {
        SecretId: secretId,
        RotationLambdaARN: fc.constantFrom(ROTATION_FUNCTION, `arn:aws:lambda:us-east-1:${LEARNER_ACCOUNT}:function:nope`),
        RotationRules: fc.constantFrom({ AutomaticallyAfterDays: 30 }, { AutomaticallyAfterDays: 0 }, { ScheduleExpression: "rate(4 hours)" }, { ScheduleExpression: "cron(bad)" }),
        RotateImmediately: fc.boolean(),
        ClientRequestToken: fc.constant(TOKEN),
      },
      { requiredKeys: ["SecretId"] },
    ),
  ),
  call("secretsmanager", ["PutResourcePolicy"], fc.record({ SecretId: secretId, ResourcePolicy: fc.constantFrom(policy([{ Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*" }]), policy([{ Effect: "Allow", Principal: { AWS: OPERATOR_ARN }, Action: "secretsmanager:GetSecretValue", Resource: "*" }]), "{ not json"), BlockPublicPolicy: fc.boolean() })),
  call("secretsmanager", ["TagResource"], fc.record({ SecretId: secretId, Tags: fc.constantFrom([{ Key: "env", Value: "dev" }], [{ Key: "aws:x", Value: "v" }], []) })),
  call("secretsmanager", ["UntagResource"], fc.record({ SecretId: secretId, TagKeys: fc.constantFrom(["env"], ["aws:x"]) })),
  call("secretsmanager", ["GetRandomPassword"], fc.record({ PasswordLength: fc.constantFrom(0, 3, 32, 4097), ExcludeNumbers: fc.boolean(), ExcludeLowercase: fc.boolean(), ExcludeUppercase: fc.boolean(), ExcludePunctuation: fc.boolean(), RequireEachIncludedType: fc.boolean() }, { requiredKeys: [] })),
  call("secretsmanager", ["BatchGetSecretValue"], fc.record({ SecretIdList: fc.constantFrom(["db", "missing"], ["app/key"]) })),
  // Parameter Store
  { weight: 4, arbitrary: call("ssm", ["PutParameter"], fc.record({ Name: fc.constantFrom("/app/a", "/app/b/c", "app", "/aws/x", "/app/a b"), Value: fc.string({ maxLength: 20 }), Type: fc.constantFrom("String", "StringList", "SecureString", "Bad"), Overwrite: fc.boolean() })) },
  {
    weight: 2,
    arbitrary: call(
      "ssm",
      ["PutParameter"],
      fc.record(
        {
          Name: fc.constantFrom("/app/a", "/app/b/c"),
          Value: fc.constantFrom("abc", "ABC", "x".repeat(5000)),
          Type: fc.constantFrom("String", "SecureString"),
          Overwrite: fc.boolean(),
          KeyId: fc.constantFrom("k0", "alias/app", "nope", "alias/aws/ssm"),
          Tier: fc.constantFrom("Standard", "Advanced", "Intelligent-Tiering"),
          Policies: fc.constantFrom('[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2026-03-01T00:00:00.000Z"}}]', '[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"soon"}}]', "[{"),
          AllowedPattern: fc.constantFrom("^[a-z]*$", "["),
          DataType: fc.constantFrom("text", "aws:ec2:image", "bogus"),
          Tags: ssmTags,
          Description: fc.constant("d"),
        },
        { requiredKeys: ["Name", "Value"] },
      ),
    ),
  },
  { weight: 2, arbitrary: call("ssm", ["GetParameter"], fc.record({ Name: fc.constantFrom("/app/a", "/app/a:1", "/app/a:prod"), WithDecryption: fc.constant(true) })) },
  call("ssm", ["GetParameter", "DeleteParameter", "GetParameterHistory"], fc.record({ Name: fc.constantFrom("/app/a", "/app/b/c", "/app/a:1", "/app/a:prod", "/nope", "/aws/reference/secretsmanager/db"), WithDecryption: fc.boolean() })),
  call("ssm", ["GetParameters", "DeleteParameters"], fc.record({ Names: fc.constantFrom(["/app/a", "/nope"], ["/app/b/c"], ["/app/a b"]) })),
  call("ssm", ["GetParametersByPath"], fc.record({ Path: fc.constantFrom("/app", "/", "app"), Recursive: fc.boolean(), WithDecryption: fc.boolean() })),
  call("ssm", ["LabelParameterVersion", "UnlabelParameterVersion"], fc.record({ Name: parameterName, ParameterVersion: fc.constantFrom(undefined, 1, 2, 7), Labels: fc.constantFrom(["prod"], ["aws-x", "1x"], Array.from({ length: 10 }, (_, i) => `l${i}`), ["prod", "l0"]) }, { requiredKeys: ["Name", "Labels"] })),
  call("ssm", ["AddTagsToResource"], fc.record({ ResourceType: fc.constantFrom("Parameter", "Document"), ResourceId: parameterName, Tags: ssmTags })),
  call("ssm", ["RemoveTagsFromResource"], fc.record({ ResourceType: fc.constantFrom("Parameter", "Document"), ResourceId: parameterName, TagKeys: fc.constantFrom(["env"], ["nope"]) })),
  call("ssm", ["UpdateServiceSetting"], fc.record({ SettingId: fc.constantFrom("/ssm/parameter-store/high-throughput-enabled", "/ssm/nope"), SettingValue: fc.constantFrom("true", "maybe") })),
  call("ssm", ["ResetServiceSetting"], fc.record({ SettingId: fc.constantFrom("/ssm/parameter-store/high-throughput-enabled", "/ssm/nope") })),
  // The other services, briefly
  call("sts", ["AssumeRole"], fc.record({ RoleArn: fc.constantFrom(`arn:aws:iam::${LEARNER_ACCOUNT}:role/ec2-app-role`, `arn:aws:iam::${LEARNER_ACCOUNT}:role/nope`, "short"), RoleSessionName: fc.constantFrom("s", "session") })),
  call("ec2", ["RunInstances"], fc.record({ ImageId: fc.constantFrom(IMAGE, "ami-0123456789abcdef0", "bad"), MinCount: fc.constant(1), MaxCount: fc.constantFrom(0, 1), IamInstanceProfile: fc.constant({ Name: "nope" }), DryRun: fc.boolean() }, { requiredKeys: ["ImageId", "MinCount", "MaxCount"] })),
  call("ec2", ["TerminateInstances"], fc.record({ InstanceIds: fc.constant(["i-0123456789abcdef0"]) })),
  call("cloudformation", ["CreateStack"], fc.record({ StackName: fc.constantFrom("s1", "bad name"), TemplateBody: stackTemplate })),
  call("cloudformation", ["DeleteStack"], fc.record({ StackName: fc.constantFrom("s1", "nope") })),
  call("lambda", ["Invoke", "DeleteFunction", "GetFunction"], fc.record({ FunctionName: fc.constantFrom("rotate", "nope") })),
  call("cloudtrail", ["LookupEvents"], fc.record({ LookupAttributes: fc.constantFrom([{ AttributeKey: "EventName", AttributeValue: "Encrypt" }], [{ AttributeKey: "EventName", AttributeValue: "a" }, { AttributeKey: "ReadOnly", AttributeValue: "true" }]), StartTime: fc.constant(1_900_000_000), EndTime: fc.constant(1_800_000_000) }, { requiredKeys: [] })),
);

/**
 * Who makes a call: the account's administrator mostly, sometimes an operator allowed Parameter
 * Store and Secrets Manager but not the use of customer managed keys (so the KMS call those
 * services make for it is refused), or a session of the instance role (reads under /app only).
 */
const callers = {
  operator: { accountId: LEARNER_ACCOUNT, kind: "user", name: "operator" },
  app: { accountId: LEARNER_ACCOUNT, kind: "role", name: "ec2-app-role", sessionName: "i-0123456789abcdef0" },
} satisfies Record<string, CallerRef>;

export const operation = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(request, fc.constantFrom(undefined, undefined, undefined, undefined, "operator" as const, "app" as const)).map(([step, as]) => ({ ...step, input: step.input as WireObject, ...(as ? { as } : {}) })) },
  { weight: 1, arbitrary: fc.record({ service: fc.constant("clock" as const), operation: fc.constant("advance"), input: fc.record({ days: fc.integer({ min: 1, max: 400 }) }) }) },
);

export type Step = { service: ServiceId; operation: string; input: WireObject; as?: keyof typeof callers } | { service: "clock"; operation: string; input: { days: number } };

/** Replaces the placeholders k0/k1 (anywhere in a request) with the ids of the first two keys created. */
export function resolveKeys(input: WireObject, keys: string[]): WireObject {
  const resolve = (value: Json | undefined): Json | undefined => {
    if (value === "k0") return keys[0] ?? "00000000-0000-0000-0000-000000000000";
    if (value === "k1") return keys[1] ?? "11111111-1111-1111-1111-111111111111";
    if (Array.isArray(value)) return value.map((item) => resolve(item) as Json);
    if (value !== null && typeof value === "object") return resolveKeys(value as WireObject, keys) as Json;
    return value;
  };
  const copy: WireObject = {};
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined) copy[name] = resolve(value);
  }
  return copy;
}

/**
 * A fresh engine with the world the steps assume: the operator user, a rotation function, and
 * (so that short sequences reach deep states, such as a secret whose key is then disabled) the
 * keys k0 and k1, the secret "db" under k0 and the parameter /app/a, a SecureString under k0.
 * Returns the ids of the keys created, in order (k0, k1, then those the steps create).
 */
export function newEngine(seed: number): { sandbox: Sandbox; keys: string[] } {
  const sandbox = createEngine({ seed, now: start });
  sandbox.putUser(LEARNER_ACCOUNT, "operator", {
    Operate: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["ssm:*", "secretsmanager:*", "kms:DescribeKey", "kms:List*", "cloudformation:*"], Resource: "*" }] },
  });
  putRotationFunction(sandbox, { name: "rotate", strategy: "single-user" });
  const keys = [newKey(sandbox), newKey(sandbox)];
  sandbox.call("secretsmanager", "CreateSecret", { Name: "db", SecretString: "s3cr3t", KmsKeyId: keys[0] });
  sandbox.call("ssm", "PutParameter", { Name: "/app/a", Value: "abc", Type: "SecureString", KeyId: keys[0] });
  return { sandbox, keys };
}

/** Runs one step (a call, or the clock moving); a failed call throws its AwsServiceError. */
export function perform(sandbox: Sandbox, step: Step, keys: string[]): unknown {
  if (step.service === "clock") return sandbox.advanceClock(step.input.days * DAY).length;
  const output = sandbox.call(step.service, step.operation, resolveKeys(step.input, keys), step.as ? { as: callers[step.as] } : {});
  const created = (output as { KeyMetadata?: { KeyId?: string } }).KeyMetadata?.KeyId;
  if (step.operation === "CreateKey" && created) keys.push(created);
  return output;
}

