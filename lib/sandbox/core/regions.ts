import publicRegions from "../ssm/public-regions.json";

/**
 * The aws partition's Regions, from botocore's endpoints.json (extracted with
 * the CLI models by scripts/extract-cli-models.mjs; Parameter Store serves
 * them as public parameters too).
 */
export const AWS_REGIONS: readonly string[] = Object.keys(publicRegions.regions);

export const isAwsRegion = (region: string): boolean => AWS_REGIONS.includes(region);
