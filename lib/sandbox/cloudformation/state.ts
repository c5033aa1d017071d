import * as z from "zod";

/** CloudFormation stacks of one account in one Region. (Filled in by the CloudFormation service.) */
export interface CloudFormationState {
  stacks: Record<string, unknown>;
}

export const cloudFormationStateSchema = z.object({ stacks: z.record(z.string(), z.unknown()) }).strict();

export function emptyCloudFormationState(): CloudFormationState {
  return { stacks: {} };
}
