import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/lib/sandbox";
import { ACCOUNT, cfn, createStack, describeStack, eventLines, expectError, parameterValue, ready, sandbox, ssm } from "./helpers";

/**
 * Template parameters, and Systems Manager parameter types: a parameter of
 * type AWS::SSM::Parameter::Value<String> takes a Parameter Store NAME;
 * CloudFormation reads the value (as the caller) when the stack is created,
 * Ref gives the value, and DescribeStacks shows both (ParameterValue is the
 * name, ResolvedValue the value). SecureStrings are not allowed there.
 */

beforeAll(ready);

function world(): Sandbox {
  const { box } = sandbox();
  ssm(box, "PutParameter", { Name: "/app/env", Value: "staging", Type: "String" });
  ssm(box, "PutParameter", { Name: "/app/env", Value: "prod", Type: "String", Overwrite: true });
  ssm(box, "PutParameter", { Name: "/app/zones", Value: "a, b ,c", Type: "StringList" });
  ssm(box, "PutParameter", { Name: "/app/csv", Value: "x,y", Type: "String" });
  ssm(box, "PutParameter", { Name: "/app/password", Value: "s3cret", Type: "SecureString" });
  return box;
}

const usesParameter = (type: string, extra: Record<string, unknown> = {}) => ({
  Parameters: { Env: { Type: type, ...extra } },
  Resources: { Out: { Type: "AWS::SSM::Parameter", Properties: { Name: "/out/env", Type: "String", Value: type.includes("List") ? { "Fn::Join": ["|", { Ref: "Env" }] } : { Ref: "Env" } } } },
  Outputs: { Env: { Value: type.includes("List") ? { "Fn::Join": ["|", { Ref: "Env" }] } : { Ref: "Env" } } },
});

describe("AWS::SSM::Parameter::Value<String>", () => {
  it("takes a parameter name, and Ref gives its value; DescribeStacks shows the name and the ResolvedValue", () => {
    const box = world();
    createStack(box, "ssm-type", usesParameter("AWS::SSM::Parameter::Value<String>", { Default: "/app/env" }));
    expect(parameterValue(box, "/out/env")).toBe("prod");
    const stack = describeStack(box, "ssm-type");
    expect(stack.Parameters).toEqual([{ ParameterKey: "Env", ParameterValue: "/app/env", ResolvedValue: "prod" }]);
    expect(stack.Outputs).toEqual([{ OutputKey: "Env", OutputValue: "prod" }]);
    const read = box.trail({ eventName: "GetParameters" }).at(-1)!;
    expect(read.userIdentity).toMatchObject({ arn: `arn:aws:iam::${ACCOUNT}:user/admin`, invokedBy: "cloudformation.amazonaws.com" });
  });

  it("accepts name:version, and given values override the default", () => {
    const box = world();
    createStack(box, "pinned", usesParameter("AWS::SSM::Parameter::Value<String>", { Default: "/app/env" }), { Parameters: [{ ParameterKey: "Env", ParameterValue: "/app/env:1" }] });
    expect(describeStack(box, "pinned").Parameters).toEqual([{ ParameterKey: "Env", ParameterValue: "/app/env:1", ResolvedValue: "staging" }]);
  });

  it("gives a list for AWS::SSM::Parameter::Value<List<String>>, trimming the spaces around each element", () => {
    const box = world();
    createStack(box, "list", usesParameter("AWS::SSM::Parameter::Value<List<String>>", { Default: "/app/zones" }));
    expect(parameterValue(box, "/out/env")).toBe("a|b|c");
    expect(describeStack(box, "list").Parameters).toEqual([{ ParameterKey: "Env", ParameterValue: "/app/zones", ResolvedValue: "a,b,c" }]);
  });

  it("checks its constraints against the name, not the value", () => {
    const box = world();
    const pattern = usesParameter("AWS::SSM::Parameter::Value<String>", { Default: "/app/env", AllowedPattern: "^prod$" });
    expectError(() => createStack(box, "pattern", pattern), "ValidationError", "Parameter 'Env' must match pattern ^prod$");
    createStack(box, "by-name", usesParameter("AWS::SSM::Parameter::Value<String>", { Default: "/app/env", AllowedValues: ["/app/env"] }));
    expect(describeStack(box, "by-name").StackStatus).toBe("CREATE_COMPLETE");
  });

  it("refuses a SecureString, a missing parameter, a list/scalar mismatch and a label, before any stack exists", () => {
    const box = world();
    const attempt = (type: string, name: string) => () => createStack(box, "refused", usesParameter(type, { Default: name }));
    expectError(attempt("AWS::SSM::Parameter::Value<String>", "/app/password"), "ValidationError", "Parameters [/app/password] referenced by template have types not supported by CloudFormation.");
    expectError(attempt("AWS::SSM::Parameter::Value<String>", "/app/missing"), "ValidationError", "Unable to fetch parameters [/app/missing] from parameter store for this account.");
    expectError(attempt("AWS::SSM::Parameter::Value<String>", "/app/env:99"), "ValidationError", "Unable to fetch parameters [/app/env:99] from parameter store for this account.");
    expectError(attempt("AWS::SSM::Parameter::Value<String>", "/app/zones"), "ValidationError", "Types for SSM parameters [/app/zones] defined in CFN template and SSM are incompatible");
    expectError(attempt("AWS::SSM::Parameter::Value<CommaDelimitedList>", "/app/csv"), "ValidationError", "Types for SSM parameters [/app/csv] defined in CFN template and SSM are incompatible");
    ssm(box, "LabelParameterVersion", { Name: "/app/env", ParameterVersion: 1, Labels: ["prod"] });
    expectError(attempt("AWS::SSM::Parameter::Value<String>", "/app/env:prod"), "InternalFailure", "Unknown");
    // SecureString is not a parameter type at all.
    expectError(() => createStack(box, "refused", usesParameter("AWS::SSM::Parameter::Value<SecureString>", { Default: "/app/password" })), "ValidationError", "Template format error: Unrecognized parameter type: AWS::SSM::Parameter::Value<SecureString>");
    expect(cfn(box, "ListStacks").StackSummaries).toEqual([]);
  });

  it("reads Parameter Store as the caller: a caller who may not read the parameter cannot create the stack", () => {
    const box = world();
    box.putUser(ACCOUNT, "deployer", { Deploy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["cloudformation:*", "ssm:PutParameter"], Resource: "*" }] } });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "deployer" });
    expectError(
      () => createStack(box, "denied", usesParameter("AWS::SSM::Parameter::Value<String>", { Default: "/app/env" })),
      "ValidationError",
      `User: arn:aws:iam::${ACCOUNT}:user/deployer is not authorized to perform: ssm:GetParameters on resource: arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/env because no identity-based policy allows the ssm:GetParameters action`,
    );
  });
});

