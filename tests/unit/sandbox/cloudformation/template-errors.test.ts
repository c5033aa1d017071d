import { beforeAll, describe, expect, it } from "vitest";
import { cfn, createStack, eventLines, expectError, ready, sandbox } from "./helpers";

/**
 * Template format errors: CreateStack and ValidateTemplate answer
 * ValidationError "Template format error: ..." (or "Template error: ...")
 * before any stack exists.
 */

beforeAll(ready);

const parameter = { Type: "AWS::SSM::Parameter", Properties: { Type: "String", Value: "v" } };

/** Both CreateStack and ValidateTemplate refuse the body with this message, and no stack is left. */
function refused(body: string | object, message: string): void {
  const { box } = sandbox();
  const text = typeof body === "string" ? body : JSON.stringify(body);
  expectError(() => cfn(box, "ValidateTemplate", { TemplateBody: text }), "ValidationError", message);
  expectError(() => createStack(box, "bad", text), "ValidationError", message);
  expect(cfn(box, "ListStacks").StackSummaries).toEqual([]);
}

describe("template format errors", () => {
  // The line and column come from the sandbox's readers; AWS's YAML reader may point one place further on.
  it("reports where JSON and YAML stop being well-formed", () => {
    refused('{\n  "Resources": {,\n}', "Template format error: JSON not well-formed. (line 2, column 17)");
    refused("Resources:\n  P:\n    Type: AWS::SSM::Parameter\n   Properties: {}\n", "Template format error: YAML not well-formed. (line 4, column 1)");
    refused("Resources:\n  P:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Value: !NoSuchFunction x\n", "Template format error: YAML not well-formed. (line 5, column 14)");
  });

  it("refuses a body that is not a mapping, a template without resources, and a resource without a type", () => {
    refused("just some text", "Template format error: unsupported structure.");
    refused({ Description: "nothing" }, "Template format error: At least one Resources member must be defined.");
    refused({ Resources: { Bucket: { Properties: {} } } }, "Template format error: [/Resources/Bucket] Every Resources object must contain a Type member.");
    refused({ Resources: { P: parameter }, Bogus: 1 }, "Invalid template property or properties [Bogus]");
  });

  it("refuses resource types AWS does not have", () => {
    refused({ Resources: { Foo: { Type: "AWS::Foo::Bar" }, P: parameter, Typo: { Type: "AWS::SMS::Parameter" } } }, "Template format error: Unrecognized resource types: [AWS::Foo::Bar, AWS::SMS::Parameter]");
  });

  it("refuses references to what the template does not define", () => {
    refused({ Resources: { P: { ...parameter, Properties: { Type: "String", Value: { Ref: "Missing" } } } } }, "Template format error: Unresolved resource dependencies [Missing] in the Resources block of the template");
    refused({ Resources: { P: { ...parameter, Properties: { Type: "String", Value: { "Fn::Sub": "${Nope}-${AWS::Region}" } } } } }, "Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template");
    refused({ Resources: { P: { ...parameter, DependsOn: ["Ghost"] } } }, "Template format error: Unresolved resource dependencies [Ghost] in the Resources block of the template");
    refused({ Resources: { P: parameter }, Outputs: { O: { Value: { Ref: "Missing" } } } }, "Template format error: Unresolved resource dependencies [Missing] in the Outputs block of the template");
    refused({ Resources: { P: { ...parameter, Properties: { Type: "String", Value: { "Fn::GetAtt": ["Ghost", "Arn"] } } } } }, "Template error: instance of Fn::GetAtt references undefined resource Ghost");
    refused({ Resources: { K: { Type: "AWS::KMS::Key" }, P: { ...parameter, Properties: { Type: "String", Value: { "Fn::GetAtt": ["K", "Name"] } } } } }, "Template error: resource K does not support attribute type Name in Fn::GetAtt");
  });

  it("refuses circular dependencies and unknown parameter types", () => {
    refused(
      { Resources: { A: { ...parameter, Properties: { Type: "String", Value: { Ref: "B" } } }, B: { ...parameter, Properties: { Type: "String", Value: { Ref: "A" } } } } },
      "Circular dependency between resources: [A, B]",
    );
    refused({ Parameters: { P: { Type: "SecureString" } }, Resources: { R: parameter } }, "Template format error: Unrecognized parameter type: SecureString");
  });
});

describe("errors while a resource is created", () => {
  it("fails the resource when Fn::Select reaches past the end of its list", () => {
    const { box } = sandbox();
    createStack(box, "select", { Resources: { P: { ...parameter, Properties: { Type: "String", Value: { "Fn::Select": [3, ["a", "b"]] } } } } });
    expect(eventLines(box, "select")).toEqual([
      "select CREATE_IN_PROGRESS User Initiated",
      "P CREATE_FAILED Template error: Fn::Select  cannot select nonexistent value at index 3",
      "select ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [P]. Rollback requested by user.",
      "P DELETE_IN_PROGRESS",
      "P DELETE_COMPLETE",
      "select ROLLBACK_COMPLETE",
    ]);
  });

  it("fails a resource whose properties do not match its type's schema", () => {
    const { box } = sandbox();
    createStack(box, "schema", { Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Type: "String" } }, Q: { Type: "AWS::SSM::Parameter", Properties: { Type: "String", Value: "v", Colour: "red" } } } });
    expect(eventLines(box, "schema")[2]).toBe("P CREATE_FAILED Properties validation failed for resource P with message: #: required key [Value] not found");
    createStack(box, "extra", { Resources: { Q: { Type: "AWS::SSM::Parameter", Properties: { Type: "String", Value: "v", Colour: "red" } } } });
    expect(eventLines(box, "extra")[2]).toBe("Q CREATE_FAILED Properties validation failed for resource Q with message: #: extraneous key [Colour] is not permitted");
  });
});
