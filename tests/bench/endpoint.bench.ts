/**
 * The endpoint under a real client (issue 14): requests per second and
 * latency of KMS Encrypt and SSM GetParameter made with the AWS SDK for
 * JavaScript v3 over loopback (signing, HTTP, the endpoint, the engine), beside
 * the same calls made in process on the engine in the same run, so the cost of
 * the HTTP path shows. The endpoint runs in this process; one client sends one
 * request at a time (latency) and then ten at a time (throughput). A second
 * endpoint on the same engine applies AWS's request quotas (--request-quotas
 * aws, with Parameter Store's higher throughput turned on so that nothing is
 * throttled), so the cost of counting requests shows too.
 *
 * Target: an SDK call's p99 over loopback under 10 ms, one at a time.
 * Run by `npm run bench -- endpoint` (node --import tsx). Prints one JSON object.
 */
import { EncryptCommand, KMSClient } from "@aws-sdk/client-kms";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { parseQuotaSpec, RequestQuotas, startEndpoint } from "../../lib/endpoint";
import { createEngine } from "../../lib/sandbox";

const CALLS = 2_000;
const CONCURRENCY = 10;
const round = (value: number) => Math.round(value * 100) / 100;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

interface Measure {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

async function oneAtATime(call: () => Promise<unknown> | unknown): Promise<Measure> {
  for (let index = 0; index < 200; index++) await call();
  const samples: number[] = [];
  const started = performance.now();
  for (let index = 0; index < CALLS; index++) {
    const before = performance.now();
    await call();
    samples.push(performance.now() - before);
  }
  const total = performance.now() - started;
  samples.sort((a, b) => a - b);
  return { requestsPerSecond: Math.round((CALLS / total) * 1000), p50Ms: round(percentile(samples, 50)), p99Ms: round(percentile(samples, 99)) };
}

async function manyAtATime(call: () => Promise<unknown>): Promise<number> {
  let remaining = CALLS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (remaining-- > 0) await call();
    }),
  );
  return Math.round((CALLS / (performance.now() - started)) * 1000);
}

const engine = createEngine({ seed: 14, now: "2026-02-01T09:00:00Z" });
const endpoint = await startEndpoint({ engine });
const config = { endpoint: endpoint.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 };
const kms = new KMSClient(config);
const ssm = new SSMClient(config);
const quotaEndpoint = await startEndpoint({ engine, quotas: new RequestQuotas(parseQuotaSpec("aws")) });
const quotaConfig = { ...config, endpoint: quotaEndpoint.url };
const kmsWithQuotas = new KMSClient(quotaConfig);
const ssmWithQuotas = new SSMClient(quotaConfig);
engine.call("ssm", "UpdateServiceSetting", { SettingId: "/ssm/parameter-store/high-throughput-enabled", SettingValue: "true" });

const keyId = (engine.call("kms", "CreateKey", {}) as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
engine.call("ssm", "PutParameter", { Name: "/bench/url", Value: "https://example.com", Type: "String" });
const plaintext = new Uint8Array(64).fill(7);
const plaintextBase64 = Buffer.from(plaintext).toString("base64");

const encrypt = {
  sdk: await oneAtATime(() => kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }))),
  sdkConcurrent: await manyAtATime(() => kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }))),
  sdkWithQuotas: await oneAtATime(() => kmsWithQuotas.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }))),
  inProcess: await oneAtATime(() => engine.call("kms", "Encrypt", { KeyId: keyId, Plaintext: plaintextBase64 })),
};
const getParameter = {
  sdk: await oneAtATime(() => ssm.send(new GetParameterCommand({ Name: "/bench/url" }))),
  sdkConcurrent: await manyAtATime(() => ssm.send(new GetParameterCommand({ Name: "/bench/url" }))),
  sdkWithQuotas: await oneAtATime(() => ssmWithQuotas.send(new GetParameterCommand({ Name: "/bench/url" }))),
  inProcess: await oneAtATime(() => engine.call("ssm", "GetParameter", { Name: "/bench/url" })),
};
for (const client of [kms, ssm, kmsWithQuotas, ssmWithQuotas]) client.destroy();
await endpoint.close();
await quotaEndpoint.close();

const worst = Math.max(encrypt.sdk.p99Ms, getParameter.sdk.p99Ms);
console.log(
  JSON.stringify({
    calls: CALLS,
    concurrency: CONCURRENCY,
    encrypt,
    getParameter,
    targets: [{ name: "an SDK call over loopback, one at a time: p99 under 10 ms (Encrypt, GetParameter)", value: `${worst} ms`, met: worst < 10 }],
  }),
);
