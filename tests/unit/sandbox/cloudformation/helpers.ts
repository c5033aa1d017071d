import * as z from "zod";
import { Sandbox, services, type WireObject } from "@/lib/sandbox";
import * as YAML from "yaml";
import { provideYaml } from "@/lib/sandbox/cloudformation/service";
import { AwsServiceError } from "@/lib/sandbox/core/errors";
import { defineOperation, type OperationSpec, type ServiceSpec } from "@/lib/sandbox/core/operation";
export { ACCOUNT, expectError, failure, REGION, START, START_SECONDS } from "../shared";
import { START } from "../shared";

/** Shared set-up for the CloudFormation specifications. */


/** YAML templates need the YAML reader, which the tools provide (tools.ts); an engine on its own is given it here. */
export async function ready(): Promise<void> {
  provideYaml(YAML);
}

/**
 * A stand-in for EC2's RunInstances and TerminateInstances with the wire names the sandbox's EC2 is being given
 * (ImageId, InstanceType, MinCount, MaxCount, UserData, IamInstanceProfile {Name}, TagSpecifications; response
 * Instances[0] with InstanceId, PrivateIpAddress, PrivateDnsName, Placement.AvailabilityZone). It authorises as
 * EC2 does (identity policies only) and remembers what it was given, so the tests can look.
 */
export interface FakeInstance {
  instanceId: string;
  imageId: string | undefined;
  instanceType: string | undefined;
  userData: string | undefined;
  profile: string | undefined;
  tags: { Key: string; Value: string }[];
  state: "running" | "terminated";
}

export function fakeEc2(): { service: ServiceSpec; instances: Map<string, FakeInstance> } {
  const instances = new Map<string, FakeInstance>();
  const tag = z.object({ Key: z.string(), Value: z.string() });
  const runInstances = defineOperation({
    name: "RunInstances",
    readOnly: false,
    input: z.object({
      ImageId: z.string().optional(),
      InstanceType: z.string().optional(),
      MinCount: z.number().int(),
      MaxCount: z.number().int(),
      UserData: z.string().optional(),
      IamInstanceProfile: z.object({ Name: z.string().optional(), Arn: z.string().optional() }).optional(),
      TagSpecifications: z.array(z.object({ ResourceType: z.string(), Tags: z.array(tag) })).optional(),
    }),
    handler(ctx, input) {
      ctx.authorize({ action: "ec2:RunInstances", resource: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:instance/*`, resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} }, { errorCode: "UnauthorizedOperation" });
      if (input.ImageId === undefined) throw new AwsServiceError("MissingParameter", "The request must contain the parameter ImageId");
      const instanceId = `i-${ctx.random.string("0123456789abcdef", 17)}`;
      const instance: FakeInstance = {
        instanceId,
        imageId: input.ImageId,
        instanceType: input.InstanceType,
        userData: input.UserData,
        profile: input.IamInstanceProfile?.Name,
        tags: input.TagSpecifications?.flatMap((spec) => spec.Tags) ?? [],
        state: "running",
      };
      instances.set(instanceId, instance);
      return {
        ReservationId: `r-${ctx.random.string("0123456789abcdef", 17)}`,
        OwnerId: ctx.accountId,
        Instances: [{ InstanceId: instanceId, ImageId: input.ImageId, InstanceType: input.InstanceType ?? "m1.small", PrivateIpAddress: "172.31.5.10", PrivateDnsName: "ip-172-31-5-10.ec2.internal", Placement: { AvailabilityZone: `${ctx.region}a` } }],
      };
    },
  });
  const terminateInstances = defineOperation({
    name: "TerminateInstances",
    readOnly: false,
    input: z.object({ InstanceIds: z.array(z.string()) }),
    handler(ctx, input) {
      ctx.authorize({ action: "ec2:TerminateInstances", resource: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:instance/${input.InstanceIds[0]}`, resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} }, { errorCode: "UnauthorizedOperation" });
      for (const id of input.InstanceIds) {
        const instance = instances.get(id);
        if (!instance) throw new AwsServiceError("InvalidInstanceID.NotFound", `The instance ID '${id}' does not exist`);
        instance.state = "terminated";
      }
      return { TerminatingInstances: input.InstanceIds.map((id) => ({ InstanceId: id })) };
    },
  });
  const service: ServiceSpec = {
    id: "ec2",
    eventSource: "ec2.amazonaws.com",
    errorMessageKey: "message",
    operations: { RunInstances: runInstances, TerminateInstances: terminateInstances } as Record<string, OperationSpec<z.ZodType>>,
  };
  return { service, instances };
}

/** A sandbox with the fake EC2 in place of the real one. */
export function sandbox(): { box: Sandbox; instances: Map<string, FakeInstance> } {
  const ec2 = fakeEc2();
  const box = new Sandbox([...services, ec2.service], { seed: 7, now: START });
  return { box, instances: ec2.instances };
}

export function cfn(box: Sandbox, operation: string, input: WireObject = {}): WireObject {
  return box.call("cloudformation", operation, input);
}

export function createStack(box: Sandbox, name: string, template: string | object, extra: WireObject = {}): WireObject {
  return cfn(box, "CreateStack", { StackName: name, TemplateBody: typeof template === "string" ? template : JSON.stringify(template), ...extra });
}

export function describeStack(box: Sandbox, name: string): Record<string, unknown> {
  return (cfn(box, "DescribeStacks", { StackName: name }).Stacks as Record<string, unknown>[])[0]!;
}

export interface EventView {
  LogicalResourceId: string;
  ResourceType: string;
  ResourceStatus: string;
  ResourceStatusReason?: string;
  PhysicalResourceId?: string;
  ResourceProperties?: string;
}

/** The stack's events oldest first (DescribeStackEvents answers newest first). */
export function events(box: Sandbox, name: string): EventView[] {
  return [...(cfn(box, "DescribeStackEvents", { StackName: name }).StackEvents as unknown as EventView[])].reverse();
}

/** Events as "LogicalId STATUS[ reason]" lines, oldest first. */
export function eventLines(box: Sandbox, name: string): string[] {
  return events(box, name).map((event) => `${event.LogicalResourceId} ${event.ResourceStatus}${event.ResourceStatusReason ? ` ${event.ResourceStatusReason}` : ""}`);
}

export function ssm(box: Sandbox, operation: string, input: WireObject = {}): WireObject {
  return box.call("ssm", operation, input);
}

export function parameterValue(box: Sandbox, name: string, decrypt = false): string {
  return String((ssm(box, "GetParameter", { Name: name, WithDecryption: decrypt }).Parameter as WireObject).Value);
}



/** Everything the stack's APIs show, as one text (to prove what never appears in it). */
export function everythingShown(box: Sandbox, name: string): string {
  const stack = describeStack(box, name);
  const id = String(stack.StackId);
  return JSON.stringify([
    stack,
    cfn(box, "DescribeStackEvents", { StackName: id }),
    cfn(box, "DescribeStackResources", { StackName: id }),
    cfn(box, "ListStackResources", { StackName: id }),
    cfn(box, "GetTemplate", { StackName: id }),
    cfn(box, "ListStacks"),
  ]);
}
