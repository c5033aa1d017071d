import { inputs } from "../../contracts/kms";
import { bytesEqual, toBase64 } from "../../core/encoding";
import { defineOperation, type OperationContext } from "../../core/operation";
import { computeMac } from "../../crypto/signing";
import { authorizeKey } from "../access";
import { kmsErrors } from "../errors";
import { resolveKey } from "../key-ids";
import { MAC_ALGORITHMS, macAlgorithmsFor, type MacAlgorithm } from "../key-specs";
import { currentMaterial, materialSecret } from "../materials";
import { requireUsableKey } from "../usage";
import { dryRunSucceeded, enumPrintedAs } from "./shapes";

/** HMAC keys: GenerateMac and VerifyMac (HMAC per RFC 2104 with the key's material). */

const KEY_RESOURCE = "AWS::KMS::Key";

/**
 * MacAlgorithm: the model's values, and AWS's ValidationException lists them in its own order, not
 * the model's (LocalStack snapshots test_invalid_generate_mac[HMAC_256-INVALID] and
 * test_invalid_verify_mac[HMAC_256-INVALID-...], recorded in 2023).
 */
const macAlgorithm = (model: typeof inputs.GenerateMac.shape.MacAlgorithm) => enumPrintedAs(model, MAC_ALGORITHMS);

function macOf(ctx: OperationContext, input: { KeyId: string; Message: Uint8Array; MacAlgorithm: MacAlgorithm }, operation: "GenerateMac" | "VerifyMac") {
  const resolved = resolveKey(ctx, input.KeyId, { aliases: true });
  const { key } = resolved;
  ctx.touches(key.arn, KEY_RESOURCE);
  authorizeKey(ctx, key, {
    operation,
    context: { "kms:MacAlgorithm": input.MacAlgorithm, ...(resolved.alias ? { "kms:RequestAlias": resolved.alias.aliasName } : {}) },
  });
  requireUsableKey(key, "GENERATE_VERIFY_MAC", operation);
  if (!macAlgorithmsFor(key.keySpec).includes(input.MacAlgorithm)) throw kmsErrors.incompatibleAlgorithm(input.MacAlgorithm, key.keySpec);
  const material = currentMaterial(key);
  if (!material) throw kmsErrors.invalidKeyUsage(key.arn, key.keyUsage, operation);
  return { key, mac: computeMac(input.MacAlgorithm, materialSecret(material), input.Message) };
}

export const generateMac = defineOperation({
  name: "GenerateMac",
  input: inputs.GenerateMac.extend({ MacAlgorithm: macAlgorithm(inputs.GenerateMac.shape.MacAlgorithm) }),
  readOnly: true,
  sensitive: { request: ["Message"], response: ["Mac"] },
  handler(ctx, input) {
    const { key, mac } = macOf(ctx, input, "GenerateMac");
    if (input.DryRun) throw dryRunSucceeded();
    return { Mac: toBase64(mac), MacAlgorithm: input.MacAlgorithm, KeyId: key.arn };
  },
});

export const verifyMac = defineOperation({
  name: "VerifyMac",
  input: inputs.VerifyMac.extend({ MacAlgorithm: macAlgorithm(inputs.VerifyMac.shape.MacAlgorithm) }),
  readOnly: true,
  sensitive: { request: ["Message", "Mac"] },
  handler(ctx, input) {
    const { key, mac } = macOf(ctx, input, "VerifyMac");
    if (input.DryRun) throw dryRunSucceeded();
    if (!bytesEqual(mac, input.Mac)) throw kmsErrors.invalidMac();
    return { KeyId: key.arn, MacValid: true, MacAlgorithm: input.MacAlgorithm };
  },
});
