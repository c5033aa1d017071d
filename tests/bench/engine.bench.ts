/**
 * Engine benchmark (issue 3): operations per second for DescribeKey,
 * Encrypt of 4 KB, GetSecretValue and GetParametersByPath over 1,000
 * parameters; engine Encrypt against a bare @noble/ciphers AES-256-GCM call
 * of the same size, in the same run; heap used by a sandbox holding 1,000
 * keys and 10,000 parameters.
 *
 * Targets: Encrypt within 5x of the bare cipher; GetParametersByPath over
 * 1,000 parameters (every page) under 5 ms; 10,000 parameters in under 50 MB.
 *
 * Run with `node --expose-gc` (npm run bench does) so heap figures are after
 * a full collection. Prints one JSON object.
 */
import { gcm } from "@noble/ciphers/aes.js";
import { toBase64 } from "../../lib/sandbox/core/encoding";
import { createEngine, type Sandbox } from "../../lib/sandbox";

const gc = (globalThis as { gc?: () => void }).gc;

function measure(label: string, run: () => void, { minMs = 1500, warmup = 200 } = {}): { label: string; opsPerSecond: number; meanMs: number; p95Ms: number } {
  for (let index = 0; index < warmup; index++) run();
  const samples: number[] = [];
  const started = performance.now();
  while (performance.now() - started < minMs) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const total = samples.reduce((sum, value) => sum + value, 0);
  return {
    label,
    opsPerSecond: Math.round(samples.length / (total / 1000)),
    meanMs: Math.round((total / samples.length) * 1000) / 1000,
    p95Ms: Math.round((samples[Math.floor(samples.length * 0.95)] ?? 0) * 1000) / 1000,
  };
}

function heapUsedMB(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

function sandboxWithData(): { sandbox: Sandbox; keyId: string } {
  const sandbox = createEngine({ seed: 1, now: "2026-01-01T00:00:00Z" });
  const { KeyMetadata } = sandbox.call("kms", "CreateKey", { Description: "bench" }) as { KeyMetadata: { KeyId: string } };
  sandbox.call("secretsmanager", "CreateSecret", { Name: "prod/database/credentials", SecretString: JSON.stringify({ username: "admin", password: "x".repeat(32) }) });
  for (let index = 0; index < 1000; index++) {
    sandbox.call("ssm", "PutParameter", { Name: `/bench/app${index % 10}/param-${index}`, Value: `value-${index}`, Type: "String" });
  }
  return { sandbox, keyId: KeyMetadata.KeyId };
}

function allPages(sandbox: Sandbox): number {
  let count = 0;
  let token: string | undefined;
  do {
    const page = sandbox.call("ssm", "GetParametersByPath", { Path: "/bench", Recursive: true, ...(token ? { NextToken: token } : {}) }) as { Parameters: unknown[]; NextToken?: string };
    count += page.Parameters.length;
    token = page.NextToken;
  } while (token);
  return count;
}

const { sandbox, keyId } = sandboxWithData();
const fourKB = toBase64(new Uint8Array(4096).fill(7));
const rawPlaintext = new Uint8Array(4096).fill(7);
const rawKey = new Uint8Array(32).fill(1);
const nonce = new Uint8Array(12).fill(2);

const describeKey = measure("DescribeKey", () => void sandbox.call("kms", "DescribeKey", { KeyId: keyId }));
const encrypt = measure("Encrypt 4 KB", () => void sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: fourKB }));
const bare = measure("bare AES-256-GCM 4 KB (@noble/ciphers)", () => void gcm(rawKey, nonce).encrypt(rawPlaintext));
const getSecret = measure("GetSecretValue", () => void sandbox.call("secretsmanager", "GetSecretValue", { SecretId: "prod/database/credentials" }));
const firstPage = measure("GetParametersByPath, first page of 1,000", () => void sandbox.call("ssm", "GetParametersByPath", { Path: "/bench", Recursive: true }));
if (allPages(sandbox) !== 1000) throw new Error("GetParametersByPath did not return the 1,000 parameters");
const everyPage = measure("GetParametersByPath, all 1,000 (every page)", () => void allPages(sandbox), { minMs: 3000, warmup: 10 });

// Decrypt allowed by the key policy (the admin) versus allowed only by a grant (a user with no policy),
// on a key that also carries 100 other grants: the grant check must not make KMS calls dear.
const { CiphertextBlob: blob } = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: fourKB }) as { CiphertextBlob: string };
sandbox.putUser("123456789012", "grantee", {});
for (let index = 0; index < 100; index++) sandbox.call("kms", "CreateGrant", { KeyId: keyId, GranteePrincipal: `arn:aws:iam::123456789012:user/other-${index}`, Operations: ["Decrypt"] });
sandbox.call("kms", "CreateGrant", { KeyId: keyId, GranteePrincipal: "arn:aws:iam::123456789012:user/grantee", Operations: ["Decrypt"] });
const decryptByPolicy = measure("Decrypt 4 KB, allowed by the key policy", () => void sandbox.call("kms", "Decrypt", { CiphertextBlob: blob }));
const decryptByGrant = measure("Decrypt 4 KB, allowed by a grant (101 on the key)", () => void sandbox.call("kms", "Decrypt", { CiphertextBlob: blob }, { as: { accountId: "123456789012", kind: "user", name: "grantee" } }));
const grantRatio = Math.round((decryptByPolicy.opsPerSecond / decryptByGrant.opsPerSecond) * 100) / 100;

// Heap: an empty sandbox versus one holding 1,000 keys and 10,000 parameters.
const baseline = heapUsedMB();
const big = createEngine({ seed: 2, now: "2026-01-01T00:00:00Z" });
for (let index = 0; index < 1000; index++) big.call("kms", "CreateKey", {});
const withKeys = heapUsedMB();
for (let index = 0; index < 10_000; index++) big.call("ssm", "PutParameter", { Name: `/heap/service${index % 50}/param-${index}`, Value: `v${index}`.padEnd(64, "x"), Type: "String" });
const withParameters = heapUsedMB();
const heap = {
  keys1000MB: Math.round((withKeys - baseline) * 10) / 10,
  parameters10000MB: Math.round((withParameters - withKeys) * 10) / 10,
  totalMB: Math.round((withParameters - baseline) * 10) / 10,
  measuredAfterGc: Boolean(gc),
  trailEvents: big.trail().length,
};

const ratio = Math.round((bare.opsPerSecond / encrypt.opsPerSecond) * 100) / 100;
console.log(
  JSON.stringify({
    operations: [describeKey, encrypt, bare, getSecret, firstPage, everyPage, decryptByPolicy, decryptByGrant],
    grantDecryptVersusPolicy: grantRatio,
    encryptVersusBareCipher: ratio,
    heap,
    targets: [
      { name: "engine Encrypt (4 KB) within 5x of a bare AES-256-GCM call", value: `${ratio}x`, met: ratio <= 5 },
      { name: "GetParametersByPath over 1,000 parameters (all pages) under 5 ms", value: `${everyPage.meanMs} ms`, met: everyPage.meanMs < 5 },
      { name: "10,000 parameters in under 50 MB", value: `${heap.parameters10000MB} MB`, met: heap.parameters10000MB < 50 },
      { name: "grant-checked Decrypt within 1.5x of Decrypt without grants", value: `${grantRatio}x`, met: grantRatio <= 1.5 },
    ],
  }),
);
