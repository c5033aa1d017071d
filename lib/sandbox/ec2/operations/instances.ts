import * as z from "zod";
import { AwsServiceError } from "../../core/errors";
import { defineOperation, type OperationContext, type WireObject } from "../../core/operation";
import { authorizeEc2 } from "../access";
import { bootInstance } from "../boot";
import * as errors from "../errors";
import { instanceMatcher } from "../filters";
import { findImage } from "../images";
import { INSTANCE_STATE_CODES, nextInstanceState } from "../instance.machine";
import { defaultNetwork } from "../network";
import type { InstanceRecord } from "../state";
import { instanceArn, instanceShape, isShown } from "../view";

/** EC2's default On-Demand vCPU-based quota is larger; the sandbox keeps a session small. */
const INSTANCE_LIMIT = 20;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;

const tag = z.object({ Key: z.string(), Value: z.string().optional() });
const filter = z.object({ Name: z.string(), Values: z.array(z.string()).optional() });

/** Instances that still show (terminated ones for an hour), oldest first. Reading changes nothing. */
export function visibleInstances(ctx: OperationContext): InstanceRecord[] {
  return Object.values(ctx.regionState().ec2.instances)
    .filter((instance) => isShown(instance, ctx.now))
    .sort((a, b) => a.launchedAt - b.launchedAt || (a.instanceId < b.instanceId ? -1 : 1));
}

/** Forgets terminated instances EC2 no longer shows (on launches, so that reads stay reads). */
function forgetGoneInstances(ctx: OperationContext): void {
  const instances = ctx.regionState().ec2.instances;
  for (const [id, instance] of Object.entries(instances)) if (!isShown(instance, ctx.now)) delete instances[id];
}

export function findInstance(ctx: OperationContext, instanceId: string): InstanceRecord {
  errors.checkInstanceId(instanceId);
  const instance = visibleInstances(ctx).find((candidate) => candidate.instanceId === instanceId);
  if (!instance) throw errors.instanceNotFound([instanceId]);
  return instance;
}

function resolveProfile(ctx: OperationContext, spec: { Arn?: string | undefined; Name?: string | undefined }): { arn: string; id: string; name: string; role?: string } {
  const iam = ctx.iamState(ctx.accountId);
  if (spec.Arn !== undefined && spec.Name !== undefined) throw errors.invalidParameterCombination("The parameter 'iamInstanceProfile.name' may not be used in combination with 'iamInstanceProfile.arn'");
  let profile;
  if (spec.Name !== undefined) {
    profile = iam?.instanceProfiles[spec.Name];
    if (!profile) throw errors.invalidInstanceProfile("name", spec.Name);
  } else if (spec.Arn !== undefined) {
    profile = Object.values(iam?.instanceProfiles ?? {}).find((candidate) => candidate.arn === spec.Arn);
    if (!profile) throw errors.invalidInstanceProfile("arn", spec.Arn);
  } else {
    throw errors.missingParameter("The request must contain the parameter iamInstanceProfile.name or iamInstanceProfile.arn");
  }
  return { arn: profile.arn, id: profile.instanceProfileId, name: profile.name, ...(profile.roles[0] ? { role: profile.roles[0] } : {}) };
}

function privateIp(ctx: OperationContext): string {
  const used = new Set(Object.values(ctx.regionState().ec2.instances).map((instance) => instance.privateIpAddress));
  for (;;) {
    const [a = 0, b = 0] = ctx.random.bytes(2);
    const ip = `172.31.${16 + (a % 16)}.${4 + (b % 250)}`;
    if (!used.has(ip)) return ip;
  }
}

