import { createSandbox } from "@/lib/sandbox/create-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndpoint, type Exchange, type RunningEndpoint } from "@/lib/endpoint";
import { createEngine } from "@/lib/sandbox";

/**
 * The local AWS endpoint speaks to SDKs and the AWS CLI as AWS does: AWS JSON
 * 1.1 for KMS, Secrets Manager and SSM (routed by X-Amz-Target), the query
 * protocol with XML answers for STS, AWS's error bodies and statuses.
 */

const NOW = "2026-01-15T10:00:00Z";
let endpoint: RunningEndpoint;
const engine = createEngine({ seed: 1, now: NOW });
const exchanges: Exchange[] = [];

function authorization(service: string, region = "us-east-1"): string {
  // The endpoint reads the credential scope and never checks the signature.
  return `AWS4-HMAC-SHA256 Credential=test/20260115/${region}/${service}/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000`;
}

async function json(target: string, body: unknown, options: { service?: string; region?: string; raw?: string } = {}) {
  const service = options.service ?? { TrentService: "kms", secretsmanager: "secretsmanager", AmazonSSM: "ssm" }[target.split(".")[0] ?? ""] ?? "kms";
  const response = await fetch(endpoint.url, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target, authorization: authorization(service, options.region) },
    body: options.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get("content-type"), requestId: response.headers.get("x-amzn-requestid"), body: JSON.parse(text) as Record<string, unknown> };
}

async function sts(form: string) {
  const response = await fetch(endpoint.url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", authorization: authorization("sts") },
    body: form,
  });
  return { status: response.status, contentType: response.headers.get("content-type"), text: await response.text() };
}

beforeAll(async () => {
  endpoint = await startEndpoint({ engine, onExchange: (exchange) => exchanges.push(exchange) });
});

afterAll(async () => {
  await endpoint.close();
});

describe("routing by X-Amz-Target", () => {
  it("sends TrentService.* to KMS and answers 200 with the JSON 1.1 content type", async () => {
    const created = await json("TrentService.CreateKey", { Description: "demo" });
    expect(created.status).toBe(200);
    expect(created.contentType).toBe("application/x-amz-json-1.1");
    const keyId = (created.body["KeyMetadata"] as { KeyId: string }).KeyId;
    const listed = await json("TrentService.ListKeys", {});
    expect(listed.body["Keys"]).toContainEqual({ KeyId: keyId, KeyArn: `arn:aws:kms:us-east-1:123456789012:key/${keyId}` });
  });

  it("sends secretsmanager.* to Secrets Manager", async () => {
    const created = await json("secretsmanager.CreateSecret", { Name: "routing/demo", SecretString: "s3cret" });
    expect(created.status).toBe(200);
    const value = await json("secretsmanager.GetSecretValue", { SecretId: "routing/demo" });
    expect(value.body).toMatchObject({ Name: "routing/demo", SecretString: "s3cret", VersionStages: ["AWSCURRENT"] });
  });

  it("sends AmazonSSM.* to Parameter Store", async () => {
    expect((await json("AmazonSSM.PutParameter", { Name: "/routing/host", Value: "db.example.com", Type: "String" })).body).toEqual({ Version: 1, Tier: "Standard" });
    const got = await json("AmazonSSM.GetParameter", { Name: "/routing/host" });
    expect(got.body["Parameter"]).toMatchObject({ Name: "/routing/host", Value: "db.example.com", Version: 1 });
  });

  it("takes the Region from the SigV4 credential scope", async () => {
    const created = await json("TrentService.CreateKey", {}, { region: "eu-west-1" });
    expect((created.body["KeyMetadata"] as { Arn: string }).Arn).toMatch(/^arn:aws:kms:eu-west-1:123456789012:key\//);
  });

  it("treats an empty body as an empty input, as botocore sends {} for no members", async () => {
    const listed = await json("TrentService.ListAliases", undefined, { raw: "" });
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveProperty("Aliases");
  });

  it("answers with Secrets Manager's headers in its order, the Date from the simulated clock", async () => {
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "secretsmanager.ListSecrets", authorization: authorization("secretsmanager") },
      body: "{}",
    });
    const body = await response.text();
    expect([...response.headers.keys()]).toEqual(["content-length", "content-type", "date", "x-amzn-requestid"]); // fetch sorts them
    expect(response.headers.get("date")).toBe("Thu, 15 Jan 2026 10:00:00 GMT");
    expect(response.headers.get("content-length")).toBe(String(new TextEncoder().encode(body).length));
  });

  it("names each answer after the trail event of its call (the request id the sandbox's CLI can show too)", async () => {
    const answer = await json("TrentService.ListKeys", {});
    const event = engine.trail({ eventName: "ListKeys" }).at(-1);
    expect(answer.requestId).toBe(event?.eventId);
    expect(exchanges.at(-1)?.requestId).toBe(event?.eventId);
  });
});

