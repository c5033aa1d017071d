import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { counterRequestIds, handleRequest, type EndpointRequest } from "@/lib/endpoint";
import { AWS_DEFAULT_QUOTAS, parseQuotaSpec, QuotaSpecError, RequestQuotas } from "@/lib/endpoint/request-quotas";
import { createEngine, services } from "@/lib/sandbox";

/**
 * AWS's request quotas at the endpoint: requests per second per account and
 * Region, per pool of operations, on a clock the test moves. The figures are
 * AWS's documented defaults (see request-quotas.ts for the sources); the
 * answers past them are each service's ThrottlingException as AWS sends it
 * (HTTP 400, "Rate exceeded", KMS in its own words).
 */

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function jsonRequest(prefix: string, operation: string, input: object, region = "us-east-1", accessKeyId = "test"): EndpointRequest {
  const service = { TrentService: "kms", AmazonSSM: "ssm", secretsmanager: "secretsmanager" }[prefix];
  return {
    method: "POST",
    path: "/",
    headers: {
      "x-amz-target": `${prefix}.${operation}`,
      "content-type": "application/x-amz-json-1.1",
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260201/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(input),
  };
}

function setUp(spec = "aws") {
  const time = clock();
  const engine = createEngine({ seed: 3, now: "2026-02-01T09:00:00Z" });
  const quotas = new RequestQuotas(parseQuotaSpec(spec), time.now);
  const options = { engine, services, nextRequestId: counterRequestIds(), quotas };
  const send = (request: EndpointRequest) => handleRequest(request, options).response;
  return { time, engine, send };
}

describe("the token bucket", () => {
  it("lets a burst up to the quota through, then refills at the quota's rate", () => {
    const time = clock();
    const quotas = new RequestQuotas([{ name: "p", service: "ssm", operations: ["GetParameter"], perSecond: 4, source: "test" }], time.now);
    const request = { service: "ssm" as const, operation: "GetParameter", accountId: "111122223333", region: "us-east-1", higherThroughput: false };
    expect([1, 2, 3, 4, 5].map(() => quotas.admit(request)?.name)).toEqual([undefined, undefined, undefined, undefined, "p"]);
    time.advance(250); // a quarter of a second at 4 a second: one more
    expect([quotas.admit(request)?.name, quotas.admit(request)?.name]).toEqual([undefined, "p"]);
    time.advance(60_000); // never more than one second's worth saved up
    expect(Array.from({ length: 5 }, () => quotas.admit(request)?.name)).toEqual([undefined, undefined, undefined, undefined, "p"]);
  });

  it("counts each account and each Region apart, and leaves operations outside every pool alone", () => {
    const time = clock();
    const quotas = new RequestQuotas([{ name: "p", service: "kms", operations: ["Encrypt"], perSecond: 1, source: "test" }], time.now);
    const base = { service: "kms" as const, operation: "Encrypt", accountId: "111122223333", region: "us-east-1", higherThroughput: false };
    expect(quotas.admit(base)).toBeUndefined();
    expect(quotas.admit(base)?.name).toBe("p");
    expect(quotas.admit({ ...base, region: "eu-west-1" })).toBeUndefined();
    expect(quotas.admit({ ...base, accountId: "444455556666" })).toBeUndefined();
    expect(quotas.admit({ ...base, operation: "DescribeKey" })).toBeUndefined();
  });

  it("admits one request at a time for a quota below one a second (GetParametersForImport-style 0.25)", () => {
    const time = clock();
    const quotas = new RequestQuotas([{ name: "slow", service: "kms", operations: ["GetParametersForImport"], perSecond: 0.25, source: "test" }], time.now);
    const request = { service: "kms" as const, operation: "GetParametersForImport", accountId: "1", region: "us-east-1", higherThroughput: false };
    expect([quotas.admit(request)?.name, quotas.admit(request)?.name]).toEqual([undefined, "slow"]);
    time.advance(3_999);
    expect(quotas.admit(request)?.name).toBe("slow");
    time.advance(1);
    expect(quotas.admit(request)).toBeUndefined();
  });
});

describe("--request-quotas", () => {
  it("is AWS's defaults, with POOL=RATE overrides", () => {
    const pools = parseQuotaSpec("aws,parameter-store-reads=5,kms-symmetric-cryptographic=0.5");
    expect(pools.find((pool) => pool.name === "parameter-store-reads")?.perSecond).toBe(5);
    expect(pools.find((pool) => pool.name === "kms-symmetric-cryptographic")?.perSecond).toBe(0.5);
    // The defaults themselves are untouched by an override.
    expect(AWS_DEFAULT_QUOTAS.find((pool) => pool.name === "parameter-store-reads")?.perSecond).toBe(40);
  });

  it("refuses what it cannot read, naming the pools", () => {
    expect(() => parseQuotaSpec("lots")).toThrow(QuotaSpecError);
    expect(() => parseQuotaSpec("aws,nope=3")).toThrow(/no quota pool "nope"; the pools are: kms-symmetric-cryptographic, parameter-store-reads,/);
    expect(() => parseQuotaSpec("aws,parameter-store-reads=0")).toThrow(/must be above 0/);
    expect(() => parseQuotaSpec("aws,parameter-store-reads")).toThrow(/not POOL=RATE/);
  });
});

describe("throttled requests at the endpoint", () => {
  it("Parameter Store at standard throughput: 40 reads a second shared by GetParameter, GetParameters and GetParametersByPath", () => {
    const { time, engine, send } = setUp();
    engine.call("ssm", "PutParameter", { Name: "/app/db/host", Value: "db.internal", Type: "String" });
    const reads = [
      ...Array.from({ length: 20 }, () => jsonRequest("AmazonSSM", "GetParameter", { Name: "/app/db/host" })),
      ...Array.from({ length: 10 }, () => jsonRequest("AmazonSSM", "GetParameters", { Names: ["/app/db/host"] })),
      ...Array.from({ length: 10 }, () => jsonRequest("AmazonSSM", "GetParametersByPath", { Path: "/app" })),
    ];
    expect(reads.map((request) => send(request).status)).toEqual(Array(40).fill(200));
    const throttled = send(jsonRequest("AmazonSSM", "GetParameter", { Name: "/app/db/host" }));
    expect(throttled.status).toBe(400);
    expect(JSON.parse(throttled.body)).toEqual({ __type: "ThrottlingException", message: "Rate exceeded" });
    // Other operations have no pool here; writes go through.
    expect(send(jsonRequest("AmazonSSM", "PutParameter", { Name: "/app/db/port", Value: "5432", Type: "String" })).status).toBe(200);
    time.advance(25); // 1/40 of a second
    expect(send(jsonRequest("AmazonSSM", "GetParameter", { Name: "/app/db/host" })).status).toBe(200);
  });

  it("higher throughput (the account's service setting) lifts Parameter Store's reads to their higher quotas", () => {
    const { engine, send } = setUp();
    engine.call("ssm", "PutParameter", { Name: "/app/flag", Value: "on", Type: "String" });
    engine.call("ssm", "UpdateServiceSetting", { SettingId: "/ssm/parameter-store/high-throughput-enabled", SettingValue: "true" });
    const statuses = Array.from({ length: 1_000 }, () => send(jsonRequest("AmazonSSM", "GetParameter", { Name: "/app/flag" })).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    // GetParametersByPath has its own pool of 100 at higher throughput.
    const paths = Array.from({ length: 101 }, () => send(jsonRequest("AmazonSSM", "GetParametersByPath", { Path: "/app" })).status);
    expect([paths.slice(0, 100).every((status) => status === 200), paths[100]]).toEqual([true, 400]);
    // The setting is per Region: us-west-2 is still at standard throughput.
    const west = Array.from({ length: 41 }, () => send(jsonRequest("AmazonSSM", "GetParameter", { Name: "/app/flag" }, "us-west-2")).status);
    expect(west.at(-1)).toBe(400);
  });

  it("KMS's cryptographic operations share one pool, answered in KMS's own words", () => {
    const { engine, send } = setUp("aws,kms-symmetric-cryptographic=3");
    const keyId = (engine.call("kms", "CreateKey", {}) as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
    const plaintext = Buffer.from("hello").toString("base64");
    expect(send(jsonRequest("TrentService", "Encrypt", { KeyId: keyId, Plaintext: plaintext })).status).toBe(200);
    expect(send(jsonRequest("TrentService", "GenerateDataKey", { KeyId: keyId, KeySpec: "AES_256" })).status).toBe(200);
    expect(send(jsonRequest("TrentService", "GenerateRandom", { NumberOfBytes: 8 })).status).toBe(200);
    const throttled = send(jsonRequest("TrentService", "Decrypt", { CiphertextBlob: "AAAA" }));
    expect([throttled.status, JSON.parse(throttled.body)]).toEqual([400, { __type: "ThrottlingException", message: "You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls." }]);
    // Management operations count apart (and have no pool in the sandbox).
    expect(send(jsonRequest("TrentService", "DescribeKey", { KeyId: keyId })).status).toBe(200);
  });

  it("Secrets Manager throttles GetSecretValue in its own pool, with the message member its model names", () => {
    const { engine, send } = setUp("aws,secretsmanager-get-secret-value=1");
    engine.call("secretsmanager", "CreateSecret", { Name: "prod/db", SecretString: "s3cr3t" });
    expect(send(jsonRequest("secretsmanager", "GetSecretValue", { SecretId: "prod/db" })).status).toBe(200);
    const throttled = send(jsonRequest("secretsmanager", "GetSecretValue", { SecretId: "prod/db" }));
    expect([throttled.status, JSON.parse(throttled.body)]).toEqual([400, { __type: "ThrottlingException", Message: "Rate exceeded" }]);
    expect(send(jsonRequest("secretsmanager", "DescribeSecret", { SecretId: "prod/db" })).status).toBe(200);
  });

  it("a throttled request is refused before it does anything: the secret keeps its value", () => {
    const { engine, send } = setUp("aws,secretsmanager-updates=1");
    engine.call("secretsmanager", "CreateSecret", { Name: "app/key", SecretString: "v1" });
    expect(send(jsonRequest("secretsmanager", "PutSecretValue", { SecretId: "app/key", SecretString: "v2" })).status).toBe(200);
    expect(send(jsonRequest("secretsmanager", "PutSecretValue", { SecretId: "app/key", SecretString: "v3" })).status).toBe(400);
    expect((engine.call("secretsmanager", "GetSecretValue", { SecretId: "app/key" }) as { SecretString: string }).SecretString).toBe("v2");
  });

  it("without quotas nothing is throttled", () => {
    const engine = createEngine({ seed: 3 });
    engine.call("ssm", "PutParameter", { Name: "/x", Value: "1", Type: "String" });
    const options = { engine, services, nextRequestId: counterRequestIds() };
    const statuses = Array.from({ length: 200 }, () => handleRequest(jsonRequest("AmazonSSM", "GetParameter", { Name: "/x" }), options).response.status);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe("npm run endpoint -- --request-quotas", () => {
  const script = [process.execPath, ["--import", "tsx", "scripts/endpoint.ts", "--port", "0"]] as const;

  it("applies the quotas it is given and says so at start", async () => {
    const child = spawn(script[0], [...script[1], "--request-quotas", "aws,parameter-store-reads=0.01"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let stdout = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /on (http:\/\/\S+)[\s\S]*request quotas: /.exec(stdout);
          if (match?.[1]) resolve(match[1]);
        });
        child.on("exit", (code) => reject(new Error(`the endpoint stopped (${code})`)));
      });
      expect(stdout).toContain("parameter-store-reads=0.01, parameter-store-reads-higher=10000");
      const post = (target: string, body: object) =>
        fetch(url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target, authorization: "AWS4-HMAC-SHA256 Credential=test/20260201/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=0" }, body: JSON.stringify(body) });
      expect((await post("AmazonSSM.PutParameter", { Name: "/p", Value: "1", Type: "String" })).status).toBe(200);
      expect((await post("AmazonSSM.GetParameter", { Name: "/p" })).status).toBe(200);
      const throttled = await post("AmazonSSM.GetParameter", { Name: "/p" });
      expect([throttled.status, await throttled.json()]).toEqual([400, { __type: "ThrottlingException", message: "Rate exceeded" }]);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("stops with the usage and the reason when it cannot read them", async () => {
    const failure = await promisify(execFile)(script[0], [...script[1], "--request-quotas", "aws,parameter-store-reads=fast"]).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/^not POOL=RATE: "parameter-store-reads=fast"\nusage: npm run endpoint -- .*--request-quotas aws\[,POOL=RATE\.\.\.\]/);
  });
});