export const runInstances = defineOperation({
  name: "RunInstances",
  input: z.object({
    ImageId: z.string().optional(),
    InstanceType: z.string().optional(),
    MinCount: z.number().int(),
    MaxCount: z.number().int(),
    UserData: z.string().optional(),
    IamInstanceProfile: z.object({ Arn: z.string().optional(), Name: z.string().optional() }).optional(),
    TagSpecifications: z.array(z.object({ ResourceType: z.string().optional(), Tags: z.array(tag).optional() })).optional(),
    ClientToken: z.string().optional(),
    DryRun: z.boolean().optional(),
  }),
  readOnly: false,
  sensitive: { request: ["UserData"] },
  handler(ctx, input) {
    if (input.ImageId === undefined) throw errors.missingParameter("The request must contain the parameter ImageId");
    errors.checkImageId(input.ImageId);
    if (input.MinCount < 1) throw errors.invalidParameterValue(`Value (${input.MinCount}) for parameter minCount is invalid. Expected a positive integer.`);
    if (input.MaxCount < input.MinCount) throw errors.invalidParameterValue(`Value (${input.MaxCount}) for parameter maxCount is invalid. Expected a value greater than or equal to minCount.`);
    // NOTE: EC2's default instance type is m1.small; any well-formed type is accepted (no capacity, no prices).
    const instanceType = input.InstanceType ?? "m1.small";
    if (!INSTANCE_TYPE.test(instanceType)) throw errors.invalidParameterValue(`Invalid value '${instanceType}' for InstanceType.`);
    const resource = instanceArn(ctx.region, ctx.accountId, "*");
    authorizeEc2(ctx, "ec2:RunInstances", resource);
    const image = findImage(ctx.region, input.ImageId);
    if (!image) throw errors.imageNotFound(input.ImageId);
    const profile = input.IamInstanceProfile ? resolveProfile(ctx, input.IamInstanceProfile) : undefined;
    if (profile?.role) {
      // Launching with a profile passes its role to EC2: the caller needs iam:PassRole on it.
      authorizeEc2(ctx, "iam:PassRole", `arn:aws:iam::${ctx.accountId}:role/${profile.role}`, { "iam:PassedToService": "ec2.amazonaws.com" });
    }
    if (input.DryRun) throw new AwsServiceError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    forgetGoneInstances(ctx);
    const ec2 = ctx.regionState().ec2;
    const running = visibleInstances(ctx).filter((instance) => instance.state !== "terminated").length;
    if (running + input.MinCount > INSTANCE_LIMIT) {
      throw new AwsServiceError("InstanceLimitExceeded", `You have requested more instances (${running + input.MinCount}) than your current instance limit of ${INSTANCE_LIMIT} allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.`);
    }
    const count = Math.min(input.MaxCount, INSTANCE_LIMIT - running);
    // The limit is on the bytes before base64 encoding (EC2 User Guide, "Run commands when you launch an EC2 instance with user data input").
    if (input.UserData !== undefined && base64Length(input.UserData) > 16_384) throw errors.invalidParameterValue("User data is limited to 16384 bytes");
    const tags = (input.TagSpecifications ?? [])
      .filter((spec) => spec.ResourceType === undefined || spec.ResourceType === "instance")
      .flatMap((spec) => spec.Tags ?? [])
      .map((t) => ({ Key: t.Key, Value: t.Value ?? "" }));
    const network = defaultNetwork(ctx.accountId, ctx.region);
    const reservationId = `r-0${ctx.random.string("0123456789abcdef", 16)}`;
    const launched: InstanceRecord[] = [];
    for (let index = 0; index < count; index++) {
      const instance: InstanceRecord = {
        instanceId: `i-0${ctx.random.string("0123456789abcdef", 16)}`,
        reservationId,
        imageId: image.imageId,
        instanceType,
        state: "pending",
        stateTransitionReason: "",
        launchedAt: ctx.now,
        availabilityZone: network.availabilityZone,
        privateIpAddress: privateIp(ctx),
        subnetId: network.subnetId,
        vpcId: network.vpcId,
        ...(profile ? { iamInstanceProfile: { arn: profile.arn, id: profile.id, name: profile.name } } : {}),
        ...(input.UserData !== undefined ? { userData: input.UserData } : {}),
        ...(input.ClientToken !== undefined ? { clientToken: input.ClientToken } : {}),
        tags,
        consoleOutput: "",
      };
      ec2.instances[instance.instanceId] = instance;
      launched.push(instance);
      ctx.touches(instanceArn(ctx.region, ctx.accountId, instance.instanceId), "AWS::EC2::Instance");
    }
    // The response shows the instances as launched (pending); then they boot and run their user data.
    const response: WireObject = {
      ReservationId: reservationId,
      OwnerId: ctx.accountId,
      Groups: [],
      Instances: launched.map((instance) => instanceShape(instance, ctx.region)),
    };
    for (const instance of launched) {
      bootInstance(ctx, instance);
      instance.state = nextInstanceState(instance.state, { type: "instance.booted" }) ?? instance.state;
    }
    return response;
  },
});

