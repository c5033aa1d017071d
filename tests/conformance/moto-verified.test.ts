import { describe, expect, it } from "vitest";
import fixture from "@/tests/fixtures/moto-aws-verified.json";
import { isAwsServiceError, type Sandbox, type WireObject } from "@/lib/sandbox";
import { answerOf, blob, newEngine, type Answer, type AwsErrorShape } from "./replay";

/**
 * What moto's tests verified against real AWS assert about KMS, Secrets
 * Manager and Parameter Store (tests/fixtures/moto-aws-verified.json, made by
 * scripts/extract-moto-verified.mjs from getmoto/moto), reproduced in the
 * sandbox engine.
 *
 * Each fixture entry is one assertion of a test, keyed
 * `${file}::${test}#L${line}`: an `error` (the code and message AWS answered)
 * or an `assertion` (a response value the test checks). A test runs once, in
 * `scenarios`, keyed `${file}::${test}` (with pytest's parameter id): the
 * requests moto's test sent, in order, against a fresh engine; it answers, per
 * assertion line, what the engine did (any other failure fails the test: moto's
 * test would have failed on AWS too). Every entry is in exactly one of:
 * - `scenarios`: the engine must answer what AWS did;
 * - `knownDifferences` (also in `scenarios`): the engine answers something else
 *   today; the entry asserts the engine's CURRENT answer and that it still
 *   differs, so fixing the engine fails it (then delete the entry);
 * - `notReproducible` (keyed by test): the sandbox cannot make the requests, with the reason.
 */

const REGION = "us-east-1";

interface MotoEntry {
  key: string;
  service: string;
  file: string;
  test: string;
  testLine: number;
  kind: string;
  line: number;
  source?: string;
  code?: string;
  message?: string;
  fString?: boolean;
  match?: string;
}

/**
 * One assertion, as the engine answered it:
 * - `error`: the answer to the request the test expects to fail, and the values of the message's f-string fields
 *   (keyed by the Python expression, as written in the test);
 * - `equal`: the value the test computes from the responses, and the one it compares it with (`==`);
 * - `stopped`: an earlier request of the test failed with this error, so the test (on AWS, it passed) stops there.
 */
type Observation =
  | { error: Answer; values?: Record<string, string> }
  | { equal: [unknown, unknown] }
  | { stopped: AwsErrorShape };

/** A test's run: it reports each assertion's observation, by line, as the test reaches it. */
type Scenario = (observe: (line: number, observation: Observation) => void) => void;

const entries = fixture.entries as MotoEntry[];
const testKey = (entry: MotoEntry): string => `${entry.file.split("/").at(-1)}::${entry.test}`;

// ---------------------------------------------------------------------------
// Helpers


let uuidCounter = 0;
/** `str(uuid4())` in the tests, and the ClientRequestToken boto3 fills in on every call that has one. */
const uuid4 = (): string => `00000000-0000-4000-8000-${String(++uuidCounter).padStart(12, "0")}`;

/** A Secrets Manager call whose request has ClientRequestToken: boto3 fills it when the test does not. */
const smWrite = (engine: Sandbox, operation: string, input: WireObject, region = REGION): WireObject =>
  engine.call("secretsmanager", operation, { ClientRequestToken: uuid4(), ...input }, { region });

const sm = (engine: Sandbox, operation: string, input: WireObject, region = REGION): WireObject => engine.call("secretsmanager", operation, input, { region });

/** tests/test_secretsmanager/__init__.py's secretsmanager_aws_verified: a secret moto_secret_<6 chars> with "old_secret", in us-east-1. */
const verifiedSecret = (engine: Sandbox): WireObject => smWrite(engine, "CreateSecret", { Name: `moto_secret_${uuid4().slice(0, 6)}`, SecretString: "old_secret" });

// --- test_list_secrets.py: boto_client() is us-west-2; `str(uuid4())[0:6]` is the unique part of the names.

const LIST_REGION = "us-west-2";
const UNIQUE = "3f1c9a";

