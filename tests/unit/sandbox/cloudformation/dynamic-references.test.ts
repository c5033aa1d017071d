import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/lib/sandbox";
import { ACCOUNT, cfn, createStack, describeStack, eventLines, events, everythingShown, expectError, parameterValue, ready, REGION, sandbox, ssm } from "./helpers";

/**
 * Dynamic references: CloudFormation reads Parameter Store and Secrets
 * Manager as the caller while it creates the stack, puts the value into the
 * resource, and keeps only the literal `{{resolve:...}}` text itself. The
 * lesson: the secret never shows in the stack (template, parameters, events,
 * outputs), but it does reach the resource, where anyone who can read the
 * resource reads it.
 */

beforeAll(ready);

/** A world with a plaintext parameter (two versions), a SecureString and two secrets. */
function world(): Sandbox {
  const { box } = sandbox();
  ssm(box, "PutParameter", { Name: "/app/host", Value: "db-v1.internal", Type: "String" });
  ssm(box, "PutParameter", { Name: "/app/host", Value: "db-v2.internal", Type: "String", Overwrite: true });
  ssm(box, "PutParameter", { Name: "/app/zones", Value: "a, b ,c", Type: "StringList" });
  ssm(box, "PutParameter", { Name: "/app/db-password", Value: "s3cure-pw", Type: "SecureString" });
  box.call("secretsmanager", "CreateSecret", { Name: "app/db", SecretString: JSON.stringify({ username: "u1", password: "p1" }) });
  box.call("secretsmanager", "PutSecretValue", { SecretId: "app/db", SecretString: JSON.stringify({ username: "u2", password: "p2" }) });
  box.call("secretsmanager", "CreateSecret", { Name: "app/plain", SecretString: "plaintext-secret" });
  return box;
}

/** A template with one SSM parameter per value, each Value the given text. */
function parameters(values: Record<string, unknown>): object {
  return { Resources: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { Type: "AWS::SSM::Parameter", Properties: { Name: `/out/${name}`, Type: "String", Value: value } }])) };
}

const secretArn = (box: Sandbox, name: string) => String(box.call("secretsmanager", "DescribeSecret", { SecretId: name }).ARN);

describe("{{resolve:ssm:...}}", () => {
  it("resolves the latest or a given version, anywhere in a string, several to a string, and inside Fn::Sub", () => {
    const box = world();
    createStack(
      box,
      "plain",
      parameters({
        Latest: "{{resolve:ssm:/app/host}}",
        Pinned: "{{resolve:ssm:/app/host:1}}",
        Inside: "jdbc://{{resolve:ssm:/app/host}}:5432",
        Two: "{{resolve:ssm:/app/host:1}} and {{resolve:ssm:/app/host:2}}",
        Sub: { "Fn::Sub": "${AWS::Region}/{{resolve:ssm:/app/host}}" },
        SubName: { "Fn::Sub": ["{{resolve:ssm:/app/${Name}:1}}", { Name: "host" }] },
        List: "{{resolve:ssm:/app/zones}}",
      }),
    );
    expect(parameterValue(box, "/out/Latest")).toBe("db-v2.internal");
    expect(parameterValue(box, "/out/Pinned")).toBe("db-v1.internal");
    expect(parameterValue(box, "/out/Inside")).toBe("jdbc://db-v2.internal:5432");
    expect(parameterValue(box, "/out/Two")).toBe("db-v1.internal and db-v2.internal");
    expect(parameterValue(box, "/out/Sub")).toBe(`${REGION}/db-v2.internal`);
    // A reference whose name Fn::Sub builds is read after the substitution.
    expect(parameterValue(box, "/out/SubName")).toBe("db-v1.internal");
    // A StringList comes back as stored, spaces and all.
    expect(parameterValue(box, "/out/List")).toBe("a, b ,c");
    // CloudFormation read the parameters with the caller's credentials.
    const read = box.trail({ eventName: "GetParameters" }).at(-1)!;
    expect(read.userIdentity).toMatchObject({ arn: `arn:aws:iam::${ACCOUNT}:user/admin`, invokedBy: "cloudformation.amazonaws.com" });
  });

  it("fails CreateStack before any stack exists when the parameter is missing, named by a label, or a SecureString", () => {
    const box = world();
    expectError(() => createStack(box, "missing", parameters({ A: "{{resolve:ssm:/app/nope}}" })), "ValidationError", "Parameters: [ssm:/app/nope] cannot be found.");
    ssm(box, "LabelParameterVersion", { Name: "/app/host", ParameterVersion: 1, Labels: ["prod"] });
    expectError(() => createStack(box, "label", parameters({ A: "{{resolve:ssm:/app/host:prod}}" })), "ValidationError", "Incorrect format is used in the following SSM reference: [{{resolve:ssm:/app/host:prod}}]");
    expectError(() => createStack(box, "secure", parameters({ A: "{{resolve:ssm:/app/db-password:1}}" })), "ValidationError", "Non-secure ssm prefix was used for secure parameter /app/db-password");
    expect(cfn(box, "ListStacks").StackSummaries).toEqual([]);
  });
});

