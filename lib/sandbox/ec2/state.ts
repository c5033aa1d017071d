import * as z from "zod";
import { INSTANCE_STATES, type InstanceStateName } from "./instance.machine";

/**
 * EC2 instances of one account in one Region: just what the chapter's
 * integrations need. An instance has an instance profile (whose role its
 * programs act as) and user data (a script it runs once, at first boot);
 * what the script printed is its console output.
 *
 * NOTE: no networking, disks, key pairs, security groups or billing; every
 * instance is in the Region's default VPC and first subnet.
 */
export interface InstanceTag {
  Key: string;
  Value: string;
}

export interface InstanceRecord {
  instanceId: string;
  reservationId: string;
  imageId: string;
  instanceType: string;
  /** The lifecycle state (see instance.machine.ts). */
  state: InstanceStateName;
  stateTransitionReason: string;
  launchedAt: number;
  /** When it was terminated: AWS keeps showing a terminated instance for about an hour. */
  terminatedAt?: number;
  availabilityZone: string;
  privateIpAddress: string;
  subnetId: string;
  vpcId: string;
  /** The instance profile as launched (ARN and id); its role is looked up when a program runs. */
  iamInstanceProfile?: { arn: string; id: string; name: string };
  /** The user data as sent (base64), if any. */
  userData?: string;
  clientToken?: string;
  tags: InstanceTag[];
  /** What the instance printed on its serial console (boot messages and the user data's output). */
  consoleOutput: string;
  consoleUpdatedAt?: number;
}

export interface Ec2State {
  instances: Record<string, InstanceRecord>;
}

const instanceSchema = z
  .object({
    instanceId: z.string().regex(/^i-[0-9a-f]{17}$/),
    reservationId: z.string().regex(/^r-[0-9a-f]{17}$/),
    imageId: z.string(),
    instanceType: z.string(),
    state: z.enum(INSTANCE_STATES),
    stateTransitionReason: z.string(),
    launchedAt: z.number(),
    terminatedAt: z.number().optional(),
    availabilityZone: z.string(),
    privateIpAddress: z.string(),
    subnetId: z.string(),
    vpcId: z.string(),
    iamInstanceProfile: z.strictObject({ arn: z.string(), id: z.string(), name: z.string() }).strict().optional(),
    userData: z.string().optional(),
    clientToken: z.string().optional(),
    tags: z.array(z.strictObject({ Key: z.string(), Value: z.string() }).strict()),
    consoleOutput: z.string(),
    consoleUpdatedAt: z.number().optional(),
  })
  .strict();

export const ec2StateSchema = z.strictObject({ instances: z.record(z.string(), instanceSchema) }).strict();

export function emptyEc2State(): Ec2State {
  return { instances: {} };
}