// test_with_all_filter's names
const FIRST_SECRET = `SecretOne${UNIQUE}`;
const SECOND_SECRET = `SecretTwo${UNIQUE}`;
const THIRD_SECRET = `Thirdsecret${UNIQUE}`;
const FOO_TAG_KEY = `SecretFTag${UNIQUE}`;
const FOO_TAG_VAL = `SecretFValue${UNIQUE}`;
const NO_MATCH = `none${UNIQUE}`;

// test_with_all_filter_special_characters's names (slash, under, plus, equal, dot, at, dash: all_special_char_names)
const ALL_SPECIAL_CHAR_NAMES = ["/", "_", "+", "=", ".", "@", "-"].map((separator) => `prod${separator}AppBeta${separator}${UNIQUE}`);
const FULL_UPPERCASE = `uat/COMPANY/${UNIQUE}`;
const PARTIAL_UPPERCASE = `uat/COMPANYthings/${UNIQUE}`;

/**
 * CreateSecret as the list tests call it. Each request takes time on AWS, so the secrets' CreatedDate (what ListSecrets
 * orders by) increases; the sandbox's clock stands still between calls, so the scenario moves it a second per secret.
 */
function createListed(engine: Sandbox, input: WireObject): void {
  smWrite(engine, "CreateSecret", input, LIST_REGION);
  engine.advanceClock(1000);
}

const listNames = (engine: Sandbox, filters: WireObject[]): string[] =>
  (sm(engine, "ListSecrets", { Filters: filters }, LIST_REGION).SecretList as WireObject[]).map((secret) => String(secret.Name));

/** `conn.list_secrets(Filters=[{"Key": key, "Values": values}])` */
const names = (engine: Sandbox, key: string, ...values: string[]): string[] => listNames(engine, [{ Key: key, Values: values }]);

// --- test_ssm.py: SSM_REGION is us-east-1.

const ssm = (engine: Sandbox, operation: string, input: WireObject): WireObject => engine.call("ssm", operation, input, { region: REGION });

// ---------------------------------------------------------------------------
// The scenarios, one per test the sandbox can run. A request the test does not
// expect to fail throws, and stops the scenario as it would stop the test.

/** moto's three tests of a ClientRequestToken reused with a different value: `write` sends "Hi" with the token of the secret's first version. */
function tokenReused(line: number, write: (engine: Sandbox, arn: string, token: string, input: WireObject) => unknown): Scenario {
  return (observe) => {
    const engine = newEngine();
    const token = uuid4();
    const input = { Name: uuid4(), SecretString: "Hello", ClientRequestToken: token };
    const secret = sm(engine, "CreateSecret", input);
    const error = answerOf(() => write(engine, String(secret.ARN), token, input));
    observe(line, { error, values: { client_request_token: token, "secret['ARN']": String(secret.ARN) } });
  };
}

/** test_parameter_lifecycle_with_leading_slash: create with one name, use the other (or the same). */
function parameterLifecycle(paramName: string, stripped: boolean): Scenario {
  return (observe) => {
    const engine = newEngine();
    ssm(engine, "PutParameter", { Name: paramName, Value: "value", Type: "String" });
    let accessName = paramName.replace(/^\/+/, "");
    if (!stripped) accessName = `/${accessName}`;
    const paramArn = (ssm(engine, "GetParameter", { Name: paramName }).Parameter as WireObject).ARN;
    observe(2419, { equal: [(ssm(engine, "GetParameter", { Name: accessName }).Parameter as WireObject).ARN, paramArn] });
    observe(2423, { equal: [(ssm(engine, "GetParameters", { Names: [accessName] }).Parameters as WireObject[]).length, 1] });
    ssm(engine, "DeleteParameter", { Name: accessName });
    observe(2428, { equal: [(ssm(engine, "GetParameters", { Names: [accessName] }).Parameters as WireObject[]).length, 0] });
    ssm(engine, "PutParameter", { Name: paramName, Value: "value", Type: "String" });
    ssm(engine, "DeleteParameters", { Names: [accessName] });
    observe(2436, { equal: [(ssm(engine, "GetParameters", { Names: [accessName] }).Parameters as WireObject[]).length, 0] });
  };
}

