import { describe, expect, it } from "vitest";
import { BROAD_ACCESS_FINDING } from "@/lib/sandbox/secrets-manager/operations/policy";
import { cli } from "../../cli/helpers";
import { ACCOUNT, expectError, sandbox, sm } from "./helpers";

/**
 * ValidateResourcePolicy. Sources of the expected values:
 * - [CLI-EX] aws/aws-cli awscli/examples/secretsmanager/validate-resource-policy.rst: a policy
 *   for one role prints {"PolicyValidationPassed": true, "ValidationErrors": []}.
 * - [GUIDE] Secrets Manager guide, "Managing a resource-based policy for a secret"
 *   (awsdocs/aws-secrets-manager-docs doc_source/manage_secret-policy.md): the texts validation
 *   shows, among them "This resource policy grants broad access to your secret. ..." and
 *   "This resource policy contains a syntax error.".
 * - [GH] terraform-aws-modules/terraform-aws-secrets-manager#2 and hashicorp/terraform-provider-aws#28609
 *   quote AWS: "MalformedPolicyDocumentException: This resource policy contains a syntax error."
 *   (for PutResourcePolicy; the sandbox gives ValidateResourcePolicy the same, NOTE: unverified).
 * - [LS] LocalStack's test_invalid_secret_name snapshot, recorded against AWS (ex_log_10).
 * The CheckName of the broad-access finding is not verified (see BROAD_ACCESS_FINDING).
 */

