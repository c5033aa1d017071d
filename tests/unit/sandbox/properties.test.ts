import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "@/lib/sandbox/core/encoding";
import { DAY } from "@/lib/sandbox/core/time";
import { createEngine, isAwsServiceError, type Sandbox, type WireObject } from "@/lib/sandbox";

/**
 * Properties that must hold whatever the input: the guarantees the rest of
 * the product (and learners) rely on.
 */

const start = "2026-01-01T00:00:00Z";
const encryptionContext = fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 4 });
const plaintext = fc.uint8Array({ minLength: 1, maxLength: 4096 });

function newKey(sandbox: Sandbox): string {
  const { KeyMetadata } = sandbox.call("kms", "CreateKey", {}) as { KeyMetadata: { KeyId: string } };
  return KeyMetadata.KeyId;
}

function awsCode(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (isAwsServiceError(error)) return error.code;
    throw error;
  }
}

describe("KMS cryptography", () => {
  const sandbox = createEngine({ seed: 11, now: start });
  const keyA = newKey(sandbox);
  const keyB = newKey(sandbox);

  it("decrypts what it encrypted, for any plaintext and encryption context", () => {
    fc.assert(
      fc.property(plaintext, encryptionContext, (bytes, context) => {
        const { CiphertextBlob } = sandbox.call("kms", "Encrypt", { KeyId: keyA, Plaintext: toBase64(bytes), EncryptionContext: context });
        const decrypted = sandbox.call("kms", "Decrypt", { CiphertextBlob, EncryptionContext: context });
        expect(decrypted.Plaintext).toBe(toBase64(bytes));
        expect(decrypted.KeyId).toBe(`arn:aws:kms:us-east-1:123456789012:key/${keyA}`);
      }),
      { numRuns: 150 },
    );
  });

  it("refuses a blob with any single bit flipped", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 256 }), encryptionContext, fc.nat(), (bytes, context, position) => {
        const { CiphertextBlob } = sandbox.call("kms", "Encrypt", { KeyId: keyA, Plaintext: toBase64(bytes), EncryptionContext: context });
        const blob = fromBase64(CiphertextBlob as string);
        const bit = position % (blob.length * 8);
        blob[bit >> 3]! ^= 1 << (bit & 7);
        expect(awsCode(() => sandbox.call("kms", "Decrypt", { CiphertextBlob: toBase64(blob), EncryptionContext: context }))).toBe("InvalidCiphertextException");
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a different encryption context, even one differing only in case", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), encryptionContext, encryptionContext, (bytes, context, other) => {
        fc.pre(JSON.stringify(Object.entries(context).sort()) !== JSON.stringify(Object.entries(other).sort()));
        const { CiphertextBlob } = sandbox.call("kms", "Encrypt", { KeyId: keyA, Plaintext: toBase64(bytes), EncryptionContext: context });
        expect(awsCode(() => sandbox.call("kms", "Decrypt", { CiphertextBlob, EncryptionContext: other }))).toBe("InvalidCiphertextException");
      }),
      { numRuns: 100 },
    );
  });

  it("never decrypts a blob under another key", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        const { CiphertextBlob } = sandbox.call("kms", "Encrypt", { KeyId: keyA, Plaintext: toBase64(bytes) });
        expect(awsCode(() => sandbox.call("kms", "Decrypt", { CiphertextBlob, KeyId: keyB }))).toBe("IncorrectKeyException");
        // Rewriting the key id inside the blob to the other key must fail authentication.
        const blob = fromBase64(CiphertextBlob as string);
        const text = toBase64(blob);
        const hexA = keyA.replace(/-/g, "");
        const hexB = keyB.replace(/-/g, "");
        const hex = Array.from(blob, (byte) => byte.toString(16).padStart(2, "0")).join("");
        const at = hex.indexOf(hexA);
        expect(at).toBeGreaterThan(0);
        const swapped = hex.slice(0, at) + hexB + hex.slice(at + hexA.length);
        const forged = new Uint8Array(swapped.match(/../g)!.map((pair) => parseInt(pair, 16)));
        expect(awsCode(() => sandbox.call("kms", "Decrypt", { CiphertextBlob: toBase64(forged) }))).toBe("InvalidCiphertextException");
        expect(text).toBe(CiphertextBlob);
      }),
      { numRuns: 50 },
    );
  });

  it("keeps every old ciphertext decryptable through any number of rotations", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant("encrypt"), fc.constant("rotate-now"), fc.constant("year-passes")), { minLength: 1, maxLength: 25 }), (steps) => {
        const local = createEngine({ seed: 5, now: start });
        const key = newKey(local);
        local.call("kms", "EnableKeyRotation", { KeyId: key });
        const blobs: { blob: string; plaintext: string }[] = [];
        let onDemand = 0;
        for (const [index, step] of steps.entries()) {
          if (step === "encrypt") {
            const text = toBase64(new TextEncoder().encode(`message ${index}`));
            blobs.push({ blob: local.call("kms", "Encrypt", { KeyId: key, Plaintext: text }).CiphertextBlob as string, plaintext: text });
          } else if (step === "rotate-now" && onDemand < 25) {
            local.call("kms", "RotateKeyOnDemand", { KeyId: key });
            onDemand += 1;
          } else if (step === "year-passes") {
            local.advanceClock(366 * DAY);
          }
        }
        for (const { blob, plaintext: text } of blobs) expect(local.call("kms", "Decrypt", { CiphertextBlob: blob }).Plaintext).toBe(text);
      }),
      { numRuns: 40 },
    );
  });
});

