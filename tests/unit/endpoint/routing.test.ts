import { describe, expect, it } from "vitest";
import { credentialScope, route } from "@/lib/endpoint";
import { decodeQueryInput, escapeXml, parseQueryBody, queryResponseXml } from "@/lib/endpoint/query-protocol";
import { commandTable, inputShape, outputShape } from "@/lib/sandbox/cli/model";

describe("credentialScope", () => {
  it("reads access key, date, Region and signing name from a SigV4 Authorization header", () => {
    expect(credentialScope("AWS4-HMAC-SHA256 Credential=test/20260115/eu-west-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=abc")).toEqual({
      accessKeyId: "test",
      date: "20260115",
      region: "eu-west-1",
      service: "secretsmanager",
    });
  });

  it("is undefined without a SigV4 header (unsigned requests are served in the engine's default Region)", () => {
    expect(credentialScope(undefined)).toBeUndefined();
    expect(credentialScope("Basic dXNlcjpwYXNz")).toBeUndefined();
  });
});

describe("route", () => {
  it("maps the models' target prefixes to the engine's services", () => {
    expect(route({ target: "TrentService.Encrypt", contentType: undefined, scope: undefined })).toMatchObject({ protocol: "json", service: "kms", operation: "Encrypt" });
    expect(route({ target: "secretsmanager.GetSecretValue", contentType: undefined, scope: undefined })).toMatchObject({ service: "secretsmanager", operation: "GetSecretValue" });
    expect(route({ target: "AmazonSSM.GetParameter", contentType: undefined, scope: undefined })).toMatchObject({ service: "ssm", operation: "GetParameter" });
  });

  it("leaves an unknown prefix without a service", () => {
    expect(route({ target: "Kinesis_20131202.ListStreams", contentType: undefined, scope: undefined }).service).toBeUndefined();
  });

  it("sends a form without a target (the query protocol) to STS", () => {
    const scope = { accessKeyId: "test", date: "20260115", region: "us-east-1", service: "sts" };
    expect(route({ target: undefined, contentType: "application/x-www-form-urlencoded; charset=utf-8", scope: undefined })).toEqual({ protocol: "query", service: "sts" });
    expect(route({ target: undefined, contentType: undefined, scope })).toEqual({ protocol: "query", service: "sts" });
    expect(route({ target: undefined, contentType: "application/json", scope: undefined })).toEqual({ protocol: "unknown", service: undefined });
  });
});

describe("the query protocol", () => {
  it("parses the form botocore posts", () => {
    expect(parseQueryBody("Action=GetCallerIdentity&Version=2011-06-15")).toEqual({ action: "GetCallerIdentity", version: "2011-06-15", parameters: {} });
    expect(parseQueryBody("Action=AssumeRole&RoleSessionName=a%20b&Version=2011-06-15").parameters).toEqual({ RoleSessionName: "a b" });
  });

  it("writes members as escaped XML elements, lists as <member>", () => {
    expect(escapeXml(`<a & "b">`)).toBe("&lt;a &amp; &quot;b&quot;&gt;");
    expect(queryResponseXml("Demo", { Name: "a&b", Items: ["x", "y"], Nested: { Count: 2 } }, "rid")).toBe(
      '<DemoResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><DemoResult><Name>a&amp;b</Name><Items><member>x</member><member>y</member></Items><Nested><Count>2</Count></Nested></DemoResult><ResponseMetadata><RequestId>rid</RequestId></ResponseMetadata></DemoResponse>\n',
    );
  });

  const assumeRole = commandTable("sts").get("assume-role")!;

  it("reads a form into the operation's input as the model shapes it: numbers, flattened lists of structures, empty lists", () => {
    const form = parseQueryBody(
      "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr&RoleSessionName=s&DurationSeconds=900" +
        "&Tags.member.2.Key=env&Tags.member.2.Value=dev&Tags.member.1.Key=team&Tags.member.1.Value=a&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess&TransitiveTagKeys=&Unknown=x",
    );
    expect(decodeQueryInput(form.parameters, inputShape(assumeRole)!)).toEqual({
      RoleArn: "arn:aws:iam::123456789012:role/r",
      RoleSessionName: "s",
      DurationSeconds: 900,
      Tags: [
        { Key: "team", Value: "a" },
        { Key: "env", Value: "dev" },
      ],
      PolicyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
      TransitiveTagKeys: [],
    });
    // Not a number: left as text for the engine's validation to refuse.
    expect(decodeQueryInput({ DurationSeconds: "soon" }, inputShape(assumeRole)!)).toEqual({ DurationSeconds: "soon" });
  });

  it("writes timestamps as ISO 8601, as the query protocol does (the engine keeps epoch seconds)", () => {
    const xml = queryResponseXml("AssumeRole", { Credentials: { AccessKeyId: "ASIA", Expiration: 1769937300.25 }, PackedPolicySize: 6 }, "rid", outputShape(assumeRole));
    expect(xml).toContain("<Credentials><AccessKeyId>ASIA</AccessKeyId><Expiration>2026-02-01T09:15:00.250Z</Expiration></Credentials><PackedPolicySize>6</PackedPolicySize>");
    expect(queryResponseXml("AssumeRole", { Credentials: { Expiration: 1769937300 } }, "rid", outputShape(assumeRole))).toContain("<Expiration>2026-02-01T09:15:00Z</Expiration>");
  });
});
