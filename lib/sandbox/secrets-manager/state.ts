import { z } from "zod";

/** Secrets Manager state of one account in one Region. (Placeholder: owned by the Secrets Manager implementation.) */
export interface SecretsManagerState {
  secrets: Record<string, unknown>;
}

export const secretsManagerStateSchema = z.object({ secrets: z.record(z.string(), z.unknown()) });

export function emptySecretsManagerState(): SecretsManagerState {
  return { secrets: {} };
}
