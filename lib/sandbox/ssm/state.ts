import { z } from "zod";

/** Parameter Store state of one account in one Region. (Placeholder: owned by the Parameter Store implementation.) */
export interface SsmState {
  parameters: Record<string, unknown>;
}

export const ssmStateSchema = z.object({ parameters: z.record(z.string(), z.unknown()) });

export function emptySsmState(): SsmState {
  return { parameters: {} };
}