export const describeInstances = defineOperation({
  name: "DescribeInstances",
  input: z.object({
    InstanceIds: z.array(z.string()).optional(),
    Filters: z.array(filter).optional(),
    MaxResults: z.number().int().optional(),
    NextToken: z.string().optional(),
    DryRun: z.boolean().optional(),
  }),
  readOnly: true,
  handler(ctx, input) {
    authorizeEc2(ctx, "ec2:DescribeInstances", "*");
    if (input.InstanceIds?.length && input.MaxResults !== undefined) {
      throw errors.invalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults");
    }
    const matches = instanceMatcher((input.Filters ?? []).map((f) => ({ Name: f.Name, Values: f.Values ?? [] })));
    let instances = visibleInstances(ctx);
    if (input.InstanceIds?.length) {
      for (const id of input.InstanceIds) errors.checkInstanceId(id);
      const missing = input.InstanceIds.filter((id) => !instances.some((instance) => instance.instanceId === id));
      if (missing.length) throw errors.instanceNotFound(missing);
      instances = instances.filter((instance) => input.InstanceIds!.includes(instance.instanceId));
    }
    instances = instances.filter(matches);
    // NOTE: the sandbox returns every match in one page (MaxResults and NextToken are accepted and ignored).
    const reservations = new Map<string, InstanceRecord[]>();
    for (const instance of instances) reservations.set(instance.reservationId, [...(reservations.get(instance.reservationId) ?? []), instance]);
    return {
      Reservations: [...reservations].map(([reservationId, members]) => ({
        ReservationId: reservationId,
        OwnerId: ctx.accountId,
        Groups: [],
        Instances: members.map((instance) => instanceShape(instance, ctx.region)),
      })),
    };
  },
});

/** The number of bytes a base64 text decodes to. */
function base64Length(text: string): number {
  const trimmed = text.replace(/\s/g, "");
  return Math.floor((trimmed.length * 3) / 4) - (trimmed.endsWith("==") ? 2 : trimmed.endsWith("=") ? 1 : 0);
}

function userInitiated(now: number): string {
  return `User initiated (${new Date(now).toISOString().slice(0, 19).replace("T", " ")} GMT)`;
}

export const terminateInstances = defineOperation({
  name: "TerminateInstances",
  input: z.object({ InstanceIds: z.array(z.string()).min(1), DryRun: z.boolean().optional() }),
  readOnly: false,
  handler(ctx, input) {
    const instances = input.InstanceIds.map(errors.checkInstanceId);
    const visible = visibleInstances(ctx);
    const missing = instances.filter((id) => !visible.some((instance) => instance.instanceId === id));
    if (missing.length) throw errors.instanceNotFound(missing);
    for (const id of instances) authorizeEc2(ctx, "ec2:TerminateInstances", instanceArn(ctx.region, ctx.accountId, id));
    if (input.DryRun) throw new AwsServiceError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    const changes = instances.map((id) => {
      const instance = findInstance(ctx, id);
      const previous = instance.state;
      const current = nextInstanceState(previous, { type: "instance.terminate" }) ?? previous;
      if (previous !== "terminated") {
        // NOTE: shutting down is instant in the sandbox: the response says shutting-down, as EC2's does, and the instance is terminated afterwards.
        instance.state = nextInstanceState(current, { type: "instance.shutdown-complete" }) ?? current;
        instance.terminatedAt = ctx.now;
        instance.stateTransitionReason = userInitiated(ctx.now);
      }
      ctx.touches(instanceArn(ctx.region, ctx.accountId, id), "AWS::EC2::Instance");
      return { InstanceId: id, CurrentState: stateOf(current), PreviousState: stateOf(previous) };
    });
    return { TerminatingInstances: changes };
  },
});

function stateOf(name: InstanceRecord["state"]): WireObject {
  return { Code: INSTANCE_STATE_CODES[name], Name: name };
}