/** A random but well-formed session: the kinds of calls learners make, with plausible mistakes. */
const operation = fc.oneof(
  fc.record({ service: fc.constant("kms" as const), operation: fc.constant("CreateKey"), input: fc.constant({}) }),
  fc.record({ service: fc.constant("kms" as const), operation: fc.constantFrom("DisableKey", "EnableKey", "DescribeKey", "EnableKeyRotation", "CancelKeyDeletion", "GetKeyRotationStatus", "RotateKeyOnDemand"), input: fc.record({ KeyId: fc.constantFrom("k0", "k1", "alias/app", "nope") }) }),
  fc.record({ service: fc.constant("kms" as const), operation: fc.constant("ScheduleKeyDeletion"), input: fc.record({ KeyId: fc.constantFrom("k0", "k1"), PendingWindowInDays: fc.integer({ min: 0, max: 40 }) }) }),
  fc.record({ service: fc.constant("kms" as const), operation: fc.constant("CreateAlias"), input: fc.record({ AliasName: fc.constantFrom("alias/app", "alias/aws/x", "app"), TargetKeyId: fc.constantFrom("k0", "k1") }) }),
  fc.record({ service: fc.constant("kms" as const), operation: fc.constant("Encrypt"), input: fc.record({ KeyId: fc.constantFrom("k0", "alias/app", "alias/aws/ssm"), Plaintext: fc.constantFrom("aGk=", "", "not base64") }) }),
  fc.record({ service: fc.constant("secretsmanager" as const), operation: fc.constantFrom("CreateSecret", "PutSecretValue"), input: fc.record({ Name: fc.constantFrom("db", "app/key"), SecretId: fc.constantFrom("db", "app/key"), SecretString: fc.string({ maxLength: 30 }), KmsKeyId: fc.constantFrom(undefined, "k0", "alias/app") }, { requiredKeys: ["Name", "SecretId"] }) }),
  fc.record({ service: fc.constant("secretsmanager" as const), operation: fc.constantFrom("GetSecretValue", "DescribeSecret", "RestoreSecret", "ListSecretVersionIds"), input: fc.record({ SecretId: fc.constantFrom("db", "app/key", "missing") }) }),
  fc.record({ service: fc.constant("secretsmanager" as const), operation: fc.constant("DeleteSecret"), input: fc.record({ SecretId: fc.constantFrom("db", "app/key"), RecoveryWindowInDays: fc.integer({ min: 0, max: 40 }) }) }),
  fc.record({ service: fc.constant("ssm" as const), operation: fc.constant("PutParameter"), input: fc.record({ Name: fc.constantFrom("/app/a", "/app/b/c", "app", "/aws/x", "/app/a b"), Value: fc.string({ maxLength: 20 }), Type: fc.constantFrom("String", "StringList", "SecureString", "Bad"), Overwrite: fc.boolean() }) }),
  fc.record({ service: fc.constant("ssm" as const), operation: fc.constantFrom("GetParameter", "DeleteParameter", "GetParameterHistory"), input: fc.record({ Name: fc.constantFrom("/app/a", "/app/b/c", "/app/a:1", "/nope"), WithDecryption: fc.boolean() }) }),
  fc.record({ service: fc.constant("ssm" as const), operation: fc.constant("GetParametersByPath"), input: fc.record({ Path: fc.constantFrom("/app", "/", "app"), Recursive: fc.boolean(), WithDecryption: fc.boolean() }) }),
  fc.record({ service: fc.constant("clock" as const), operation: fc.constant("advance"), input: fc.record({ days: fc.integer({ min: 1, max: 400 }) }) }),
);

