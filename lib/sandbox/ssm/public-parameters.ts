import type { WireObject } from "../core/operation";
import { imagesOf } from "../ec2/images";
import * as errors from "./errors";
import type { ParameterReference } from "./names";
import publicRegions from "./public-regions.json";

/**
 * Public parameters: read-only parameters AWS publishes under /aws/service/
 * in every account, readable by anyone allowed ssm:GetParameter on them. The
 * sandbox serves a handful the chapter and the labs use:
 *
 * - /aws/service/global-infrastructure/regions/REGION (the code) and .../longName
 *   for the aws partition's Regions (names from botocore's endpoints.json);
 * - /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 and
 *   -arm64, the latest Amazon Linux 2023 image of the Region, which tutorials
 *   pass to run-instances as --image-id resolve:ssm:NAME.
 *
 * NOTE: the AMI parameters hold the sandbox's own image ids (see
 * ../ec2/images.ts), and every public parameter here is at version 1, last
 * modified when the sandbox's images were made; AWS's are updated with each
 * release. Their ARNs have no account, as AWS's do. DataType "text" is the
 * sandbox's reading of AWS's examples, not a recording. EC2's
 * `--image-id resolve:ssm:NAME` is not simulated yet: read the parameter and
 * pass its value.
 */
export const PUBLIC_ROOT = "/aws/service/";
const PUBLISHED = Date.parse("2026-01-01T00:00:00Z");

interface PublicParameter {
  name: string;
  value: string;
}

const cache = new Map<string, PublicParameter[]>();

/** The public parameters of a Region, sorted by name. */
export function publicParameters(region: string): PublicParameter[] {
  const cached = cache.get(region);
  if (cached) return cached;
  const list: PublicParameter[] = [];
  for (const [code, longName] of Object.entries((publicRegions as { regions: Record<string, string> }).regions)) {
    list.push({ name: `${PUBLIC_ROOT}global-infrastructure/regions/${code}`, value: code });
    list.push({ name: `${PUBLIC_ROOT}global-infrastructure/regions/${code}/longName`, value: longName });
  }
  for (const image of imagesOf(region)) list.push({ name: `${PUBLIC_ROOT}ami-amazon-linux-latest/al2023-ami-kernel-default-${image.architecture}`, value: image.imageId });
  list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  cache.set(region, list);
  return list;
}

export function isPublicName(name: string): boolean {
  return name.startsWith(PUBLIC_ROOT) || name === PUBLIC_ROOT.slice(0, -1);
}

export function publicArn(region: string, name: string): string {
  return `arn:aws:ssm:${region}::parameter${name}`;
}

export function findPublic(region: string, name: string): PublicParameter | undefined {
  return publicParameters(region).find((parameter) => parameter.name === name);
}

/** The parameter a reference names at its selector: version 1 only (a label finds nothing). */
export function publicVersion(parameter: PublicParameter, reference: ParameterReference): PublicParameter {
  const selector = reference.selector;
  if (!selector) return parameter;
  if (selector.kind === "version") {
    if (selector.version !== 1) throw errors.parameterVersionNotFound(selector.version, parameter.name);
    return parameter;
  }
  throw errors.parameterNotFound();
}

export function publicShape(region: string, parameter: PublicParameter, selector?: string): WireObject {
  return {
    Name: parameter.name,
    Type: "String",
    Value: parameter.value,
    Version: 1,
    ...(selector === undefined ? {} : { Selector: selector }),
    LastModifiedDate: PUBLISHED / 1000,
    ARN: publicArn(region, parameter.name),
    DataType: "text",
  };
}

/** The public parameters under a path (one level, or all with `recursive`), after a name. */
export function publicUnderPath(region: string, path: string, recursive: boolean, after: string | undefined): PublicParameter[] {
  const prefix = path.endsWith("/") ? path : `${path}/`;
  return publicParameters(region).filter((parameter) => {
    if (!parameter.name.startsWith(prefix)) return false;
    if (!recursive && parameter.name.slice(prefix.length).includes("/")) return false;
    return after === undefined || parameter.name > after;
  });
}
