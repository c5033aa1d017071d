import { beforeAll, describe, expect, it } from "vitest";
import { SandboxUsageError } from "@/lib/sandbox/core/errors";
import { stackMachine, stepStack } from "@/lib/sandbox/cloudformation/stack.machine";
import { cloudFormationStateSchema, emptyCloudFormationState } from "@/lib/sandbox/cloudformation/state";
import { ACCOUNT, cfn, createStack, describeStack, expectError, failure, ready, REGION, sandbox } from "./helpers";

/** The stacks are plain JSON in the sandbox's state, checked by a strict schema when a snapshot is restored. */

beforeAll(ready);

const TEMPLATE = { Parameters: { Secret: { Type: "String", NoEcho: true } }, Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Name: "/p", Type: "String", Value: { Ref: "Secret" } } } }, Outputs: { Name: { Value: { Ref: "P" } } } };

describe("CloudFormation state", () => {
  it("survives snapshot and restore: the restored sandbox describes the same stacks and can delete them", () => {
    const { box } = sandbox();
    const { StackId } = createStack(box, "saved", TEMPLATE, { Parameters: [{ ParameterKey: "Secret", ParameterValue: "pw" }] });
    const saved = JSON.parse(JSON.stringify(box.snapshot()));
    const described = describeStack(box, "saved");
    const eventsBefore = cfn(box, "DescribeStackEvents", { StackName: "saved" });

    const { box: other } = sandbox();
    other.restore(saved);
    expect(describeStack(other, "saved")).toEqual(described);
    expect(cfn(other, "DescribeStackEvents", { StackName: "saved" })).toEqual(eventsBefore);
    cfn(other, "DeleteStack", { StackName: "saved" });
    expect(describeStack(other, String(StackId)).StackStatus).toBe("DELETE_COMPLETE");
  });

  it("is rejected by restore when it has a member the schema does not know, leaving the state as it was", () => {
    const { box } = sandbox();
    createStack(box, "saved", TEMPLATE, { Parameters: [{ ParameterKey: "Secret", ParameterValue: "pw" }] });
    const damaged = JSON.parse(JSON.stringify(box.snapshot()));
    const stacks = damaged.accounts[ACCOUNT].regions[REGION].cloudformation.stacks;
    const stack = Object.values(stacks)[0] as Record<string, unknown>;
    stack.resolvedSecrets = { P: "pw" };
    expect(() => box.restore(damaged)).toThrow(SandboxUsageError);
    expect(describeStack(box, "saved").StackStatus).toBe("CREATE_COMPLETE");
  });

  it("has a strict schema: an extra member, a record filed under another id, two live stacks with one name are refused", () => {
    const { box } = sandbox();
    createStack(box, "one", TEMPLATE, { Parameters: [{ ParameterKey: "Secret", ParameterValue: "pw" }] });
    const state = JSON.parse(JSON.stringify(box.snapshot().accounts[ACCOUNT]!.regions[REGION]!.cloudformation));
    expect(cloudFormationStateSchema.safeParse(state).success).toBe(true);
    expect(cloudFormationStateSchema.safeParse(emptyCloudFormationState()).success).toBe(true);
    expect(cloudFormationStateSchema.safeParse({ ...state, extra: true }).success).toBe(false);
    const [id, stack] = Object.entries(state.stacks)[0] as [string, Record<string, unknown>];
    expect(cloudFormationStateSchema.safeParse({ stacks: { [id]: { ...stack, extra: 1 } } }).success).toBe(false);
    expect(cloudFormationStateSchema.safeParse({ stacks: { [`${id}x`]: stack } }).success).toBe(false);
    const twin = { ...stack, stackId: id.replace(/[0-9a-f]{12}$/, "000000000000") };
    expect(cloudFormationStateSchema.safeParse({ stacks: { [id]: stack, [twin.stackId as string]: twin } }).success).toBe(false);
    expect(cloudFormationStateSchema.safeParse({ stacks: { [id]: { ...stack, status: "UPDATE_COMPLETE" } } }).success).toBe(false);
  });

  it("shows NoEcho values as ****, in the parameters and in the events' resource properties, while the resource gets the value", () => {
    const { box } = sandbox();
    createStack(box, "one", TEMPLATE, { Parameters: [{ ParameterKey: "Secret", ParameterValue: "pw-1234" }] });
    expect(describeStack(box, "one").Parameters).toEqual([{ ParameterKey: "Secret", ParameterValue: "****" }]);
    expect(JSON.stringify(cfn(box, "DescribeStackEvents", { StackName: "one" }))).not.toContain("pw-1234");
    expect(JSON.stringify(cfn(box, "DescribeStackEvents", { StackName: "one" }))).toContain('\\"Value\\":\\"****\\"');
    expect((box.call("ssm", "GetParameter", { Name: "/p" }).Parameter as Record<string, unknown>).Value).toBe("pw-1234");
  });
});

describe("the stack lifecycle machine", () => {
  it("allows what AWS allows and refuses the rest with AWS's error", () => {
    expect(stepStack("Absent", { type: "stack.create" }, "s")).toBe("CREATE_IN_PROGRESS");
    expect(stepStack("CREATE_IN_PROGRESS", { type: "stack.createFailed", onFailure: "ROLLBACK" }, "s")).toBe("ROLLBACK_IN_PROGRESS");
    expect(stepStack("CREATE_IN_PROGRESS", { type: "stack.createFailed", onFailure: "DO_NOTHING" }, "s")).toBe("CREATE_FAILED");
    expect(stepStack("CREATE_IN_PROGRESS", { type: "stack.createFailed", onFailure: "DELETE" }, "s")).toBe("DELETE_IN_PROGRESS");
    expect(stepStack("ROLLBACK_COMPLETE", { type: "stack.delete" }, "s")).toBe("DELETE_IN_PROGRESS");
    // A deleted stack: DeleteStack again changes nothing.
    expect(stepStack("DELETE_COMPLETE", { type: "stack.delete" }, "s")).toBe("DELETE_COMPLETE");
    expectError(() => stepStack("CREATE_COMPLETE", { type: "stack.create" }, "web"), "AlreadyExistsException", "Stack [web] already exists");
    expect(failure(() => stepStack("CREATE_COMPLETE", { type: "stack.rolledBack" }, "web")).code).toBe("InternalFailure");
    // Interfaces draw the machine from its definition.
    expect(Object.keys(stackMachine.config.states ?? {})).toContain("ROLLBACK_COMPLETE");
  });
});