/** Replaces the placeholders k0/k1 with the ids of the first two keys created. */
function resolveKeys(input: WireObject, keys: string[]): WireObject {
  const copy: WireObject = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    copy[name] = value === "k0" ? (keys[0] ?? "00000000-0000-0000-0000-000000000000") : value === "k1" ? (keys[1] ?? "11111111-1111-1111-1111-111111111111") : value;
  }
  return copy;
}

type Step = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function replay(steps: Step[], seed: number): { sandbox: Sandbox; results: unknown[] } {
  const sandbox = createEngine({ seed, now: start });
  const keys: string[] = [];
  const results: unknown[] = [];
  for (const step of steps) {
    if (step.service === "clock") {
      sandbox.advanceClock(step.input.days * DAY);
      results.push(sandbox.now);
      continue;
    }
    try {
      const output = sandbox.call(step.service, step.operation, resolveKeys(step.input as WireObject, keys));
      const created = (output as { KeyMetadata?: { KeyId?: string } }).KeyMetadata?.KeyId;
      if (step.operation === "CreateKey" && created) keys.push(created);
      results.push(output);
    } catch (error) {
      if (!isAwsServiceError(error)) throw error;
      expect(error.code, error.message).not.toBe("InternalFailure");
      expect(error.code).toMatch(/^[A-Z][A-Za-z]+$/);
      results.push({ error: error.code, message: error.message });
    }
  }
  return { sandbox, results };
}

describe("any sequence of operations", () => {
  it("only ever fails with an AWS-shaped error, never a crash or an internal failure", () => {
    fc.assert(fc.property(fc.array(operation, { maxLength: 40 }), (steps) => void replay(steps, 3)), { numRuns: 150 });
  });

  it("survives a snapshot and restore as if nothing happened", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), fc.array(operation, { maxLength: 10 }), (before, after) => {
        const { sandbox } = replay(before, 21);
        const saved = JSON.parse(JSON.stringify(sandbox.snapshot()));
        const copy = createEngine({ seed: 999, now: "2030-01-01T00:00:00Z" });
        copy.restore(saved);
        expect(copy.snapshot()).toEqual(sandbox.snapshot());
        // The same calls afterwards give the same answers in both.
        const keys = (s: Sandbox) => (s.call("kms", "ListKeys", {}) as { Keys: { KeyId: string }[] }).Keys.map((key) => key.KeyId);
        const run = (s: Sandbox) =>
          after.map((step) => {
            if (step.service === "clock") return s.advanceClock(step.input.days * DAY).length;
            try {
              return s.call(step.service, step.operation, resolveKeys(step.input as WireObject, keys(s)));
            } catch (error) {
              return isAwsServiceError(error) ? error.code : "crash";
            }
          });
        expect(run(copy)).toEqual(run(sandbox));
      }),
      { numRuns: 60 },
    );
  });

  it("is reproducible: the same seed and calls give the same state", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 20 }), (steps) => {
        expect(replay(steps, 8).sandbox.snapshot()).toEqual(replay(steps, 8).sandbox.snapshot());
      }),
      { numRuns: 40 },
    );
  });
});