describe("{{resolve:ssm-secure:...}}", () => {
  it("is refused at once, with a version, in a property that does not support it (none of the sandbox's types does)", () => {
    const box = world();
    expectError(
      () => createStack(box, "secure", parameters({ A: "{{resolve:ssm-secure:/app/db-password:1}}" })),
      "ValidationError",
      "SSM Secure reference is not supported in: [AWS::SSM::Parameter/Properties/Value]",
    );
    expect(cfn(box, "ListStacks").StackSummaries).toEqual([]);
  });

  it("without a version, fails the new stack before any resource and rolls back, leaving nothing behind", () => {
    const box = world();
    const template = {
      Resources: {
        Key: { Type: "AWS::KMS::Key", Properties: { Description: "would be first" } },
        Copy: { Type: "AWS::SSM::Parameter", Properties: { Name: "/out/copy", Type: "String", Value: "{{resolve:ssm-secure:/app/db-password}}" } },
      },
    };
    const keysBefore = (box.call("kms", "ListKeys").Keys as unknown[]).length;
    const { StackId } = createStack(box, "secure", template);
    const reason = "SSM Secure reference is not supported in: [AWS::SSM::Parameter/Properties/Value]";
    expect(eventLines(box, "secure")).toEqual([
      "secure CREATE_IN_PROGRESS User Initiated",
      `secure CREATE_IN_PROGRESS ${reason}`,
      `secure ROLLBACK_IN_PROGRESS ${reason}. Rollback requested by user.`,
      "secure ROLLBACK_COMPLETE",
    ]);
    expect(describeStack(box, "secure")).toMatchObject({ StackId, StackStatus: "ROLLBACK_COMPLETE", StackStatusReason: `${reason}. Rollback requested by user.` });
    expect(cfn(box, "ListStackResources", { StackName: "secure" }).StackResourceSummaries).toEqual([]);
    expectError(() => ssm(box, "GetParameter", { Name: "/out/copy" }), "ParameterNotFound");
    expect((box.call("kms", "ListKeys").Keys as unknown[]).length).toBe(keysBefore);
    // The SecureString was never decrypted on CloudFormation's behalf.
    expect(box.trail({ eventName: "GetParameters" }).filter((event) => event.userIdentity.invokedBy === "cloudformation.amazonaws.com")).toEqual([]);
  });

  it("is listed once per place it is used", () => {
    const box = world();
    const template = { Resources: { A: { Type: "AWS::SSM::Parameter", Properties: { Type: "String", Value: "{{resolve:ssm-secure:/app/db-password:1}}", Description: "{{resolve:ssm-secure:/app/db-password:1}}" } } } };
    expectError(() => createStack(box, "twice", template), "ValidationError", "SSM Secure reference is not supported in: [AWS::SSM::Parameter/Properties/Value,AWS::SSM::Parameter/Properties/Description]");
  });
});