describe("AWS::SSM::Parameter::Name", () => {
  it("must name an existing parameter: checked once the stack exists, failing it before any resource", () => {
    const box = world();
    createStack(box, "names", { Parameters: { P: { Type: "AWS::SSM::Parameter::Name", Default: "/app/nope" } }, Resources: { R: { Type: "AWS::SSM::Parameter", Properties: { Type: "String", Value: { Ref: "P" } } } } });
    const reason = "Parameter validation failed: parameter value /app/nope for parameter name P does not exist";
    expect(eventLines(box, "names")).toEqual([
      "names CREATE_IN_PROGRESS User Initiated",
      `names CREATE_IN_PROGRESS ${reason}`,
      `names ROLLBACK_IN_PROGRESS ${reason}. Rollback requested by user.`,
      "names ROLLBACK_COMPLETE",
    ]);
  });
});

describe("plain parameters", () => {
  const template = {
    Parameters: {
      Stage: { Type: "String", AllowedValues: ["dev", "prod"] },
      Code: { Type: "String", AllowedPattern: "[A-Z]{3}", Default: "ABC" },
      Short: { Type: "String", MaxLength: 3, Default: "abc" },
      Count: { Type: "Number", Default: "2" },
      Password: { Type: "String", NoEcho: true },
    },
    Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Name: "/out/p", Type: "String", Value: { "Fn::Sub": "${Stage}-${Code}-${Short}-${Count}-${Password}" } } } },
  };
  const given = (values: Record<string, string>) => ({ Parameters: Object.entries(values).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })) });

  it("must all have values, must exist in the template, and must meet their constraints", () => {
    const box = world();
    expectError(() => createStack(box, "p", template, given({ Stage: "dev" })), "ValidationError", "Parameters: [Password] must have values");
    expectError(() => createStack(box, "p", template), "ValidationError", "Parameters: [Stage, Password] must have values");
    expectError(() => createStack(box, "p", template, given({ Stage: "dev", Password: "x", Extra: "y" })), "ValidationError", "Parameters: [Extra] do not exist in the template");
    expectError(() => createStack(box, "p", template, given({ Stage: "test", Password: "x" })), "ValidationError", "Parameter 'Stage' must be one of AllowedValues");
    expectError(() => createStack(box, "p", template, given({ Stage: "dev", Code: "abc", Password: "x" })), "ValidationError", "Parameter 'Code' must match pattern [A-Z]{3}");
    expectError(() => createStack(box, "p", template, given({ Stage: "dev", Short: "abcd", Password: "x" })), "ValidationError", "Parameter 'Short' must contain at most 3 characters");
  });

  it("shows NoEcho values as **** while the resource gets the value", () => {
    const box = world();
    createStack(box, "p", template, given({ Stage: "prod", Password: "hunter2" }));
    expect(parameterValue(box, "/out/p")).toBe("prod-ABC-abc-2-hunter2");
    expect(describeStack(box, "p").Parameters).toEqual([
      { ParameterKey: "Stage", ParameterValue: "prod" },
      { ParameterKey: "Code", ParameterValue: "ABC" },
      { ParameterKey: "Short", ParameterValue: "abc" },
      { ParameterKey: "Count", ParameterValue: "2" },
      { ParameterKey: "Password", ParameterValue: "****" },
    ]);
  });

  it("may default to a dynamic reference only with a version", () => {
    const box = world();
    const withDefault = (value: string) => ({ Parameters: { Env: { Type: "String", Default: value } }, Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Name: "/out/d", Type: "String", Value: { Ref: "Env" } } } } });
    expectError(() => createStack(box, "d", withDefault("{{resolve:ssm:/app/env}}")), "ValidationError", "Template error: parameter Env should not contain ssm versionless resolver");
    createStack(box, "d", withDefault("{{resolve:ssm:/app/env:1}}"));
    expect(parameterValue(box, "/out/d")).toBe("staging");
    // The stack keeps the reference, not the value.
    expect(describeStack(box, "d").Parameters).toEqual([{ ParameterKey: "Env", ParameterValue: "{{resolve:ssm:/app/env:1}}" }]);
  });
});