const policy = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const forRole = policy([{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/MyRole` }, Action: "secretsmanager:GetSecretValue", Resource: "*" }]);
const everyone = policy([{ Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*" }]);

function withSecret() {
  const box = sandbox();
  const arn = String(sm(box, "CreateSecret", { Name: "shared", SecretString: "v" })["ARN"]);
  return { box, arn };
}

describe("ValidateResourcePolicy", () => {
  it("passes a policy for a named principal, with or without a SecretId [CLI-EX]", () => {
    const { box } = withSecret();
    expect(sm(box, "ValidateResourcePolicy", { ResourcePolicy: forRole })).toEqual({ PolicyValidationPassed: true, ValidationErrors: [] });
    expect(sm(box, "ValidateResourcePolicy", { SecretId: "shared", ResourcePolicy: forRole })).toEqual({ PolicyValidationPassed: true, ValidationErrors: [] });
  });

  it("fails a policy open to every principal with the broad-access finding [GUIDE], and attaches nothing", () => {
    const { box } = withSecret();
    const failed = { PolicyValidationPassed: false, ValidationErrors: [BROAD_ACCESS_FINDING] };
    expect(sm(box, "ValidateResourcePolicy", { SecretId: "shared", ResourcePolicy: everyone })).toEqual(failed);
    expect(BROAD_ACCESS_FINDING.ErrorMessage).toBe(
      "This resource policy grants broad access to your secret. Secrets Manager does not allow creating and applying such policies in the console.",
    );
    const awsStar = policy([{ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "secretsmanager:GetSecretValue", Resource: "*" }]);
    expect(sm(box, "ValidateResourcePolicy", { ResourcePolicy: awsStar })).toEqual(failed);
    expect(sm(box, "GetResourcePolicy", { SecretId: "shared" })).not.toHaveProperty("ResourcePolicy");
  });

  it("passes what BlockPublicPolicy lets through: a Deny for everyone, or everyone narrowed by a Condition", () => {
    const { box } = withSecret();
    const denyAll = policy([{ Effect: "Deny", Principal: "*", Action: "secretsmanager:DeleteSecret", Resource: "*" }]);
    const narrowed = policy([
      { Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } },
    ]);
    for (const document of [denyAll, narrowed]) {
      expect(sm(box, "ValidateResourcePolicy", { ResourcePolicy: document })["PolicyValidationPassed"]).toBe(true);
      expect(sm(box, "PutResourcePolicy", { SecretId: "shared", ResourcePolicy: document, BlockPublicPolicy: true })["Name"]).toBe("shared");
    }
  });

  it("answers a malformed policy with MalformedPolicyDocumentException, as PutResourcePolicy does [GUIDE] [GH]", () => {
    const { box } = withSecret();
    const syntaxError = "This resource policy contains a syntax error.";
    expectError(() => sm(box, "ValidateResourcePolicy", { ResourcePolicy: "{not json" }), "MalformedPolicyDocumentException", syntaxError);
    // The guide's syntax-error example: an Effect that is neither Allow nor Deny.
    const badEffect = policy([{ Effect: "AllowSomething", Principal: "*", Action: "secretsmanager:*", Resource: "*" }]);
    expectError(() => sm(box, "ValidateResourcePolicy", { SecretId: "shared", ResourcePolicy: badEffect }), "MalformedPolicyDocumentException", syntaxError);
  });

  it("answers ResourceNotFoundException for a SecretId naming no secret, and AWS's ValidationException for an invalid name [LS]", () => {
    const { box } = withSecret();
    expectError(() => sm(box, "ValidateResourcePolicy", { SecretId: "nope", ResourcePolicy: forRole }), "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    expectError(
      () => sm(box, "ValidateResourcePolicy", { SecretId: " Inv Name", ResourcePolicy: forRole }),
      "ValidationException",
      "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!",
    );
  });

  it("needs secretsmanager:ValidateResourcePolicy: on the secret with a SecretId, on * without", () => {
    const { box, arn } = withSecret();
    box.putUser(ACCOUNT, "auditor", { Read: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "secretsmanager:GetResourcePolicy", Resource: "*" }] } });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "auditor" });
    const denied = (resource: string) =>
      `User: arn:aws:iam::${ACCOUNT}:user/auditor is not authorized to perform: secretsmanager:ValidateResourcePolicy on resource: ${resource} because no identity-based policy allows the secretsmanager:ValidateResourcePolicy action`;
    expectError(() => sm(box, "ValidateResourcePolicy", { ResourcePolicy: forRole }), "AccessDeniedException", denied("*"));
    expectError(() => sm(box, "ValidateResourcePolicy", { SecretId: "shared", ResourcePolicy: forRole }), "AccessDeniedException", denied(arn));

    box.actAs({ accountId: ACCOUNT, kind: "user", name: "admin" });
    box.putUser(ACCOUNT, "validator", { Validate: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "secretsmanager:ValidateResourcePolicy", Resource: "*" }] } });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "validator" });
    expect(sm(box, "ValidateResourcePolicy", { SecretId: "shared", ResourcePolicy: forRole })["PolicyValidationPassed"]).toBe(true);
  });

  it("works from the aws command: validate-resource-policy --resource-policy file://mypolicy.json prints the JSON [CLI-EX]", () => {
    const sandbox = cli();
    sandbox.fs.writeFile("mypolicy.json", JSON.stringify(JSON.parse(forRole), null, 4));
    expect(sandbox.aws("secretsmanager", "validate-resource-policy", "--resource-policy", "file://mypolicy.json")).toMatchObject({
      exitCode: 0,
      stdout: '{\n    "PolicyValidationPassed": true,\n    "ValidationErrors": []\n}\n',
      stderr: "",
    });
    sandbox.fs.writeFile("open.json", everyone);
    const open = sandbox.aws("secretsmanager", "validate-resource-policy", "--resource-policy", "file://open.json");
    expect(open.exitCode).toBe(0);
    expect(JSON.parse(open.stdout)).toEqual({ PolicyValidationPassed: false, ValidationErrors: [BROAD_ACCESS_FINDING] });
    expect(sandbox.aws("secretsmanager", "validate-resource-policy", "--secret-id", "nope", "--resource-policy", "file://mypolicy.json")).toMatchObject({
      exitCode: 254,
      stderr: "\nAn error occurred (ResourceNotFoundException) when calling the ValidateResourcePolicy operation: Secrets Manager can't find the specified secret.\n",
    });
  });
});
