import { SandboxUsageError } from "../core/errors";
import type { Sandbox } from "../sandbox";

/**
 * World building for scenarios: a KMS key with a key id chosen in advance
 * (the chapter's examples name 1234abcd-12ab-34cd-56ef-1234567890ab), which
 * CreateKey cannot do because AWS draws key ids itself.
 */

export interface KeySpecification {
  keyId: string;
  description?: string;
  accountId?: string;
  region?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Creates a symmetric encryption key through CreateKey (so it is an
 * ordinary key: default key policy, key material, trail event, made by the
 * current caller), then gives it `keyId` everywhere the drawn id appears.
 * Returns the key's ARN.
 */
export function putKey(engine: Sandbox, spec: KeySpecification): string {
  if (!UUID.test(spec.keyId)) throw new SandboxUsageError(`putKey: ${spec.keyId} is not a key id (a lower-case UUID)`);
  const region = spec.region ?? engine.region;
  const accountId = spec.accountId ?? engine.whoAmI().accountId;
  if (engine.peek().accounts[accountId]?.regions[region]?.kms.keys[spec.keyId]) throw new SandboxUsageError(`putKey: key ${spec.keyId} already exists`);
  const created = engine.call("kms", "CreateKey", { Description: spec.description ?? "" }, { region });
  const drawn = (created["KeyMetadata"] as { KeyId?: string } | undefined)?.KeyId;
  if (!drawn) throw new SandboxUsageError("putKey: CreateKey returned no key id");
  // The drawn id is a fresh random UUID: replacing it in the whole state touches that key and nothing else.
  const renamed: unknown = JSON.parse(JSON.stringify(engine.snapshot()).split(drawn).join(spec.keyId));
  engine.restore(renamed);
  return `arn:aws:kms:${region}:${accountId}:key/${spec.keyId}`;
}
