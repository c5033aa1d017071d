import { isAwsServiceError } from "../../core/errors";
import type { WireObject } from "../../core/operation";
import { callService, isNotFound, ResourceFailure, systemTags, tagList, text, type ResourceProvider } from "./types";

/**
 * AWS::EC2::Instance (user guide): RunInstances for one instance (ImageId, InstanceType, UserData, IamInstanceProfile
 * by name, and the template's, the stack's and the aws:cloudformation tags on the instance), TerminateInstances to
 * delete. Ref is the instance id; GetAtt PrivateIp, PrivateDnsName, AvailabilityZone, PublicIp, PublicDnsName.
 *
 * UserData is base64 already (usually Fn::Base64). Dynamic references are not resolved in it (user guide,
 * dynamic-references: not supported in "Amazon EC2 UserData properties"): the instance gets the literal text.
 *
 * NOTE: the other documented properties (KeyName, SubnetId, SecurityGroupIds, BlockDeviceMappings, ...) are
 * accepted and not sent: the sandbox's EC2 has no networks, key pairs or volumes.
 *
 * A failure reads as EC2's own message, e.g. "The specified instance type can only be used in a VPC. A subnet ID or
 * network interface ID is required to carry out the request." (CREATE_FAILED AWS::EC2::Instance,
 * https://github.com/iotFab/iota-aws-full-node/issues/14).
 */

const DOCUMENTED_PROPERTIES = [
  "AdditionalInfo",
  "Affinity",
  "AvailabilityZone",
  "BlockDeviceMappings",
  "CpuOptions",
  "CreditSpecification",
  "DisableApiTermination",
  "EbsOptimized",
  "ElasticGpuSpecifications",
  "ElasticInferenceAccelerators",
  "EnclaveOptions",
  "HibernationOptions",
  "HostId",
  "HostResourceGroupArn",
  "IamInstanceProfile",
  "ImageId",
  "InstanceInitiatedShutdownBehavior",
  "InstanceType",
  "Ipv6AddressCount",
  "Ipv6Addresses",
  "KernelId",
  "KeyName",
  "LaunchTemplate",
  "LicenseSpecifications",
  "Monitoring",
  "NetworkInterfaces",
  "PlacementGroupName",
  "PrivateDnsNameOptions",
  "PrivateIpAddress",
  "PropagateTagsToVolumeOnCreation",
  "RamdiskId",
  "SecurityGroupIds",
  "SecurityGroups",
  "SourceDestCheck",
  "SsmAssociations",
  "SubnetId",
  "Tags",
  "Tenancy",
  "UserData",
  "Volumes",
];

function ec2FailureReason(error: unknown): string {
  if (!isAwsServiceError(error)) throw error;
  return error.message;
}

export const ec2InstanceProvider: ResourceProvider = {
  type: "AWS::EC2::Instance",
  properties: DOCUMENTED_PROPERTIES,
  required: [],
  attributes: ["AvailabilityZone", "PrivateDnsName", "PrivateIp", "PublicDnsName", "PublicIp"],
  create(request) {
    const { ctx, properties } = request;
    const profile = text(properties["IamInstanceProfile"]);
    const input: WireObject = {
      ...(properties["ImageId"] === undefined ? {} : { ImageId: text(properties["ImageId"]) }),
      ...(properties["InstanceType"] === undefined ? {} : { InstanceType: text(properties["InstanceType"]) }),
      MinCount: 1,
      MaxCount: 1,
      ...(properties["UserData"] === undefined ? {} : { UserData: text(properties["UserData"]) }),
      ...(profile === undefined ? {} : { IamInstanceProfile: { Name: profile } }),
      TagSpecifications: [{ ResourceType: "instance", Tags: [...tagList(properties["Tags"]), ...request.stackTags, ...systemTags(request)] }],
    };
    let instance: WireObject;
    try {
      const output = callService(ctx, "ec2", "RunInstances", input);
      instance = ((output["Instances"] as WireObject[] | undefined) ?? [])[0] ?? {};
    } catch (error) {
      throw new ResourceFailure(ec2FailureReason(error));
    }
    const instanceId = String(instance["InstanceId"] ?? "");
    const placement = (instance["Placement"] as WireObject | undefined) ?? {};
    return {
      physicalId: instanceId,
      ref: instanceId,
      attributes: {
        AvailabilityZone: String(placement["AvailabilityZone"] ?? ""),
        PrivateDnsName: String(instance["PrivateDnsName"] ?? ""),
        PrivateIp: String(instance["PrivateIpAddress"] ?? ""),
        PublicDnsName: String(instance["PublicDnsName"] ?? ""),
        PublicIp: String(instance["PublicIpAddress"] ?? ""),
      },
    };
  },
  delete(request) {
    try {
      callService(request.ctx, "ec2", "TerminateInstances", { InstanceIds: [request.physicalId] });
    } catch (error) {
      if (isNotFound(error, ["InvalidInstanceID.NotFound"])) return;
      throw new ResourceFailure(ec2FailureReason(error));
    }
  },
};