describe("{{resolve:secretsmanager:...}}", () => {
  it("resolves the whole secret, a JSON key, a staging label or a version id, by name or by ARN", () => {
    const box = world();
    const previousId = String(box.call("secretsmanager", "GetSecretValue", { SecretId: "app/db", VersionStage: "AWSPREVIOUS" }).VersionId);
    const arn = secretArn(box, "app/db");
    createStack(
      box,
      "secrets",
      parameters({
        Whole: "{{resolve:secretsmanager:app/db}}",
        Plain: "{{resolve:secretsmanager:app/plain:SecretString}}",
        Password: "{{resolve:secretsmanager:app/db:SecretString:password}}",
        Previous: "{{resolve:secretsmanager:app/db:SecretString:password:AWSPREVIOUS}}",
        ById: `{{resolve:secretsmanager:app/db:SecretString:username::${previousId}}}`,
        ByArn: `user={{resolve:secretsmanager:${arn}:SecretString:username}}`,
      }),
    );
    expect(parameterValue(box, "/out/Whole")).toBe('{"username":"u2","password":"p2"}');
    expect(parameterValue(box, "/out/Plain")).toBe("plaintext-secret");
    expect(parameterValue(box, "/out/Password")).toBe("p2");
    expect(parameterValue(box, "/out/Previous")).toBe("p1");
    expect(parameterValue(box, "/out/ById")).toBe("u1");
    expect(parameterValue(box, "/out/ByArn")).toBe("user=u2");
  });

  it("resolves a reference built from a Ref to a secret the same stack creates", () => {
    const box = world();
    createStack(box, "same", {
      Resources: {
        Secret: { Type: "AWS::SecretsManager::Secret", Properties: { GenerateSecretString: { SecretStringTemplate: '{"username":"app"}', GenerateStringKey: "password", PasswordLength: 16, ExcludePunctuation: true } } },
        Copy: { Type: "AWS::SSM::Parameter", Properties: { Name: "/out/copy", Type: "String", Value: { "Fn::Join": ["", ["{{resolve:secretsmanager:", { Ref: "Secret" }, ":SecretString:password}}"]] } } },
      },
    });
    expect(parameterValue(box, "/out/copy")).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it("fails the resource (not the call) when the secret cannot be read or has no such key, and rolls back what was created", () => {
    const box = world();
    const cases: Array<[string, string]> = [
      ["{{resolve:secretsmanager:app/db:SecretString:nokey}}", "Could not find a value associated with JSONKey in SecretString"],
      ["{{resolve:secretsmanager:app/plain:SecretString:password}}", "Could not parse SecretString JSON"],
      ["{{resolve:secretsmanager:app/none}}", "Secrets Manager can't find the specified secret."],
    ];
    for (const [index, [reference, reason]] of cases.entries()) {
      const name = `bad${index}`;
      createStack(box, name, {
        Resources: {
          First: { Type: "AWS::SSM::Parameter", Properties: { Name: `/out/first${index}`, Type: "String", Value: "created first" } },
          Second: { Type: "AWS::SSM::Parameter", DependsOn: "First", Properties: { Type: "String", Value: reference } },
        },
      });
      expect(eventLines(box, name).slice(4)).toEqual([
        `Second CREATE_IN_PROGRESS`,
        `Second CREATE_FAILED ${reason}`,
        `${name} ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Second]. Rollback requested by user.`,
        "Second DELETE_IN_PROGRESS",
        "Second DELETE_COMPLETE",
        "First DELETE_IN_PROGRESS",
        "First DELETE_COMPLETE",
        `${name} ROLLBACK_COMPLETE`,
      ]);
      expectError(() => ssm(box, "GetParameter", { Name: `/out/first${index}` }), "ParameterNotFound");
    }
  });

  it("reads the secret with the caller's permissions: a caller who may not read it fails the resource with Secrets Manager's denial", () => {
    const box = world();
    const arn = secretArn(box, "app/db");
    box.putUser(ACCOUNT, "deployer", {
      Deploy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["cloudformation:*", "ssm:*"], Resource: "*" }] },
    });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "deployer" });
    createStack(box, "denied", parameters({ A: "{{resolve:secretsmanager:app/db:SecretString:password}}" }));
    const failed = events(box, "denied").find((event) => event.ResourceStatus === "CREATE_FAILED")!;
    expect(failed.ResourceStatusReason).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/deployer is not authorized to perform: secretsmanager:GetSecretValue on resource: ${arn} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
    expect(describeStack(box, "denied").StackStatus).toBe("ROLLBACK_COMPLETE");
  });
});