/** test_list_parameter_tags_created_with_leading_slash: tag through both names, list through both. */
function parameterTags(paramName: string): Scenario {
  return (observe) => {
    const engine = newEngine();
    ssm(engine, "PutParameter", { Name: paramName, Value: "value", Type: "String" });
    const strippedName = paramName.replace(/^\/+/, "");
    const slashName = `/${strippedName}`;
    ssm(engine, "AddTagsToResource", { ResourceId: strippedName, ResourceType: "Parameter", Tags: [{ Key: "stripped", Value: strippedName }] });
    ssm(engine, "AddTagsToResource", { ResourceId: slashName, ResourceType: "Parameter", Tags: [{ Key: "leading-slash", Value: slashName }] });
    // The assertion runs in a loop, once per name.
    const counts = [strippedName, slashName].map((id) => (ssm(engine, "ListTagsForResource", { ResourceId: id, ResourceType: "Parameter" }).TagList as WireObject[]).length);
    observe(2465, { equal: [counts, [2, 2]] });
    ssm(engine, "RemoveTagsFromResource", { ResourceId: strippedName, ResourceType: "Parameter", TagKeys: ["leading-slashed"] });
    ssm(engine, "RemoveTagsFromResource", { ResourceId: slashName, ResourceType: "Parameter", TagKeys: ["stripped"] });
    ssm(engine, "DeleteParameters", { Names: [paramName] });
  };
}

