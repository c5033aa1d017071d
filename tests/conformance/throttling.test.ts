import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import * as KMS from "@aws-sdk/client-kms";
import * as SSM from "@aws-sdk/client-ssm";
import { afterEach, describe, expect, it } from "vitest";
import { parseQuotaSpec, RequestQuotas, startEndpoint, type RunningEndpoint } from "@/lib/endpoint";
import { createEngine, type Sandbox } from "@/lib/sandbox";

/**
 * Throttling as real clients meet it: the endpoint applies AWS's request
 * quotas (`--request-quotas aws`), and the AWS SDK for JavaScript v3 and the
 * AWS CLI v2 do what they do against AWS: raise ThrottlingException when
 * they may not retry, and otherwise back off and retry until the request
 * goes through or their attempts run out. The quota figures are AWS's
 * defaults, lowered with POOL=RATE overrides where a test needs throttling
 * without a load generator. Nothing here times the endpoint: the assertions
 * are about what each client saw.
 */
let endpoint: RunningEndpoint | undefined;
const clients: { destroy(): void }[] = [];
const credentials = { accessKeyId: "test", secretAccessKey: "test" };

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await endpoint?.close();
  endpoint = undefined;
});

async function serve(spec: string): Promise<{ engine: Sandbox; url: string }> {
  const engine = createEngine({ seed: 21, now: "2026-02-01T09:00:00Z" });
  endpoint = await startEndpoint({ engine, quotas: new RequestQuotas(parseQuotaSpec(spec)) });
  return { engine, url: endpoint.url };
}

function ssmClient(url: string, maxAttempts: number): SSM.SSMClient {
  const client = new SSM.SSMClient({ endpoint: url, region: "us-east-1", credentials, maxAttempts });
  clients.push(client);
  return client;
}

type Settled<T> = PromiseSettledResult<T>;
const rejected = <T>(results: Settled<T>[]) => results.filter((result): result is PromiseRejectedResult => result.status === "rejected").map((result) => result.reason as Error & { $metadata?: { httpStatusCode?: number } });

describe("Parameter Store's throughput through @aws-sdk/client-ssm", () => {
  it("past the standard throughput (40 reads a second), a client that may not retry gets SSM's ThrottlingException, HTTP 400, Rate exceeded", async () => {
    const { engine, url } = await serve("aws");
    engine.call("ssm", "PutParameter", { Name: "/app/db/host", Value: "db.internal", Type: "String" });
    const ssm = ssmClient(url, 1);
    // 200 at once: far past 40 plus whatever refills while they are answered.
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => ssm.send(new SSM.GetParameterCommand({ Name: "/app/db/host" }))));
    const errors = rejected(results);
    expect(results.length - errors.length).toBeGreaterThanOrEqual(40);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toBeInstanceOf(SSM.ThrottlingException);
      expect([error.message, error.$metadata?.httpStatusCode]).toEqual(["Rate exceeded", 400]);
    }
  });

  it("the SDK's retry middleware backs off and retries throttled reads until they go through", async () => {
    const { engine, url } = await serve("aws,parameter-store-reads=10");
    engine.call("ssm", "PutParameter", { Name: "/app/flag", Value: "on", Type: "String" });
    const ssm = ssmClient(url, 10);
    const answers = await Promise.all(Array.from({ length: 30 }, () => ssm.send(new SSM.GetParameterCommand({ Name: "/app/flag" }))));
    expect(answers.map((answer) => answer.Parameter?.Value)).toEqual(Array(30).fill("on"));
    const attempts = answers.reduce((sum, answer) => sum + (answer.$metadata.attempts ?? 1), 0);
    expect(attempts).toBeGreaterThan(30);
    expect(answers.some((answer) => (answer.$metadata.totalRetryDelay ?? 0) > 0)).toBe(true);
  }, 60_000);

  it("UpdateServiceSetting high-throughput-enabled=true lifts the limit: the same burst goes through", async () => {
    const { engine, url } = await serve("aws");
    engine.call("ssm", "PutParameter", { Name: "/app/db/host", Value: "db.internal", Type: "String" });
    const ssm = ssmClient(url, 1);
    await ssm.send(new SSM.UpdateServiceSettingCommand({ SettingId: "/ssm/parameter-store/high-throughput-enabled", SettingValue: "true" }));
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => ssm.send(new SSM.GetParameterCommand({ Name: "/app/db/host" }))));
    expect(rejected(results)).toEqual([]);
  });
});

describe("KMS's shared cryptographic quota through @aws-sdk/client-kms", () => {
  it("throttles Encrypt and GenerateDataKey together; the KMS model has no class for it, so the SDK names it on KMSServiceException; retries get through", async () => {
    const { engine, url } = await serve("aws,kms-symmetric-cryptographic=5");
    const keyId = (engine.call("kms", "CreateKey", {}) as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
    const once = new KMS.KMSClient({ endpoint: url, region: "us-east-1", credentials, maxAttempts: 1 });
    clients.push(once);
    const calls = Array.from({ length: 20 }, (_, index) =>
      index % 2 === 0 ? once.send(new KMS.EncryptCommand({ KeyId: keyId, Plaintext: new TextEncoder().encode("x") })) : once.send(new KMS.GenerateDataKeyCommand({ KeyId: keyId, KeySpec: "AES_256" })),
    );
    const errors = rejected(await Promise.allSettled(calls));
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toBeInstanceOf(KMS.KMSServiceException);
      expect([error.name, error.message, error.$metadata?.httpStatusCode]).toEqual(["ThrottlingException", "You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.", 400]);
    }

    const patient = new KMS.KMSClient({ endpoint: url, region: "us-east-1", credentials, maxAttempts: 10 });
    clients.push(patient);
    const keys = await Promise.all(Array.from({ length: 12 }, () => patient.send(new KMS.GenerateDataKeyCommand({ KeyId: keyId, KeySpec: "AES_256" }))));
    expect(keys.every((key) => key.Plaintext?.length === 32)).toBe(true);
    expect(keys.reduce((sum, key) => sum + (key.$metadata.attempts ?? 1), 0)).toBeGreaterThan(12);
  }, 60_000);
});

const AWS = "/usr/bin/aws";
const run = promisify(execFile);

describe("Debian's AWS CLI v2 against a throttling endpoint", () => {
  it("retries twice in its standard mode, then reports the throttling and exits 254", async () => {
    expect(existsSync(AWS), "apt-get install -y awscli").toBe(true);
    const { engine, url } = await serve("aws,parameter-store-reads=0.01");
    engine.call("ssm", "PutParameter", { Name: "/app/db/host", Value: "db.internal", Type: "String" });
    const env: NodeJS.ProcessEnv = { NODE_ENV: "test", PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "/nonexistent", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_DEFAULT_REGION: "us-east-1", AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null", AWS_PAGER: "" };
    const command = ["--endpoint-url", url, "ssm", "get-parameter", "--name", "/app/db/host", "--query", "Parameter.Value", "--output", "text"];
    expect((await run(AWS, command, { env })).stdout).toBe("db.internal\n");
    const failure = await run(AWS, command, { env }).then(
      () => undefined,
      (error: { code?: number; stdout?: string; stderr?: string }) => error,
    );
    // AWS's own troubleshooting pages quote this line ("reached max retries: 4" in the legacy mode's five attempts).
    expect([failure?.code, failure?.stdout, failure?.stderr]).toEqual([254, "", "\nAn error occurred (ThrottlingException) when calling the GetParameter operation (reached max retries: 2): Rate exceeded\n"]);
  }, 60_000);
});