describe("where resolved values go, and where they never appear", () => {
  it("puts the value into the resource, where anyone who can read the resource reads it", () => {
    const box = world();
    createStack(box, "leak", parameters({ Password: "{{resolve:secretsmanager:app/db:SecretString:password}}" }));
    // Whoever can read /out/Password now reads the database password, as plain text.
    box.putUser(ACCOUNT, "reader", { Read: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*" }] } });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "reader" });
    expect(parameterValue(box, "/out/Password")).toBe("p2");
    expectError(() => box.call("secretsmanager", "GetSecretValue", { SecretId: "app/db" }), "AccessDeniedException");
  });

  it("never shows a resolved value in the template, events, resources, outputs or stack list, nor keeps one in the stack's state", () => {
    const box = world();
    const template = {
      Resources: {
        Password: { Type: "AWS::SSM::Parameter", Properties: { Name: "/out/password", Type: "String", Value: "pw={{resolve:secretsmanager:app/db:SecretString:password}}" } },
        Host: { Type: "AWS::SSM::Parameter", Properties: { Name: "/out/host", Type: "String", Value: "{{resolve:ssm:/app/host}}" } },
      },
      Outputs: {
        Direct: { Value: "{{resolve:secretsmanager:app/db:SecretString:password}}" },
        ViaAttribute: { Value: { "Fn::GetAtt": ["Password", "Value"] } },
      },
    };
    createStack(box, "quiet", template);
    expect(parameterValue(box, "/out/password")).toBe("pw=p2");
    // Outputs are not resolved: they show the reference as written.
    expect(describeStack(box, "quiet").Outputs).toEqual([
      { OutputKey: "Direct", OutputValue: "{{resolve:secretsmanager:app/db:SecretString:password}}" },
      { OutputKey: "ViaAttribute", OutputValue: "pw={{resolve:secretsmanager:app/db:SecretString:password}}" },
    ]);
    const shown = everythingShown(box, "quiet");
    expect(shown).toContain("{{resolve:secretsmanager:app/db:SecretString:password}}");
    expect(shown).not.toContain("p2");
    expect(shown).not.toContain("db-v2.internal");
    const state = JSON.stringify(box.snapshot().accounts[ACCOUNT]!.regions[REGION]!.cloudformation);
    expect(state).not.toContain("p2");
    expect(state).not.toContain("db-v2.internal");
    // Nor does the trail: GetSecretValue's answer is not recorded (Secrets Manager marks it sensitive).
    expect(JSON.stringify(box.trail({ eventName: "GetSecretValue" }))).not.toContain("p2");
  });

  it("leaves references in EC2 UserData unresolved: dynamic references are not supported there", () => {
    const { box, instances } = sandbox();
    box.call("secretsmanager", "CreateSecret", { Name: "app/db", SecretString: JSON.stringify({ password: "p1" }) });
    createStack(box, "web", {
      Resources: {
        Web: {
          Type: "AWS::EC2::Instance",
          Properties: { ImageId: "ami-1", UserData: { "Fn::Base64": "#!/bin/bash\necho {{resolve:secretsmanager:app/db:SecretString:password}}\n" } },
        },
      },
    });
    const [instance] = [...instances.values()];
    expect(atob(instance!.userData!)).toBe("#!/bin/bash\necho {{resolve:secretsmanager:app/db:SecretString:password}}\n");
    expect(box.trail({ eventName: "GetSecretValue" }).filter((event) => event.userIdentity.invokedBy === "cloudformation.amazonaws.com")).toEqual([]);
  });
});
