import { describe, expect, it } from "vitest";
import type { WireObject } from "@/lib/sandbox/core/operation";
import type { Sandbox } from "@/lib/sandbox/index";
import { awsError, b64, createKey, encrypt, keyState, newSandbox } from "./helpers";

/**
 * The AWS key-state table ("Key states of AWS KMS keys", developer guide;
 * AWS-CLI.md §2.1), row by row: each operation on a key in each state either
 * succeeds or fails with the error and message AWS sends.
 */

type State = "Enabled" | "Disabled" | "PendingDeletion" | "PendingImport";
const STATES: State[] = ["Enabled", "Disabled", "PendingDeletion", "PendingImport"];

interface Setup {
  sandbox: Sandbox;
  keyId: string;
  arn: string;
  /** A ciphertext made under the key while it was enabled (none for PendingImport). */
  blob?: string;
  signature?: string;
}

/** A key of the given kind brought into `state` through the API. */
function keyIn(state: State, kind: "symmetric" | "signing"): Setup {
  const sandbox = newSandbox();
  const spec = kind === "signing" ? { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" } : {};
  const { keyId, arn } = createKey(sandbox, { ...spec, ...(state === "PendingImport" ? { Origin: "EXTERNAL" } : {}) });
  const setup: Setup = { sandbox, keyId, arn };
  if (state !== "PendingImport") {
    if (kind === "symmetric") setup.blob = encrypt(sandbox, keyId, "data");
    else setup.signature = String(sandbox.call("kms", "Sign", { KeyId: keyId, Message: b64("m"), SigningAlgorithm: "ECDSA_SHA_256" }).Signature);
  }
  if (state === "Disabled") sandbox.call("kms", "DisableKey", { KeyId: keyId });
  if (state === "PendingDeletion") sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId });
  expect(keyState(sandbox, keyId)).toBe(state);
  return setup;
}

const ok = "ok" as const;
type Outcome = typeof ok | { code: string; message?: string };
const disabled: Outcome = { code: "DisabledException", message: "{arn} is disabled." };
const pendingDeletion: Outcome = { code: "KMSInvalidStateException", message: "{arn} is pending deletion." };
const pendingImport: Outcome = { code: "KMSInvalidStateException", message: "{arn} is pending import." };
const notPendingDeletion: Outcome = { code: "KMSInvalidStateException", message: "{arn} is not pending deletion." };
const unsupported: Outcome = { code: "UnsupportedOperationException" };

interface Row {
  operation: string;
  kind: "symmetric" | "signing";
  request: (setup: Setup) => WireObject;
  expected: Record<State, Outcome>;
  /** States the row cannot be exercised in (no ciphertext can exist for a key without material). */
  skip?: State[];
}

const use = { Enabled: ok, Disabled: disabled, PendingDeletion: pendingDeletion, PendingImport: pendingImport } as const;
const rotation = { Enabled: ok, Disabled: disabled, PendingDeletion: pendingDeletion, PendingImport: unsupported } as const;
const enableDisable = { Enabled: ok, Disabled: ok, PendingDeletion: pendingDeletion, PendingImport: pendingImport } as const;
const modify = { Enabled: ok, Disabled: ok, PendingDeletion: pendingDeletion, PendingImport: ok } as const;
const always = { Enabled: ok, Disabled: ok, PendingDeletion: ok, PendingImport: ok } as const;

