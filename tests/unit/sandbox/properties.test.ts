import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "@/lib/sandbox/core/encoding";
import { DAY } from "@/lib/sandbox/core/time";
import { createEngine, isAwsServiceError, type AwsServiceError, type Sandbox, type SandboxState, type ServiceId, type TrailEvent } from "@/lib/sandbox";
import { TRAIL_LIMIT } from "@/lib/sandbox/sandbox";
import { newEngine, newKey, operation, perform, resolveKeys, start, type Step } from "./random-operations";

/**
 * Properties that must hold whatever the input: the guarantees the rest of
 * the product (and learners) rely on.
 */

const encryptionContext = fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 4 });
const plaintext = fc.uint8Array({ minLength: 1, maxLength: 4096 });


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

type Around = (sandbox: Sandbox, step: Step & { service: ServiceId }, call: () => unknown) => unknown;

function replay(steps: Step[], seed: number, around: Around = (_sandbox, _step, run) => run()): { sandbox: Sandbox; results: unknown[] } {
  const { sandbox, keys } = newEngine(seed);
  const results: unknown[] = [];
  for (const step of steps) {
    try {
      results.push(step.service === "clock" ? perform(sandbox, step, keys) : around(sandbox, step, () => perform(sandbox, step, keys)));
    } catch (error) {
      if (!isAwsServiceError(error)) throw error;
      expect(error.code, error.message).not.toBe("InternalFailure");
      // EC2's codes have dotted parts (InvalidInstanceID.NotFound).
      expect(error.code).toMatch(/^[A-Z][A-Za-z]+(\.[A-Z][A-Za-z]+)*$/);
      results.push({ error: error.code, message: error.message });
    }
  }
  return { sandbox, results };
}

/**
 * What a failed call may change: nothing but the trail, which gains the call's own event with
 * its errorCode and errorMessage. Two allowances, both part of what AWS does:
 * - the calls the service made on the caller's behalf before it failed (Parameter Store's KMS
 *   Encrypt that KMS refused, Secrets Manager's Decrypt of an earlier version) are on the trail
 *   too, after the call's event, each with `invokedBy` naming a service;
 * - the seeded random generator's state (`random` in the snapshot) moves on: the trail's event
 *   ids are drawn from it, and a request id is spent even on a refused request.
 * The clock does not move. The trail, bounded at TRAIL_LIMIT, may have dropped its oldest events.
 */
function expectNothingChanged(sandbox: Sandbox, before: SandboxState, step: Step & { service: ServiceId }, failure: AwsServiceError): void {
  const after = sandbox.peek(); // read only, and at once: no copy needed
  const what = `${step.as ?? "admin"}: ${step.service} ${step.operation} ${JSON.stringify(step.input)} failed with ${failure.code} (${failure.message})`;
  expect(after.now, what).toBe(before.now);
  const { trail: trailBefore, random: _randomBefore, ...stateBefore } = before;
  const { trail: trailAfter, random: _randomAfter, ...stateAfter } = after;
  // Comparing the JSON first is much faster; toEqual then says what differs.
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(stateAfter, stateBefore)) expect(stateAfter, what).toEqual(stateBefore);

  const known = new Set(trailBefore.map((event) => event.eventId));
  const kept = trailAfter.findIndex((event) => !known.has(event.eventId));
  expect(kept, what).toBeGreaterThanOrEqual(0);
  // The events kept are the newest of those before (all of them unless the trail was trimmed).
  if (!same(trailAfter.slice(0, kept), trailBefore.slice(trailBefore.length - kept))) expect(trailAfter.slice(0, kept), what).toEqual(trailBefore.slice(trailBefore.length - kept));
  if (kept < trailBefore.length) expect(trailAfter.length, what).toBeGreaterThanOrEqual(TRAIL_LIMIT);
  const [own, ...nested] = trailAfter.slice(kept) as [TrailEvent, ...TrailEvent[]];
  const { eventId, eventTime, eventSource, eventName, responseElements, errorCode, errorMessage, userIdentity } = own;
  expect({ eventId, eventTime, eventSource, eventName, responseElements, errorCode, errorMessage, invokedBy: userIdentity.invokedBy }, what).toEqual({
    eventId: sandbox.lastRequestId,
    eventTime: before.now,
    eventSource: `${step.service}.amazonaws.com`,
    eventName: step.operation,
    responseElements: null,
    errorCode: failure.code,
    errorMessage: failure.message,
    invokedBy: undefined,
  });
  for (const event of nested) {
    const nestedWhat = `${what}, then ${event.eventSource} ${event.eventName} (${event.errorCode ?? "succeeded"}) on the trail`;
    // A call the service made for the caller (not a service event such as RotationFailed)...
    expect(event.userIdentity.type, nestedWhat).not.toBe("AWSService");
    expect(event.userIdentity.invokedBy, nestedWhat).toMatch(/\.amazonaws\.com$/);
    expect(event.eventTime, nestedWhat).toBe(before.now);
    // ... that failed too, or only read.
    expect(event.errorCode !== undefined || event.readOnly, nestedWhat).toBe(true);
  }
}

describe("any sequence of operations", () => {
  it("only ever fails with an AWS-shaped error, never a crash or an internal failure", () => {
    fc.assert(fc.property(fc.array(operation, { maxLength: 40 }), (steps) => void replay(steps, 3)), { numRuns: 150 });
  });

  it("changes nothing when a call fails, but for the failure's event on the trail", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40, size: "max" }), (steps) => {
        replay(steps, 17, (sandbox, step, run) => {
          const before = sandbox.snapshot();
          try {
            return run();
          } catch (error) {
            if (isAwsServiceError(error)) expectNothingChanged(sandbox, before, step, error);
            throw error;
          }
        });
      }),
      { numRuns: 100 },
    );
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
            try {
              return perform(s, step, keys(s));
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
