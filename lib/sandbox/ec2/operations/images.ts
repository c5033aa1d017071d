import { inputs } from "../../contracts/ec2";
import { defineOperation } from "../../core/operation";
import { authorizeEc2 } from "../access";
import * as errors from "../errors";
import { wildcardMatch } from "../../iam/match";
import { imagesOf, type MachineImage } from "../images";

const IMAGE_FIELDS: Record<string, (image: MachineImage) => string> = {
  name: (image) => image.name,
  "image-id": (image) => image.imageId,
  architecture: (image) => image.architecture,
  "owner-id": (image) => image.ownerId,
  "owner-alias": (image) => image.ownerAlias,
  state: () => "available",
  "root-device-type": () => "ebs",
  "virtualization-type": () => "hvm",
  "is-public": () => "true",
  description: (image) => image.description,
};

/**
 * The images the sandbox can launch (see images.ts): find them by id, owner
 * ("amazon" or the owner id) or filters such as name=al2023-ami-*.
 */
export const describeImages = defineOperation({
  name: "DescribeImages",
  input: inputs.DescribeImages,
  readOnly: true,
  handler(ctx, input) {
    authorizeEc2(ctx, "ec2:DescribeImages", "*");
    const checks = (input.Filters ?? []).map((filter) => {
      const name = errors.filterName(filter.Name);
      const field = IMAGE_FIELDS[name];
      if (!field) throw errors.invalidFilter(name);
      return { field, patterns: filter.Values ?? [] };
    });
    let images = imagesOf(ctx.region);
    if (input.ImageIds?.length) {
      for (const id of input.ImageIds) {
        errors.checkImageId(id);
        if (!images.some((image) => image.imageId === id)) throw errors.imageNotFound(id);
      }
      images = images.filter((image) => input.ImageIds!.includes(image.imageId));
    }
    if (input.Owners?.length) images = images.filter((image) => input.Owners!.some((owner) => owner === image.ownerAlias || owner === image.ownerId));
    images = images.filter((image) => checks.every(({ field, patterns }) => patterns.some((pattern) => wildcardMatch(pattern, field(image)))));
    return {
      Images: images.map((image) => ({
        PlatformDetails: "Linux/UNIX",
        UsageOperation: "RunInstances",
        BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { DeleteOnTermination: true, SnapshotId: `snap-0${image.imageId.slice(5)}`, VolumeSize: 8, VolumeType: "gp3", Encrypted: false } }],
        Description: image.description,
        EnaSupport: true,
        Hypervisor: "xen",
        ImageOwnerAlias: image.ownerAlias,
        Name: image.name,
        RootDeviceName: "/dev/xvda",
        RootDeviceType: "ebs",
        SriovNetSupport: "simple",
        VirtualizationType: "hvm",
        BootMode: "uefi-preferred",
        ImdsSupport: "v2.0",
        ImageId: image.imageId,
        ImageLocation: `amazon/${image.name}`,
        State: "available",
        OwnerId: image.ownerId,
        CreationDate: image.creationDate,
        Public: true,
        Architecture: image.architecture,
        ImageType: "machine",
      })),
    };
  },
});