const scenarios: Record<string, Scenario> = {
  // --- test_kms_encrypt.py (region ap-northeast-1)

  "test_kms_encrypt.py::test_encrypt_key_with_empty_content": (observe) => {
    const engine = newEngine();
    const metadata = engine.call("kms", "CreateKey", {}, { region: "ap-northeast-1" }).KeyMetadata as WireObject;
    observe(22, { error: answerOf(() => engine.call("kms", "Encrypt", { KeyId: metadata.KeyId, Plaintext: blob("") }, { region: "ap-northeast-1" })) });
  },
  "test_kms_encrypt.py::test_encrypt_key_with_large_content": (observe) => {
    const engine = newEngine();
    const metadata = engine.call("kms", "CreateKey", {}, { region: "ap-northeast-1" }).KeyMetadata as WireObject;
    observe(38, { error: answerOf(() => engine.call("kms", "Encrypt", { KeyId: metadata.KeyId, Plaintext: blob("x".repeat(4097)) }, { region: "ap-northeast-1" })) });
  },

  // --- test_secretsmanager.py: idempotency tokens (us-east-1)

  "test_secretsmanager.py::test_create_duplicate_secret_without_specifying_token": (observe) => {
    const engine = newEngine();
    const secretName = uuid4();
    const input = { Name: secretName, SecretString: "Hello" };
    smWrite(engine, "CreateSecret", input);
    observe(1668, { error: answerOf(() => smWrite(engine, "CreateSecret", input)), values: { secret_name: secretName } });
  },
  "test_secretsmanager.py::test_create_duplicate_secret_with_same_token": (observe) => {
    const engine = newEngine();
    const token = uuid4();
    const input = { Name: uuid4(), SecretString: "Hello", ClientRequestToken: token };
    const secret1 = sm(engine, "CreateSecret", input);
    const secret2 = sm(engine, "CreateSecret", input);
    observe(1696, { equal: [secret1, secret2] });
    observe(1697, { equal: [secret1.VersionId, token] });
  },
  "test_secretsmanager.py::test_create_different_secret_with_same_token": tokenReused(1721, (engine, _arn, _token, input) => sm(engine, "CreateSecret", { ...input, SecretString: "Hi" })),
  "test_secretsmanager.py::test_put_same_secret_value_with_same_token": (observe) => {
    const engine = newEngine();
    const input = { SecretString: "Hello", ClientRequestToken: uuid4() };
    const secret1 = sm(engine, "CreateSecret", { Name: uuid4(), ...input });
    const { VersionStages, ...secret2 } = sm(engine, "PutSecretValue", { SecretId: secret1.ARN, ...input });
    observe(1745, { equal: [VersionStages, ["AWSCURRENT"]] });
    observe(1746, { equal: [secret1, secret2] });
  },
  "test_secretsmanager.py::test_put_different_secret_value_with_same_token": tokenReused(1773, (engine, arn, token) =>
    sm(engine, "PutSecretValue", { SecretId: arn, SecretString: "Hi", ClientRequestToken: token }),
  ),
  "test_secretsmanager.py::test_update_same_secret_value_with_same_token": (observe) => {
    const engine = newEngine();
    const token = uuid4();
    const input = { SecretString: "Hello", ClientRequestToken: token };
    const secretName = uuid4();
    sm(engine, "CreateSecret", { Name: secretName, ...input });
    observe(1794, { equal: [sm(engine, "UpdateSecret", { SecretId: secretName, ...input }).VersionId, token] });
  },
  "test_secretsmanager.py::test_update_different_secret_value_with_same_token": tokenReused(1821, (engine, arn, token) =>
    sm(engine, "UpdateSecret", { SecretId: arn, SecretString: "Hi", ClientRequestToken: token }),
  ),

  // --- test_secretsmanager.py: staging labels (secretsmanager_aws_verified makes the secret)

  "test_secretsmanager.py::test_update_secret_version_stage_manually": (observe) => {
    const engine = newEngine();
    const arn = verifiedSecret(engine).ARN;
    const currentVersion = smWrite(engine, "PutSecretValue", { SecretId: arn, SecretString: "previous_secret", VersionStages: ["AWSCURRENT"] }).VersionId;
    const initial = sm(engine, "GetSecretValue", { SecretId: arn, VersionStage: "AWSCURRENT" });
    observe(2304, { equal: [initial.VersionStages, ["AWSCURRENT"]] });
    observe(2305, { equal: [initial.SecretString, "previous_secret"] });
    const token = uuid4();
    sm(engine, "PutSecretValue", { SecretId: arn, ClientRequestToken: token, SecretString: "new_secret", VersionStages: ["AWSPENDING"] });
    const pending = sm(engine, "GetSecretValue", { SecretId: arn, VersionStage: "AWSPENDING" });
    observe(2318, { equal: [pending.VersionStages, ["AWSPENDING"]] });
    observe(2319, { equal: [pending.SecretString, "new_secret"] });
    sm(engine, "UpdateSecretVersionStage", { SecretId: arn, VersionStage: "AWSCURRENT", MoveToVersionId: token, RemoveFromVersionId: currentVersion });
    const current = sm(engine, "GetSecretValue", { SecretId: arn, VersionStage: "AWSCURRENT" });
    observe(2331, { equal: [[...(current.VersionStages as string[])].sort(), ["AWSCURRENT", "AWSPENDING"]] });
    observe(2332, { equal: [current.SecretString, "new_secret"] });
    const previous = sm(engine, "GetSecretValue", { SecretId: arn, VersionStage: "AWSPREVIOUS" });
    observe(2337, { equal: [previous.VersionStages, ["AWSPREVIOUS"]] });
    observe(2338, { equal: [previous.SecretString, "previous_secret"] });
  },
  "test_secretsmanager.py::test_update_secret_version_stage_dont_specify_current_stage": (observe) => {
    const engine = newEngine();
    const arn = verifiedSecret(engine).ARN;
    const currentVersion = String(smWrite(engine, "PutSecretValue", { SecretId: arn, SecretString: "previous_secret", VersionStages: ["AWSCURRENT"] }).VersionId);
    const token = uuid4();
    sm(engine, "PutSecretValue", { SecretId: arn, ClientRequestToken: token, SecretString: "new_secret", VersionStages: ["AWSPENDING"] });
    const error = answerOf(() => sm(engine, "UpdateSecretVersionStage", { SecretId: arn, VersionStage: "AWSCURRENT", MoveToVersionId: token }));
    observe(2365, { error, values: { current_version: currentVersion } });
  },

  // --- test_list_secrets.py

  "test_list_secrets.py::test_with_all_filter": (observe) => {
    const engine = newEngine();
    createListed(engine, { Name: FIRST_SECRET, SecretString: "s" });
    createListed(engine, { Name: SECOND_SECRET, SecretString: "s", Description: "DescTwo" });
    createListed(engine, { Name: THIRD_SECRET, SecretString: "s" });
    createListed(engine, { Name: FOO_TAG_KEY, SecretString: "s", Tags: [{ Key: "1", Value: "foo" }] });
    createListed(engine, { Name: FOO_TAG_VAL, SecretString: "s", Tags: [{ Key: "foo", Value: "v" }] });
    createListed(engine, { Name: NO_MATCH, SecretString: "s" });
    const secretLike = [FIRST_SECRET, SECOND_SECRET, FOO_TAG_KEY, FOO_TAG_VAL];
    observe(143, { equal: [names(engine, "all", "SecretOne"), [FIRST_SECRET]] });
    observe(150, { equal: [names(engine, "all", "foo"), [FOO_TAG_KEY, FOO_TAG_VAL]] });
    observe(157, { equal: [names(engine, "all", "Secret"), secretLike] });
    observe(164, { equal: [names(engine, "all", "secret"), secretLike] });
    observe(171, { equal: [names(engine, "all", "ret"), []] });
    observe(178, { equal: [names(engine, "all", "sec"), secretLike] });
    observe(184, { equal: [names(engine, "all", "SomeSecret"), []] });
    observe(192, { equal: [names(engine, "all", "d"), [SECOND_SECRET]] });
    observe(200, { equal: [names(engine, "all", "d t"), [SECOND_SECRET]] });
    observe(207, { equal: [names(engine, "all", "t"), [SECOND_SECRET, THIRD_SECRET, FOO_TAG_KEY]] });
  },
  "test_list_secrets.py::test_with_all_filter_special_characters": (observe) => {
    const engine = newEngine();
    for (const name of [...ALL_SPECIAL_CHAR_NAMES, FULL_UPPERCASE, PARTIAL_UPPERCASE]) createListed(engine, { Name: name, SecretString: "s" });
    observe(259, { equal: [names(engine, "all", "AppBeta"), ALL_SPECIAL_CHAR_NAMES] });
    observe(264, { equal: [names(engine, "all", "Beta"), ALL_SPECIAL_CHAR_NAMES] });
    observe(270, { equal: [names(engine, "all", "AppBeta", "prod"), ALL_SPECIAL_CHAR_NAMES] });
    observe(275, { equal: [names(engine, "all", "+"), []] });
    observe(280, { equal: [names(engine, "all", UNIQUE), [...ALL_SPECIAL_CHAR_NAMES, FULL_UPPERCASE, PARTIAL_UPPERCASE]] });
    observe(287, { equal: [names(engine, "all", "company"), [FULL_UPPERCASE]] });
    observe(292, { equal: [names(engine, "all", "things"), []] });
    observe(297, { equal: [names(engine, "all", "Ythings"), [PARTIAL_UPPERCASE]] });
    observe(304, { equal: [names(engine, "all", "N"), []] });
    observe(309, { equal: [names(engine, "all", "pany"), []] });
  },
  "test_list_secrets.py::test_with_duplicate_filter_keys": (observe) => {
    const engine = newEngine();
    createListed(engine, { Name: "foo", SecretString: "secret", Description: "one two" });
    createListed(engine, { Name: "bar", SecretString: "secret", Description: "one" });
    createListed(engine, { Name: "baz", SecretString: "secret", Description: "two" });
    createListed(engine, { Name: "qux", SecretString: "secret", Description: "unrelated" });
    const found = listNames(engine, [
      { Key: "description", Values: ["one"] },
      { Key: "description", Values: ["two"] },
    ]);
    observe(388, { equal: [found, ["foo"]] });
  },
  "test_list_secrets.py::test_with_filter_with_value_with_multiple_words": (observe) => {
    const engine = newEngine();
    createListed(engine, { Name: "foo", SecretString: "secret", Description: "one two" });
    createListed(engine, { Name: "bar", SecretString: "secret", Description: "one and two" });
    createListed(engine, { Name: "baz", SecretString: "secret", Description: "one" });
    createListed(engine, { Name: "qux", SecretString: "secret", Description: "two" });
    createListed(engine, { Name: "none", SecretString: "secret", Description: "unrelated" });
    observe(457, { equal: [names(engine, "description", "one two"), ["foo", "bar"]] });
    observe(462, { equal: [names(engine, "description", "o t"), ["foo", "bar"]] });
    observe(467, { equal: [names(engine, "description", "t"), ["foo", "bar", "qux"]] });
  },

  // --- test_ssm.py (pytest's ids: [stripped-param_name])

  "test_ssm.py::test_parameter_lifecycle_with_leading_slash[True-/with-slash]": parameterLifecycle("/with-slash", true),
  "test_ssm.py::test_parameter_lifecycle_with_leading_slash[True-without-slash]": parameterLifecycle("without-slash", true),
  "test_ssm.py::test_parameter_lifecycle_with_leading_slash[False-/with-slash]": parameterLifecycle("/with-slash", false),
  "test_ssm.py::test_parameter_lifecycle_with_leading_slash[False-without-slash]": parameterLifecycle("without-slash", false),
  "test_ssm.py::test_list_parameter_tags_created_with_leading_slash[/with-slash]": parameterTags("/with-slash"),
  "test_ssm.py::test_list_parameter_tags_created_with_leading_slash[without-slash]": parameterTags("without-slash"),
};