describe("errors as AWS answers them", () => {
  it("answers a service error with its HTTP status and {__type, message} (KMS names the member `message`)", async () => {
    const missing = await json("TrentService.DescribeKey", { KeyId: "00000000-0000-0000-0000-000000000000" });
    expect(missing.status).toBe(400);
    expect(missing.contentType).toBe("application/x-amz-json-1.1");
    expect(missing.body).toEqual({ __type: "NotFoundException", message: "Key 'arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000' does not exist" });
  });

  it("names the member `Message` for Secrets Manager", async () => {
    const missing = await json("secretsmanager.DescribeSecret", { SecretId: "nope" });
    expect(missing.body).toEqual({ __type: "ResourceNotFoundException", Message: "Secrets Manager can't find the specified secret." });
  });

  it("follows SSM's model per error: ParameterNotFound has an empty `message`, ValidationException a `Message`", async () => {
    expect((await json("AmazonSSM.GetParameter", { Name: "/nope" })).body).toEqual({ __type: "ParameterNotFound", message: "" });
    const invalid = await json("AmazonSSM.PutParameter", { Name: "/x", Value: "v", Type: "Foo" });
    expect(invalid.status).toBe(400);
    expect(invalid.body["__type"]).toBe("ValidationException");
    expect(invalid.body["Message"]).toMatch(/^1 validation error detected: Value 'Foo' at 'type'/);
  });

  it("answers an operation the service does not have with UnknownOperationException", async () => {
    const unknown = await json("TrentService.MakeCoffee", {});
    expect(unknown.status).toBe(400);
    expect(unknown.body["__type"]).toBe("UnknownOperationException");
  });

  it("answers an operation AWS has and the sandbox does not simulate with the terminal's notice, word for word", async () => {
    const derive = await json("TrentService.DeriveSharedSecret", { KeyId: "k", KeyAgreementAlgorithm: "ECDH", PublicKey: "AAAA" });
    expect(derive.status).toBe(400);
    expect(derive.body["__type"]).toBe("UnknownOperationException");
    const session = createSandbox({ scenario: "empty", seed: 1 });
    const cli = session.runSync("aws kms derive-shared-secret --key-id k --key-agreement-algorithm ECDH --public-key AAAA");
    expect(cli.stderr).toBe(`\n${derive.body["message"] ?? derive.body["Message"]}\n`);
  });

  it("answers a target prefix no service of the sandbox has with UnknownOperationException and the terminal's notice", async () => {
    const unknown = await json("DynamoDB_20120810.ListTables", {}, { service: "dynamodb" });
    expect(unknown.status).toBe(400);
    expect(unknown.body["__type"]).toBe("UnknownOperationException");
    const cli = createSandbox({ scenario: "empty", seed: 1 }).runSync("aws dynamodb list-tables");
    expect(cli.stderr).toBe(`\n${unknown.body["message"] ?? unknown.body["Message"]}\n`);
  });

  it("answers a form for another query-protocol service with the notice, not as STS: IAM (not simulated), EC2 (simulated in the terminal only)", async () => {
    const post = async (service: string, form: string) => {
      const response = await fetch(endpoint.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", authorization: authorization(service) }, body: form });
      return { status: response.status, text: await response.text() };
    };
    const iam = await post("iam", "Action=GetUser&Version=2010-05-08");
    expect(iam.status).toBe(400);
    const cli = createSandbox({ scenario: "empty", seed: 1 }).runSync("aws iam get-user");
    expect(iam.text).toContain(`<Code>InvalidAction</Code><Message>${cli.stderr.trim().replace(/'/g, "&apos;")}</Message>`);
    const ec2 = await post("ec2", "Action=DescribeInstances&Version=2016-11-15");
    expect(ec2.text).toContain("<Code>InvalidAction</Code><Message>The sandbox simulates ec2 in its browser terminal, but its local endpoint serves only KMS, Secrets Manager, Parameter Store (ssm), STS and CloudTrail lookup-events.</Message>");
  });

  it("answers a REST request for Lambda (no target) with where Lambda is simulated", async () => {
    const response = await fetch(`${endpoint.url}/2015-03-31/functions/`, { method: "POST", headers: { "content-type": "application/json", authorization: authorization("lambda") }, body: "{}" });
    const body = (await response.json()) as Record<string, string>;
    expect([response.status, body["__type"], body["message"]]).toEqual([400, "UnknownOperationException", "The sandbox simulates lambda in its browser terminal, but its local endpoint serves only KMS, Secrets Manager, Parameter Store (ssm), STS and CloudTrail lookup-events."]);
  });

  it("serves CloudTrail's LookupEvents from the engine's trail (JSON 1.1, CloudTrail's target prefix)", async () => {
    await json("TrentService.CreateKey", { Description: "seen by the trail" });
    const events = await json("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents", { LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "CreateKey" }] }, { service: "cloudtrail" });
    expect(events.status).toBe(200);
    const list = events.body["Events"] as { EventName: string; EventSource: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((event) => event.EventName === "CreateKey" && event.EventSource === "kms.amazonaws.com")).toBe(true);
  });

  it("answers a body that is not JSON with SerializationException", async () => {
    const bad = await json("TrentService.ListKeys", undefined, { raw: "{not json" });
    expect(bad.status).toBe(400);
    expect(bad.body["__type"]).toBe("SerializationException");
  });

  it("answers a JSON body that is not an object with SerializationException", async () => {
    const bad = await json("secretsmanager.ListSecrets", undefined, { raw: "[1, 2]" });
    expect(bad.body["__type"]).toBe("SerializationException");
    expect(bad.body).toHaveProperty("Message");
  });

  it("answers operation names that are JavaScript's own (constructor, __proto__, toString) as unknown operations, 400, never 500", async () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      const kms = await json(`TrentService.${name}`, {});
      expect([name, kms.status, kms.body["__type"]]).toEqual([name, 400, "UnknownOperationException"]);
      const sm = await json(`secretsmanager.${name}`, {});
      expect([name, sm.status, sm.body["__type"]]).toEqual([name, 400, "UnknownOperationException"]);
      const query = await sts(`Action=${name}&Version=2011-06-15`);
      expect([name, query.status]).toEqual([name, 400]);
      expect(query.text).toContain("<Code>InvalidAction</Code>");
    }
  });

  it("answers a body over 16 MB with 413 and an AWS-shaped error instead of resetting the connection", async () => {
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.Encrypt", authorization: authorization("kms") },
      body: JSON.stringify({ KeyId: "k", Plaintext: "A".repeat(17 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(await response.text())).toMatchObject({ __type: "RequestEntityTooLargeException", message: expect.stringContaining("16 MB") });
    // The endpoint goes on answering.
    expect((await json("TrentService.ListKeys", {})).status).toBe(200);
  });

  it("keeps at most 100 KB of a request in the trail (CloudTrail marks a larger field omitted), so large requests cannot fill the memory", async () => {
    const big = await json("secretsmanager.CreateSecret", { Name: "too-big", SecretString: "x", Description: "x".repeat(200 * 1024) });
    expect(big.status).toBe(400);
    const event = engine.peek().trail.findLast((entry) => entry.eventName === "CreateSecret");
    expect(event?.requestParameters).toEqual({ omitted: true });
    const small = await json("secretsmanager.CreateSecret", { Name: "small", SecretString: "x" });
    expect(small.status).toBe(200);
    expect(engine.peek().trail.findLast((entry) => entry.eventName === "CreateSecret")?.requestParameters).toMatchObject({ Name: "small" });
  });

  it("acts as the role session whose temporary credentials sign the request (access denied reproducible with real clients); other keys act as the sandbox's caller", async () => {
    const account = "123456789012";
    engine.putRole(account, "endpoint-reader", {
      trustedService: "",
      trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:AssumeRole" }] },
      policies: { ReadApp: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: `arn:aws:ssm:*:${account}:parameter/app/*` }] } },
    });
    await json("AmazonSSM.PutParameter", { Name: "/app/colour", Value: "blue", Type: "String" });
    const assumed = await sts(`Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(`arn:aws:iam::${account}:role/endpoint-reader`)}&RoleSessionName=demo`);
    expect(assumed.status).toBe(200);
    const accessKeyId = /<AccessKeyId>([^<]+)</.exec(assumed.text)?.[1] ?? "";
    const token = /<SessionToken>([^<]+)</.exec(assumed.text)?.[1] ?? "";
    expect(accessKeyId).toMatch(/^ASIA/);
    const as = async (target: string, body: object, key = accessKeyId, sessionToken: string | null = token) => {
      const service = target.startsWith("AmazonSSM") ? "ssm" : "kms";
      const response = await fetch(endpoint.url, {
        method: "POST",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target, authorization: `AWS4-HMAC-SHA256 Credential=${key}/20260115/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`, ...(sessionToken ? { "x-amz-security-token": sessionToken } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: JSON.parse(await response.text()) as Record<string, unknown> };
    };
    expect(await as("AmazonSSM.GetParameter", { Name: "/app/colour" })).toMatchObject({ status: 200, body: { Parameter: { Value: "blue" } } });
    const denied = await as("TrentService.ListKeys", {});
    expect(denied.status).toBe(400);
    expect(denied.body["__type"]).toBe("AccessDeniedException");
    expect(String(denied.body["message"])).toContain(`assumed-role/endpoint-reader/demo`);
    // Temporary credentials the sandbox never issued fail as AWS fails them; a plain key acts as the admin.
    expect(await as("TrentService.ListKeys", {}, "ASIAUNKNOWNUNKNOWN00", "token")).toMatchObject({ status: 400, body: { __type: "UnrecognizedClientException" } });
    expect((await as("TrentService.ListKeys", {}, "AKIAIOSFODNN7EXAMPLE", null)).status).toBe(200);
  });

  it("loses no write under 200 requests at once", async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, (_, index) => json("AmazonSSM.PutParameter", { Name: `/parallel/p${index}`, Value: `v${index}`, Type: "String" })));
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    const names = new Set<string>();
    let token: string | undefined;
    do {
      const page = await json("AmazonSSM.GetParametersByPath", { Path: "/parallel", ...(token ? { NextToken: token } : {}) });
      for (const parameter of page.body["Parameters"] as { Name: string }[]) names.add(parameter.Name);
      token = page.body["NextToken"] as string | undefined;
    } while (token);
    expect(names.size).toBe(200);
  });

  it("refuses other methods than POST with 405, saying what the port is", async () => {
    const response = await fetch(endpoint.url);
    expect(response.status).toBe(405);
    expect(await response.text()).toMatch(/--endpoint-url/);
  });
});

