import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAwsServiceError } from "@/lib/sandbox/core/errors";
import { DAY } from "@/lib/sandbox/core/time";
import type { Sandbox } from "@/lib/sandbox/index";
import { kmsStateSchema } from "@/lib/sandbox/kms/state";
import { ACCOUNT, b64, createKey, decrypt, encrypt, newSandbox, REGION } from "./helpers";

/** A short session touching every kind of randomness KMS uses. */
function session(sandbox: Sandbox) {
  const symmetric = createKey(sandbox);
  const signing = createKey(sandbox, { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" });
  const rsa = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" });
  sandbox.call("kms", "EnableKeyRotation", { KeyId: symmetric.keyId, RotationPeriodInDays: 90 });
  sandbox.advanceClock(100 * DAY);
  return {
    ids: [symmetric.keyId, signing.keyId, rsa.keyId],
    blob: encrypt(sandbox, symmetric.keyId, "same every time"),
    dataKey: sandbox.call("kms", "GenerateDataKey", { KeyId: symmetric.keyId, KeySpec: "AES_256" }),
    random: sandbox.call("kms", "GenerateRandom", { NumberOfBytes: 16 }),
    ecdsa: sandbox.call("kms", "Sign", { KeyId: signing.keyId, Message: b64("m"), SigningAlgorithm: "ECDSA_SHA_256" }).Signature,
    pss: sandbox.call("kms", "Sign", { KeyId: rsa.keyId, Message: b64("m"), SigningAlgorithm: "RSASSA_PSS_SHA_256" }).Signature,
    publicKey: sandbox.call("kms", "GetPublicKey", { KeyId: rsa.keyId }).PublicKey,
    material: sandbox.call("kms", "DescribeKey", { KeyId: symmetric.keyId }),
  };
}

describe("determinism", () => {
  it("the same seed gives the same key ids, key material, blobs and signatures", () => {
    expect(session(newSandbox(7))).toEqual(session(newSandbox(7)));
  });

  it("an RSA key pair comes out the same in another process: a restored session and the server's replay see the same key", () => {
    // In this process a key pair is cached once derived; a fresh process derives it again from the seed alone.
    const publicKeyOf = `
      import { newSandbox, createKey } from "./tests/unit/sandbox/kms/helpers";
      const sandbox = newSandbox(7);
      const rsa = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" });
      console.log(sandbox.call("kms", "GetPublicKey", { KeyId: rsa.keyId }).PublicKey);`;
    const elsewhere = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", publicKeyOf], { encoding: "utf8" }).trim();
    const sandbox = newSandbox(7);
    const rsa = createKey(sandbox, { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" });
    expect(sandbox.call("kms", "GetPublicKey", { KeyId: rsa.keyId }).PublicKey).toBe(elsewhere);
  });

  it("another seed gives other ones", () => {
    const a = session(newSandbox(7));
    const b = session(newSandbox(8));
    expect(a.ids).not.toEqual(b.ids);
    expect(a.blob).not.toEqual(b.blob);
  });
});

describe("snapshots", () => {
  it("KMS state round-trips through snapshot() and restore(), and the schema accepts it", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId });
    sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId });
    sandbox.call("kms", "DescribeKey", { KeyId: "alias/aws/ssm" });
    const blob = encrypt(sandbox, keyId, "kept");
    const saved = JSON.parse(JSON.stringify(sandbox.snapshot()));
    expect(kmsStateSchema.safeParse(saved.accounts[ACCOUNT].regions[REGION].kms).success).toBe(true);

    const other = newSandbox(99);
    other.restore(saved);
    expect(decrypt(other, blob)).toBe("kept");
    expect(other.call("kms", "DescribeKey", { KeyId: "alias/app" }).KeyMetadata).toEqual(sandbox.call("kms", "DescribeKey", { KeyId: "alias/app" }).KeyMetadata);
    // What is due travels too: the yearly rotation still happens after a restore.
    other.advanceClock(366 * DAY);
    expect((other.call("kms", "ListKeyRotations", { KeyId: keyId }).Rotations as unknown[]).length).toBe(1);
  });

  it("restore rejects damaged KMS state", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    const saved = JSON.parse(JSON.stringify(sandbox.snapshot()));
    saved.accounts[ACCOUNT].regions[REGION].kms.keys[keyId].state = "Melting";
    expect(() => newSandbox().restore(saved)).toThrow(/damaged/);
    const dangling = JSON.parse(JSON.stringify(sandbox.snapshot()));
    dangling.accounts[ACCOUNT].regions[REGION].kms.aliases["alias/x"] = {
      aliasName: "alias/x",
      aliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/x`,
      targetKeyId: "nope",
      createdAt: 0,
      lastUpdatedAt: 0,
    };
    expect(() => newSandbox().restore(dangling)).toThrow(/damaged/);
  });
});

describe("random operation sequences", () => {
  const operation = fc.oneof(
    fc.record({ op: fc.constantFrom("CreateKey", "ListKeys", "ListAliases", "GenerateRandom") }),
    fc.record({
      op: fc.constantFrom(
        "DescribeKey",
        "EnableKey",
        "DisableKey",
        "ScheduleKeyDeletion",
        "CancelKeyDeletion",
        "Encrypt",
        "GenerateDataKey",
        "EnableKeyRotation",
        "DisableKeyRotation",
        "RotateKeyOnDemand",
        "GetKeyRotationStatus",
        "CreateAlias",
        "DeleteAlias",
        "TagResource",
        "Decrypt",
      ),
      key: fc.nat({ max: 5 }),
    }),
    fc.record({ op: fc.constant("Advance"), days: fc.integer({ min: 1, max: 400 }) }),
  );

  it("never throw anything but an AWS-shaped error, and keep the state valid", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (steps) => {
        const sandbox = newSandbox();
        const keys: string[] = [];
        const blobs: string[] = [];
        for (const step of steps) {
          const keyId = "key" in step ? (keys[step.key % Math.max(keys.length, 1)] ?? "alias/aws/ssm") : "";
          try {
            switch (step.op) {
              case "CreateKey":
                keys.push(createKey(sandbox).keyId);
                break;
              case "Advance":
                sandbox.advanceClock(("days" in step ? step.days : 1) * DAY);
                break;
              case "ListKeys":
              case "ListAliases":
                sandbox.call("kms", step.op, {});
                break;
              case "GenerateRandom":
                sandbox.call("kms", step.op, { NumberOfBytes: 8 });
                break;
              case "Encrypt":
                blobs.push(encrypt(sandbox, keyId, "x"));
                break;
              case "Decrypt":
                if (blobs.length > 0) decrypt(sandbox, blobs[blobs.length - 1] ?? "");
                break;
              case "GenerateDataKey":
                sandbox.call("kms", step.op, { KeyId: keyId, KeySpec: "AES_256" });
                break;
              case "ScheduleKeyDeletion":
                sandbox.call("kms", step.op, { KeyId: keyId, PendingWindowInDays: 7 });
                break;
              case "CreateAlias":
                sandbox.call("kms", step.op, { AliasName: `alias/a${"key" in step ? step.key : 0}`, TargetKeyId: keyId });
                break;
              case "DeleteAlias":
                sandbox.call("kms", step.op, { AliasName: `alias/a${"key" in step ? step.key : 0}` });
                break;
              case "TagResource":
                sandbox.call("kms", step.op, { KeyId: keyId, Tags: [{ TagKey: "t", TagValue: "v" }] });
                break;
              default:
                sandbox.call("kms", step.op, { KeyId: keyId });
            }
          } catch (error) {
            if (!isAwsServiceError(error) || error.code === "InternalFailure") throw error;
          }
        }
        const state = sandbox.snapshot().accounts[ACCOUNT]?.regions[REGION]?.kms;
        if (state) expect(kmsStateSchema.safeParse(state).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