// ---------------------------------------------------------------------------
// Entries the engine answers differently today (fidelity bugs), by entry key:
// the engine's CURRENT observation. The lead fixes the engine and deletes the entry.

/** The list the test expects, as the engine lists it today: newest first. */
const newestFirst = (expected: string[]): Observation => ({ equal: [[...expected].reverse(), expected] });

/** A scenario stopped by Parameter Store refusing the other spelling of a one-level name. */
const PARAMETER_NOT_FOUND: Observation = { stopped: { code: "ParameterNotFound", message: "" } };
const INVALID_RESOURCE_ID: Observation = { stopped: { code: "InvalidResourceId", message: "" } };

const knownDifferences: Record<string, Observation> = {
  // BUG: ListSecrets lists newest first by default (secrets-manager/operations/secrets.ts, SortOrder ?? "desc"); in every
  // verified list test AWS answered oldest first (ascending CreatedDate). The filters themselves match (same names).
  "test_list_secrets.py::test_with_all_filter#L150": newestFirst([FOO_TAG_KEY, FOO_TAG_VAL]),
  "test_list_secrets.py::test_with_all_filter#L157": newestFirst([FIRST_SECRET, SECOND_SECRET, FOO_TAG_KEY, FOO_TAG_VAL]),
  "test_list_secrets.py::test_with_all_filter#L164": newestFirst([FIRST_SECRET, SECOND_SECRET, FOO_TAG_KEY, FOO_TAG_VAL]),
  "test_list_secrets.py::test_with_all_filter#L178": newestFirst([FIRST_SECRET, SECOND_SECRET, FOO_TAG_KEY, FOO_TAG_VAL]),
  "test_list_secrets.py::test_with_all_filter#L207": newestFirst([SECOND_SECRET, THIRD_SECRET, FOO_TAG_KEY]),
  "test_list_secrets.py::test_with_all_filter_special_characters#L259": newestFirst(ALL_SPECIAL_CHAR_NAMES),
  "test_list_secrets.py::test_with_all_filter_special_characters#L264": newestFirst(ALL_SPECIAL_CHAR_NAMES),
  "test_list_secrets.py::test_with_all_filter_special_characters#L270": newestFirst(ALL_SPECIAL_CHAR_NAMES),
  "test_list_secrets.py::test_with_all_filter_special_characters#L280": newestFirst([...ALL_SPECIAL_CHAR_NAMES, FULL_UPPERCASE, PARTIAL_UPPERCASE]),
  "test_list_secrets.py::test_with_filter_with_value_with_multiple_words#L457": newestFirst(["foo", "bar"]),
  "test_list_secrets.py::test_with_filter_with_value_with_multiple_words#L462": newestFirst(["foo", "bar"]),
  "test_list_secrets.py::test_with_filter_with_value_with_multiple_words#L467": newestFirst(["foo", "bar", "qux"]),
};

