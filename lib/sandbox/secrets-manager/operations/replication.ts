import { defineOperation } from "../../core/operation";
import { authorizeSecret } from "../access";
import { requireLifecycle } from "../lifecycle";
import { resolveSecret } from "../names";
import { replicateSecretToRegionsRequest } from "../requests";

/** What the sandbox says instead of replicating: the status AWS would report, honestly failed. */
export const REPLICATION_NOT_SIMULATED = "Replication to other Regions is not simulated in this sandbox.";

export function failedReplicas(regions: readonly { Region: string; KmsKeyId?: string | undefined }[]) {
  return regions.map((replica) => ({
    Region: replica.Region,
    ...(replica.KmsKeyId ? { KmsKeyId: replica.KmsKeyId } : {}),
    Status: "Failed",
    StatusMessage: REPLICATION_NOT_SIMULATED,
  }));
}

/**
 * ReplicateSecretToRegions. NOTE: the sandbox simulates one Region per
 * request and no replicas: the secret is checked and authorised as in AWS,
 * and every requested Region is reported as Failed with a message saying why.
 */
export const replicateSecretToRegions = defineOperation({
  name: "ReplicateSecretToRegions",
  readOnly: false,
  // Replicas with a Region: see requests.ts.
  input: replicateSecretToRegionsRequest,
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    authorizeSecret(ctx, "ReplicateSecretToRegions", resolved);
    requireLifecycle(resolved.secret, "secret.modify");
    return { ARN: resolved.secret.arn, ReplicationStatus: failedReplicas(input.AddReplicaRegions) };
  },
});
