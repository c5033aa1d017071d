import { describe, expect, it } from "vitest";
import { DIGITS, LOWERCASE, PUNCTUATION, UPPERCASE } from "@/lib/sandbox/secrets-manager/password";
import { ACCOUNT, expectError, PARTNER, sandbox, sm } from "./helpers";

const policy = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

function shared() {
  const box = sandbox();
  const arn = String(sm(box, "CreateSecret", { Name: "shared", SecretString: "v" })["ARN"]);
  return { box, arn };
}

describe("resource policies", () => {
  it("PutResourcePolicy stores the policy; GetResourcePolicy returns it; DeleteResourcePolicy removes it", () => {
    const { box, arn } = shared();
    expect(sm(box, "GetResourcePolicy", { SecretId: "shared" })).toEqual({ ARN: arn, Name: "shared" });
    const document = policy([{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${PARTNER}:root` }, Action: "secretsmanager:GetSecretValue", Resource: "*" }]);
    expect(sm(box, "PutResourcePolicy", { SecretId: "shared", ResourcePolicy: document })).toEqual({ ARN: arn, Name: "shared" });
    expect(sm(box, "GetResourcePolicy", { SecretId: "shared" })["ResourcePolicy"]).toBe(document);
    sm(box, "DeleteResourcePolicy", { SecretId: "shared" });
    expect(sm(box, "GetResourcePolicy", { SecretId: "shared" })["ResourcePolicy"]).toBeUndefined();
  });

  it("refuses a malformed policy", () => {
    const { box } = shared();
    expectError(() => sm(box, "PutResourcePolicy", { SecretId: "shared", ResourcePolicy: "{not json" }), "MalformedPolicyDocumentException", "This resource policy contains a syntax error.");
    expectError(
      () => sm(box, "PutResourcePolicy", { SecretId: "shared", ResourcePolicy: policy([{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }]) }),
      "MalformedPolicyDocumentException",
    );
  });

  it("with BlockPublicPolicy, refuses a policy open to everyone", () => {
    const { box } = shared();
    const open = policy([{ Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*" }]);
    expectError(() => sm(box, "PutResourcePolicy", { SecretId: "shared", ResourcePolicy: open, BlockPublicPolicy: true }), "PublicPolicyException", "You can't attach a resource-based policy that allows broad access to the secret.");
    expect(sm(box, "PutResourcePolicy", { SecretId: "shared", ResourcePolicy: open })["Name"]).toBe("shared");
  });

  it("an explicit Deny in the secret's policy wins over the caller's AdministratorAccess", () => {
    const { box, arn } = shared();
    sm(box, "PutResourcePolicy", {
      SecretId: "shared",
      ResourcePolicy: policy([{ Effect: "Deny", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/admin` }, Action: "secretsmanager:GetSecretValue", Resource: "*" }]),
    });
    expectError(
      () => sm(box, "GetSecretValue", { SecretId: "shared" }),
      "AccessDeniedException",
      `User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform: secretsmanager:GetSecretValue on resource: ${arn} with an explicit deny in a resource-based policy`,
    );
  });

  it("cross-account reads need the secret's policy, the caller's IAM policy and a key the caller may use", () => {
    const box = sandbox();
    const key = box.call("kms", "CreateKey", {})["KeyMetadata"] as { KeyId: string; Arn: string };
    box.call("kms", "PutKeyPolicy", {
      KeyId: key.KeyId,
      PolicyName: "default",
      Policy: policy([
        { Sid: "Owner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
        { Sid: "Partner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${PARTNER}:root` }, Action: "kms:Decrypt", Resource: "*" },
      ]),
    });
    const arn = String(sm(box, "CreateSecret", { Name: "shared", SecretString: "for-partner", KmsKeyId: key.Arn })["ARN"]);
    const defaultArn = String(sm(box, "CreateSecret", { Name: "default-key", SecretString: "x" })["ARN"]);
    box.actAs({ accountId: PARTNER, kind: "user", name: "admin" });
    expectError(() => sm(box, "GetSecretValue", { SecretId: arn }), "AccessDeniedException", /because the resource does not exist in this Region, no resource-based policies allow access/);

    box.actAs({ accountId: ACCOUNT, kind: "user", name: "admin" });
    const allowPartner = policy([{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${PARTNER}:root` }, Action: "secretsmanager:GetSecretValue", Resource: "*" }]);
    sm(box, "PutResourcePolicy", { SecretId: "shared", ResourcePolicy: allowPartner });
    sm(box, "PutResourcePolicy", { SecretId: "default-key", ResourcePolicy: allowPartner });
    box.actAs({ accountId: PARTNER, kind: "user", name: "admin" });
    expect(sm(box, "GetSecretValue", { SecretId: arn })["SecretString"]).toBe("for-partner");
    // A secret under the AWS managed key can't be read from another account: its key policy admits only its own account.
    expectError(() => sm(box, "GetSecretValue", { SecretId: defaultArn }), "AccessDeniedException", "Access to KMS is not allowed");
    // A name means the caller's own account.
    expectError(() => sm(box, "GetSecretValue", { SecretId: "shared" }), "ResourceNotFoundException");
  });
});

describe("identity policies", () => {
  it("a user without secretsmanager:GetSecretValue is denied with AWS's message, and the trail keeps the evaluation", () => {
    const { box, arn } = shared();
    box.putUser(ACCOUNT, "auditor", { Describe: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["secretsmanager:DescribeSecret", "secretsmanager:ListSecrets"], Resource: "*" }] } });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "auditor" });
    expect(sm(box, "DescribeSecret", { SecretId: "shared" })["Name"]).toBe("shared");
    expect((sm(box, "ListSecrets")["SecretList"] as unknown[]).length).toBe(1);
    expectError(
      () => sm(box, "GetSecretValue", { SecretId: "shared" }),
      "AccessDeniedException",
      `User: arn:aws:iam::${ACCOUNT}:user/auditor is not authorized to perform: secretsmanager:GetSecretValue on resource: ${arn} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
    const denied = box.trail({ eventName: "GetSecretValue", onlyErrors: true })[0];
    expect(denied?.authorizations[0]).toMatchObject({ action: "secretsmanager:GetSecretValue", decision: "ImplicitDeny" });
    expectError(() => sm(box, "GetRandomPassword"), "AccessDeniedException", /secretsmanager:GetRandomPassword on resource: \*/);
  });

  it("CreateSecret with tags needs secretsmanager:TagResource too", () => {
    const box = sandbox();
    box.putUser(ACCOUNT, "creator", { Create: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "secretsmanager:CreateSecret", Resource: "*" }] } });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "creator" });
    expectError(() => sm(box, "CreateSecret", { Name: "t", SecretString: "v", Tags: [{ Key: "a", Value: "b" }] }), "AccessDeniedException", /secretsmanager:TagResource/);
    expectError(() => sm(box, "DescribeSecret", { SecretId: "t" }), "ResourceNotFoundException");
  });
});

