import * as z from "zod";
import { inputs } from "../../contracts/ec2";
import { AwsServiceError, isAwsServiceError } from "../../core/errors";
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
/** The instance types the model lists (InstanceType). */
const INSTANCE_TYPES: ReadonlySet<string> = new Set(inputs.RunInstances.shape.InstanceType.unwrap().options);

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

/**
 * `--image-id resolve:ssm:NAME[:VERSION|:LABEL]`: EC2 reads the AMI id from a
 * Parameter Store parameter (a public one such as
 * /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64, or
 * the account's own) at launch, as the caller, who needs ssm:GetParameters
 * (RunInstances API reference, ImageId; "Use a Systems Manager parameter
 * instead of an AMI ID", EC2 user guide). The call is on the trail, invoked
 * by EC2.
 * NOTE: the error for a parameter that does not exist or the caller cannot
 * read is the sandbox's (InvalidParameterValue naming the parameter); no
 * recording of AWS's text is known.
 */
const RESOLVE_SSM = "resolve:ssm:";

function resolveImageParameter(ctx: OperationContext, selector: string): string {
  try {
    const { Parameter } = ctx.call("ssm", "GetParameter", { Name: selector }, { via: "ec2.amazonaws.com" }) as { Parameter?: { Value?: string } };
    const value = Parameter?.Value ?? "";
    errors.checkImageId(value);
    return value;
  } catch (error) {
    if (isAwsServiceError(error) && error.code !== "InvalidAMIID.Malformed") {
      throw errors.invalidParameterValue(`Invalid value '${RESOLVE_SSM}${selector}' for parameter ImageId: ${error.code}${error.message ? `: ${error.message}` : ""}`);
    }
    throw error;
  }
}

/**
 * The model's InstanceType is an enum, but EC2 does not answer a type outside it with a ValidationException: it says
 * InvalidParameterValue "Invalid value 't3.nano' for InstanceType." (quoted from AWS in
 * https://github.com/getmoto/moto/issues/1695, before t3 existed). So the contract's request is taken with
 * InstanceType as any string, and the handler checks it against the model's list in EC2's words.
 */
export const runInstances = defineOperation({
  name: "RunInstances",
  input: inputs.RunInstances.extend({ InstanceType: z.string().optional() }),
  readOnly: false,
  sensitive: { request: ["UserData"] },
  handler(ctx, input) {
    if (input.ImageId === undefined) throw errors.missingParameter("The request must contain the parameter ImageId");
    const requestedImage = input.ImageId;
    if (!requestedImage.startsWith(RESOLVE_SSM)) errors.checkImageId(requestedImage);
    if (input.MinCount < 1) throw errors.invalidParameterValue(`Value (${input.MinCount}) for parameter minCount is invalid. Expected a positive integer.`);
    if (input.MaxCount < input.MinCount) throw errors.invalidParameterValue(`Value (${input.MaxCount}) for parameter maxCount is invalid. Expected a value greater than or equal to minCount.`);
    // NOTE: EC2's default instance type is m1.small; every type the model lists is accepted (no capacity, no prices,
    // no check that the Region or the image's architecture offers it).
    const instanceType = input.InstanceType ?? "m1.small";
    if (!INSTANCE_TYPES.has(instanceType)) throw errors.invalidParameterValue(`Invalid value '${instanceType}' for InstanceType.`);
    const resource = instanceArn(ctx.region, ctx.accountId, "*");
    authorizeEc2(ctx, "ec2:RunInstances", resource);
    const imageId = requestedImage.startsWith(RESOLVE_SSM) ? resolveImageParameter(ctx, requestedImage.slice(RESOLVE_SSM.length)) : requestedImage;
    const image = findImage(ctx.region, imageId);
    if (!image) throw errors.imageNotFound(imageId);
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
      .map((t) => ({ Key: tagKey(t.Key), Value: t.Value ?? "" }));
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
  input: inputs.DescribeInstances,
  readOnly: true,
  handler(ctx, input) {
    authorizeEc2(ctx, "ec2:DescribeInstances", "*");
    if (input.InstanceIds?.length && input.MaxResults !== undefined) {
      throw errors.invalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults");
    }
    const matches = instanceMatcher((input.Filters ?? []).map((f) => ({ Name: errors.filterName(f.Name), Values: f.Values ?? [] })));
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

/**
 * A tag's key: the model lets a Tag go without one, EC2 does not. NOTE: the text is EC2's for CreateTags with an
 * empty key ("Value ( '' ) for parameter Tag key is invalid. Tag key cannot be null or empty.",
 * https://github.com/aws/aws-cli/issues/3283); RunInstances' answer for a tag without a key was not recorded.
 */
function tagKey(key: string | undefined): string {
  if (key === undefined) throw errors.invalidParameterValue("Value ( '' ) for parameter Tag key is invalid. Tag key cannot be null or empty.");
  return key;
}

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
  input: inputs.TerminateInstances,
  readOnly: false,
  handler(ctx, input) {
    // The model allows an empty list, but the EC2 protocol sends none of it (botocore's EC2 serializer writes
    // InstanceId.1, InstanceId.2, ... and nothing for []), so EC2 sees the required parameter missing.
    if (input.InstanceIds.length === 0) throw errors.missingParameter("The request must contain the parameter InstanceId");
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