describe("STS over the query protocol", () => {
  it("answers GetCallerIdentity (the form the AWS CLI posts) in XML", async () => {
    const answer = await sts("Action=GetCallerIdentity&Version=2011-06-15");
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe("text/xml");
    expect(answer.text).toMatch(/^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><GetCallerIdentityResult>/);
    expect(answer.text).toContain("<Account>123456789012</Account>");
    expect(answer.text).toContain("<Arn>arn:aws:iam::123456789012:user/admin</Arn>");
    expect(answer.text).toMatch(/<UserId>AIDA[A-Z2-7]{17}<\/UserId>/);
    expect(answer.text).toMatch(/<ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata>/);
  });

  it("answers an unknown action with an XML ErrorResponse", async () => {
    const answer = await sts("Action=AssumeRoleWithMagic&Version=2011-06-15");
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("<Error><Type>Sender</Type><Code>InvalidAction</Code><Message>Could not find operation AssumeRoleWithMagic for version 2011-06-15</Message></Error>");
  });

  it("answers an action STS has and the sandbox does not simulate with the terminal's notice", async () => {
    const answer = await sts("Action=GetSessionToken&Version=2011-06-15");
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(
      "<Code>InvalidAction</Code><Message>GetSessionToken (aws sts get-session-token) is part of the real AWS CLI, but the sandbox does not simulate it. Run &apos;aws sts help&apos; to see the commands it simulates.</Message>",
    );
  });
});

describe("the request log (recording)", () => {
  it("reports each exchange: service, operation, Region, input, status and output or error", async () => {
    const before = exchanges.length;
    await json("TrentService.DescribeKey", { KeyId: "alias/nope" });
    const [exchange] = exchanges.slice(before);
    expect(exchange).toMatchObject({
      service: "kms",
      operation: "DescribeKey",
      region: "us-east-1",
      input: { KeyId: "alias/nope" },
      status: 400,
      error: { code: "NotFoundException", message: "Alias arn:aws:kms:us-east-1:123456789012:alias/nope is not found." },
    });
  });
});