describe("TagResource and UntagResource", () => {
  it("adds tags (replacing values of existing keys) and removes them, answering with an empty body", () => {
    const { box } = shared();
    expect(sm(box, "TagResource", { SecretId: "shared", Tags: [{ Key: "env", Value: "prod" }, { Key: "team", Value: "a" }] })).toEqual({});
    sm(box, "TagResource", { SecretId: "shared", Tags: [{ Key: "team", Value: "b" }] });
    expect(sm(box, "DescribeSecret", { SecretId: "shared" })["Tags"]).toEqual([
      { Key: "env", Value: "prod" },
      { Key: "team", Value: "b" },
    ]);
    expect(sm(box, "UntagResource", { SecretId: "shared", TagKeys: ["env"] })).toEqual({});
    expect(sm(box, "DescribeSecret", { SecretId: "shared" })["Tags"]).toEqual([{ Key: "team", Value: "b" }]);
  });

  it("shows no Tags on a secret never tagged, and Tags: [] once its last tag is removed (as recorded from AWS in LocalStack's test_secret_tags snapshot)", () => {
    const { box } = shared();
    expect(sm(box, "DescribeSecret", { SecretId: "shared" })).not.toHaveProperty("Tags");
    sm(box, "TagResource", { SecretId: "shared", Tags: [{ Key: "tag1", Value: "value1" }] });
    sm(box, "UntagResource", { SecretId: "shared", TagKeys: ["tag1"] });
    expect(sm(box, "DescribeSecret", { SecretId: "shared" })["Tags"]).toEqual([]);
    const listed = (sm(box, "ListSecrets", {})["SecretList"] as { Name: string; Tags?: unknown }[]).find((secret) => secret.Name === "shared");
    expect(listed?.Tags).toEqual([]);
  });

  it("refuses Tags without Key or Value (the model leaves both optional; the sandbox needs them)", () => {
    const { box } = shared();
    expectError(() => sm(box, "TagResource", { SecretId: "shared", Tags: [{ Key: "a" }] }), "ValidationException", /Value null at 'tags.1.member.value' failed to satisfy constraint: Member must not be null/);
  });

  it("answers ResourceNotFoundException for a missing secret", () => {
    expectError(() => sm(sandbox(), "TagResource", { SecretId: "nope", Tags: [{ Key: "a", Value: "b" }] }), "ResourceNotFoundException");
  });
});

describe("GetRandomPassword", () => {
  const generate = (input: object = {}) => String(sm(sandbox(), "GetRandomPassword", input as never)["RandomPassword"]);

  it("defaults to 32 characters with a lowercase letter, an uppercase letter, a digit and punctuation", () => {
    const password = generate();
    expect(password).toHaveLength(32);
    for (const alphabet of [LOWERCASE, UPPERCASE, DIGITS, PUNCTUATION]) expect([...password].some((character) => alphabet.includes(character))).toBe(true);
    expect(password).not.toContain(" ");
  });

  it("honours the exclusions, the length and IncludeSpace", () => {
    const password = generate({ PasswordLength: 200, ExcludeCharacters: "abc", ExcludeNumbers: true, ExcludePunctuation: true, IncludeSpace: true });
    expect(password).toHaveLength(200);
    expect(password).toMatch(/^[A-Za-z ]+$/);
    expect(password).not.toMatch(/[abc]/);
  });

  it("is reproducible with the sandbox's seed, and kept off the trail", () => {
    expect(generate()).toBe(generate());
    const box = sandbox();
    const password = String(sm(box, "GetRandomPassword")["RandomPassword"]);
    expect(JSON.stringify(box.trail())).not.toContain(password);
  });

  it("refuses lengths outside 1-4096 and impossible requirements", () => {
    expectError(() => generate({ PasswordLength: 4097 }), "ValidationException", "1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096");
    expectError(() => generate({ PasswordLength: 3 }), "InvalidParameterException", "Password length is too short based on the required types.");
    expectError(() => generate({ ExcludeLowercase: true, ExcludeUppercase: true, ExcludeNumbers: true, ExcludePunctuation: true }), "InvalidParameterException");
  });
});
