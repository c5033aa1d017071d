import type { WireObject } from "../core/operation";
import { findImage } from "./images";
import { INSTANCE_STATE_CODES, type InstanceStateName } from "./instance.machine";
import { privateDnsName } from "./network";
import type { InstanceRecord } from "./state";

/** An instance as EC2 describes it (the members the sandbox knows, in the model's order). */
export function instanceShape(instance: InstanceRecord, region: string, stateOverride?: InstanceStateName): WireObject {
  const state = stateOverride ?? instance.state;
  const live = state !== "terminated";
  const image = findImage(region, instance.imageId);
  return {
    Architecture: image?.architecture ?? "x86_64",
    BlockDeviceMappings: [],
    ...(instance.clientToken ? { ClientToken: instance.clientToken } : {}),
    EbsOptimized: false,
    EnaSupport: true,
    Hypervisor: "xen",
    ...(instance.iamInstanceProfile && live ? { IamInstanceProfile: { Arn: instance.iamInstanceProfile.arn, Id: instance.iamInstanceProfile.id } } : {}),
    RootDeviceName: "/dev/xvda",
    RootDeviceType: "ebs",
    SecurityGroups: [],
    ...(live ? { SourceDestCheck: true } : {}),
    ...(instance.tags.length ? { Tags: instance.tags.map((tag) => ({ ...tag })) } : {}),
    VirtualizationType: "hvm",
    MetadataOptions: { State: "applied", HttpTokens: "required", HttpPutResponseHopLimit: 2, HttpEndpoint: "enabled", HttpProtocolIpv6: "disabled", InstanceMetadataTags: "disabled" },
    BootMode: "uefi-preferred",
    PlatformDetails: "Linux/UNIX",
    UsageOperation: "RunInstances",
    InstanceId: instance.instanceId,
    ImageId: instance.imageId,
    State: { Code: INSTANCE_STATE_CODES[state], Name: state },
    PrivateDnsName: live ? privateDnsName(instance.privateIpAddress, region) : "",
    PublicDnsName: "",
    StateTransitionReason: instance.stateTransitionReason,
    AmiLaunchIndex: 0,
    ProductCodes: [],
    InstanceType: instance.instanceType,
    LaunchTime: instance.launchedAt / 1000,
    Placement: { GroupName: "", Tenancy: "default", AvailabilityZone: instance.availabilityZone },
    Monitoring: { State: "disabled" },
    ...(live ? { SubnetId: instance.subnetId, VpcId: instance.vpcId, PrivateIpAddress: instance.privateIpAddress } : {}),
  };
}

/** Terminated instances stay visible for about an hour (EC2 User Guide, "Terminate instances"). */
const TERMINATED_VISIBLE_MS = 60 * 60_000;

/** Whether EC2 still shows an instance at `now`. */
export function isShown(instance: InstanceRecord, now: number): boolean {
  return instance.terminatedAt === undefined || now - instance.terminatedAt <= TERMINATED_VISIBLE_MS;
}

export function instanceArn(region: string, accountId: string, instanceId: string): string {
  return `arn:aws:ec2:${region}:${accountId}:instance/${instanceId}`;
}