// ---------------------------------------------------------------------------
// Tests the sandbox cannot run (all their entries), and why.

const ROTATION_LAMBDA =
  "Needs a real Lambda: a Python (boto3) rotation function from a zip that writes each step to a DynamoDB table the test scans; the sandbox's functions are shell handlers and it has no DynamoDB.";

const notReproducible: Record<string, string> = {
  "test_secretsmanager.py::test_rotate_secret_using_lambda": ROTATION_LAMBDA,
  "test_secretsmanager.py::test_rotate_secret_using_lambda_dont_rotate_immediately": ROTATION_LAMBDA,
};

// ---------------------------------------------------------------------------

/** The asserted message with the f-string's fields (`{secret['ARN']}`) replaced by the values the scenario used. */
function expand(entry: MotoEntry, values: Record<string, string> = {}): string {
  const template = entry.message ?? "";
  if (!entry.fString) return template;
  return template.replace(/\{([^{}]+)\}/g, (_, field: string) => {
    const value = values[field];
    if (value === undefined) throw new Error(`no value for the f-string field {${field}} in: ${template}`);
    return value;
  });
}

/** Checks one observation against the entry (the engine's answer must match AWS's). */
function check(entry: MotoEntry, observation: Observation): void {
  if ("error" in observation) {
    expect(entry.kind).toBe("error");
    if (entry.message === undefined) throw new Error(`${entry.key}: an error asserted by its code or match= alone is not handled yet`);
    expect(observation.error).toEqual({ code: entry.code, message: expand(entry, observation.values) });
  } else if ("equal" in observation) {
    expect(entry.kind).toBe("assertion");
    expect(observation.equal[0]).toEqual(observation.equal[1]);
  } else {
    throw new Error(`${entry.key}: an earlier request failed: ${observation.stopped.code}: ${observation.stopped.message}`);
  }
}