const ROWS: Row[] = [
  { operation: "Encrypt", kind: "symmetric", request: (s) => ({ KeyId: s.keyId, Plaintext: b64("x") }), expected: use },
  { operation: "Decrypt", kind: "symmetric", request: (s) => ({ CiphertextBlob: s.blob ?? "" }), expected: use, skip: ["PendingImport"] },
  { operation: "ReEncrypt", kind: "symmetric", request: (s) => ({ CiphertextBlob: s.blob ?? "", DestinationKeyId: s.keyId }), expected: use, skip: ["PendingImport"] },
  { operation: "GenerateDataKey", kind: "symmetric", request: (s) => ({ KeyId: s.keyId, KeySpec: "AES_256" }), expected: use },
  { operation: "GenerateDataKeyWithoutPlaintext", kind: "symmetric", request: (s) => ({ KeyId: s.keyId, NumberOfBytes: 16 }), expected: use },
  { operation: "Sign", kind: "signing", request: (s) => ({ KeyId: s.keyId, Message: b64("m"), SigningAlgorithm: "ECDSA_SHA_256" }), expected: use },
  {
    operation: "Verify",
    kind: "signing",
    request: (s) => ({ KeyId: s.keyId, Message: b64("m"), Signature: s.signature ?? b64("no signature"), SigningAlgorithm: "ECDSA_SHA_256" }),
    expected: use,
  },
  { operation: "GetPublicKey", kind: "signing", request: (s) => ({ KeyId: s.keyId }), expected: use },
  { operation: "EnableKeyRotation", kind: "symmetric", request: (s) => ({ KeyId: s.keyId }), expected: rotation },
  { operation: "DisableKeyRotation", kind: "symmetric", request: (s) => ({ KeyId: s.keyId }), expected: rotation },
  // Recorded 2025-11 (LocalStack snapshot test_rotate_key_on_demand_on_external_key_with_no_key_material): pending import.
  { operation: "RotateKeyOnDemand", kind: "symmetric", request: (s) => ({ KeyId: s.keyId }), expected: { ...rotation, PendingImport: pendingImport } },
  { operation: "GetKeyRotationStatus", kind: "symmetric", request: (s) => ({ KeyId: s.keyId }), expected: { Enabled: ok, Disabled: ok, PendingDeletion: ok, PendingImport: unsupported } },
  { operation: "EnableKey", kind: "symmetric", request: (s) => ({ KeyId: s.keyId }), expected: enableDisable },
  { operation: "DisableKey", kind: "symmetric", request: (s) => ({ KeyId: s.keyId }), expected: enableDisable },
  { operation: "ScheduleKeyDeletion", kind: "symmetric", request: (s) => ({ KeyId: s.keyId }), expected: { Enabled: ok, Disabled: ok, PendingDeletion: pendingDeletion, PendingImport: ok } },
  {
    operation: "CancelKeyDeletion",
    kind: "symmetric",
    request: (s) => ({ KeyId: s.keyId }),
    expected: { Enabled: notPendingDeletion, Disabled: notPendingDeletion, PendingDeletion: ok, PendingImport: notPendingDeletion },
  },
  { operation: "CreateAlias", kind: "symmetric", request: (s) => ({ AliasName: "alias/matrix", TargetKeyId: s.keyId }), expected: modify },
  { operation: "TagResource", kind: "symmetric", request: (s) => ({ KeyId: s.keyId, Tags: [{ TagKey: "k", TagValue: "v" }] }), expected: modify },
  { operation: "UntagResource", kind: "symmetric", request: (s) => ({ KeyId: s.keyId, TagKeys: ["k"] }), expected: modify },
  { operation: "UpdateKeyDescription", kind: "symmetric", request: (s) => ({ KeyId: s.keyId, Description: "d" }), expected: modify },
  { operation: "DescribeKey", kind: "symmetric", request: (s) => ({ KeyId: s.keyId }), expected: always },
  { operation: "GetKeyPolicy", kind: "symmetric", request: (s) => ({ KeyId: s.keyId }), expected: always },
  { operation: "ListKeyPolicies", kind: "symmetric", request: (s) => ({ KeyId: s.keyId }), expected: always },
  { operation: "ListResourceTags", kind: "symmetric", request: (s) => ({ KeyId: s.keyId }), expected: always },
  { operation: "ListAliases", kind: "symmetric", request: (s) => ({ KeyId: s.keyId }), expected: always },
];

describe("the key-state table", () => {
  for (const row of ROWS) {
    for (const state of STATES) {
      if (row.skip?.includes(state)) continue;
      const expected = row.expected[state];
      const label = expected === ok ? "succeeds" : `fails with ${expected.code}`;
      it(`${row.operation} on a ${state} key ${label}`, () => {
        const setup = keyIn(state, row.kind);
        const run = () => setup.sandbox.call("kms", row.operation, row.request(setup));
        if (expected === ok) {
          expect(run).not.toThrow();
          return;
        }
        const error = awsError(run);
        expect(error.code).toBe(expected.code);
        if (expected.message) expect(error.message).toBe(expected.message.replace("{arn}", setup.arn));
      });
    }
  }

  it("PutKeyPolicy and DeleteAlias work in every state", () => {
    for (const state of STATES) {
      const setup = keyIn(state, "symmetric");
      if (state !== "PendingDeletion") setup.sandbox.call("kms", "CreateAlias", { AliasName: "alias/x", TargetKeyId: setup.keyId });
      const policy = String(setup.sandbox.call("kms", "GetKeyPolicy", { KeyId: setup.keyId }).Policy);
      expect(setup.sandbox.call("kms", "PutKeyPolicy", { KeyId: setup.keyId, Policy: policy })).toEqual({});
      if (state !== "PendingDeletion") expect(setup.sandbox.call("kms", "DeleteAlias", { AliasName: "alias/x" })).toEqual({});
    }
  });
});
