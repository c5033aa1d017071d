import { stableHex } from "./network";

/**
 * The machine images the sandbox can launch: Amazon Linux 2023 for x86_64
 * and arm64, owned by Amazon, in every Region.
 *
 * NOTE: real AMI ids differ per Region and change with every release (AWS
 * publishes the latest under the public parameter
 * /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64).
 * The sandbox's ids and names are its own, derived from the Region, and say
 * "sandbox" so that nobody mistakes them for real ones.
 */
export interface MachineImage {
  imageId: string;
  name: string;
  description: string;
  architecture: "x86_64" | "arm64";
  /** Amazon's account for Amazon Linux images. */
  ownerId: string;
  ownerAlias: "amazon";
  creationDate: string;
}

const AMAZON_LINUX_OWNER = "137112412989";

export function imagesOf(region: string): MachineImage[] {
  return (["x86_64", "arm64"] as const).map((architecture) => ({
    imageId: `ami-0${stableHex(`${region}/al2023/${architecture}`, 16)}`,
    name: `al2023-ami-2023-sandbox-kernel-6.1-${architecture}`,
    description: `Amazon Linux 2023 (sandbox image, ${architecture})`,
    architecture,
    ownerId: AMAZON_LINUX_OWNER,
    ownerAlias: "amazon",
    creationDate: "2026-01-01T00:00:00.000Z",
  }));
}

export function findImage(region: string, imageId: string): MachineImage | undefined {
  return imagesOf(region).find((image) => image.imageId === imageId);
}