const runs = new Map<string, Map<number, Observation>>();

/** Runs the test's scenario once: its observations by line, those after a request that failed unexpectedly `stopped`. */
function runOf(test: string): Map<number, Observation> {
  let run = runs.get(test);
  if (run !== undefined) return run;
  const scenario = scenarios[test];
  if (!scenario) throw new Error(`no scenario for ${test}: add one to \`scenarios\` or give the reason in \`notReproducible\``);
  const seen = new Map<number, Observation>();
  try {
    scenario((line, observation) => {
      if (seen.has(line)) throw new Error(`${test}: line ${line} observed twice`);
      seen.set(line, observation);
    });
  } catch (error) {
    if (!isAwsServiceError(error)) throw error;
    for (const entry of entries) if (testKey(entry) === test && !seen.has(entry.line)) seen.set(entry.line, { stopped: { code: error.code, message: error.message } });
  }
  run = seen;
  runs.set(test, run);
  return run;
}

function observe(entry: MotoEntry): Observation {
  const observation = runOf(testKey(entry)).get(entry.line);
  if (observation === undefined) throw new Error(`the scenario ${testKey(entry)} has no observation for line ${entry.line} (${entry.source ?? entry.code})`);
  return observation;
}

describe("moto's @aws_verified assertions in the sandbox", () => {
  it("has one entry per assertion, and every table key names one", () => {
    const keys = entries.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    const tests = new Set(entries.map(testKey));
    for (const key of Object.keys(scenarios)) expect(tests.has(key), key).toBe(true);
    for (const key of Object.keys(notReproducible)) expect(tests.has(key) && !(key in scenarios), key).toBe(true);
    const testOfEntry = new Map(entries.map((entry) => [entry.key, testKey(entry)]));
    for (const key of Object.keys(knownDifferences)) expect((testOfEntry.get(key) ?? "") in scenarios, key).toBe(true);
    // Every line a scenario answers is an assertion of its test.
    for (const test of Object.keys(scenarios)) {
      const lines = new Set(entries.filter((entry) => testKey(entry) === test).map((entry) => entry.line));
      for (const line of runOf(test).keys()) expect(lines.has(line), `${test}#L${line}`).toBe(true);
    }
  });

  it.each(entries.map((entry) => [entry.key, entry] as const))("%s", (key, entry) => {
    const reason = notReproducible[testKey(entry)];
    if (reason !== undefined) {
      expect(reason).toMatch(/\S/);
      return;
    }
    const observation = observe(entry);
    const current = knownDifferences[key];
    if (current !== undefined) {
      // A known difference: the engine's current answer, which must still differ from AWS's.
      expect(observation).toEqual(current);
      expect(() => check(entry, observation)).toThrow();
      return;
    }
    check(entry, observation);
  });
});
