/**
 * The Region's default VPC as the sandbox draws it: one VPC, one subnet per
 * Availability Zone letter "a", ids derived from the account and Region so
 * that they stay the same across sessions.
 *
 * NOTE: the sandbox does not simulate networking; these ids only fill the
 * fields EC2 returns.
 */
/** Hex digits derived from a name (FNV-1a, repeated): stable ids, not secrets. */
export function stableHex(text: string, length: number): string {
  let out = "";
  let hash = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    for (const char of `${text}#${round}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, "0");
  }
  return out.slice(0, length);
}

export interface DefaultNetwork {
  vpcId: string;
  subnetId: string;
  availabilityZone: string;
}

export function defaultNetwork(accountId: string, region: string): DefaultNetwork {
  return {
    vpcId: `vpc-0${stableHex(`${accountId}/${region}/vpc`, 16)}`,
    subnetId: `subnet-0${stableHex(`${accountId}/${region}/subnet-a`, 16)}`,
    availabilityZone: `${region}a`,
  };
}

/** The private DNS name EC2 gives an address in us-east-1 (ec2.internal) and elsewhere (REGION.compute.internal). */
export function privateDnsName(ip: string, region: string): string {
  return `ip-${ip.replace(/\./g, "-")}.${region === "us-east-1" ? "ec2.internal" : `${region}.compute.internal`}`;
}
