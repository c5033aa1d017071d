import * as z from "zod";
import { defineOperation } from "../../core/operation";
import { aws } from "../../core/validation";
import { authorizeSecret } from "../access";
import { kmsKeyId, secretId } from "../inputs";
import { requireLifecycle } from "../lifecycle";
import { resolveSecret } from "../names";

/** What the sandbox says instead of replicating: the status AWS would report, honestly failed. */
export const REPLICATION_NOT_SIMULATED = "Replication to other Regions is not simulated in this sandbox.";

export const replicaRegions = aws.list(z.object({ Region: aws.string({ min: 1, max: 128 }), KmsKeyId: kmsKeyId.optional() }), { min: 1 });

export function failedReplicas(regions: z.output<typeof replicaRegions>) {
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
  input: z.object({ SecretId: secretId, AddReplicaRegions: replicaRegions, ForceOverwriteReplicaSecret: z.boolean().optional() }),
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    authorizeSecret(ctx, "ReplicateSecretToRegions", resolved);
    requireLifecycle(resolved.secret, "secret.modify");
    return { ARN: resolved.secret.arn, ReplicationStatus: failedReplicas(input.AddReplicaRegions) };
  },
});
