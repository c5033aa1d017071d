import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox/create-sandbox";

/**
 * aws cloudtrail lookup-events, served from the sandbox's trail in
 * CloudTrail's shapes (API reference, LookupEvents; the record fields of the
 * CloudTrail user guide's "CloudTrail record contents"): the account's and
 * Region's events newest first, one lookup attribute at most ("Currently
 * the list can contain only one item"), a time range, pages of at most 50,
 * ReadOnly as the text "true"/"false", the whole record as JSON text.
 */
const ACCOUNT = "123456789012";

function sandbox() {
  const session = createSandbox({ scenario: "empty", seed: 21, now: "2026-06-01T10:00:00Z" });
  session.runSync("KEY=$(aws kms create-key --description trail --query KeyMetadata.KeyId --output text)");
  session.runSync('aws kms disable-key --key-id "$KEY"');
  session.runSync('aws kms encrypt --key-id "$KEY" --plaintext aGk=');
  session.runSync("clock advance 1h");
  session.runSync("aws secretsmanager create-secret --name app/token --secret-string s3cr3t");
  return session;
}

const lookup = (session: ReturnType<typeof sandbox>, args = "") => {
  const result = session.runSync(`aws cloudtrail lookup-events ${args}`);
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as { Events: { EventId: string; EventName: string; ReadOnly: string; EventTime: string; EventSource: string; Username?: string; Resources: { ResourceType: string; ResourceName: string }[]; CloudTrailEvent: string }[] };
};

describe("aws cloudtrail lookup-events", () => {
  it("lists the calls newest first, with who made them, on what, and the record as JSON text", () => {
    const { Events } = lookup(sandbox());
    // Secrets Manager's GenerateDataKey, made during CreateSecret, is recorded after it.
    expect(Events.map((event) => event.EventName)).toEqual(["GenerateDataKey", "CreateSecret", "Encrypt", "DisableKey", "CreateKey"]);
    const disable = Events.find((event) => event.EventName === "DisableKey")!;
    expect(Object.keys(disable)).toEqual(["EventId", "EventName", "ReadOnly", "EventTime", "EventSource", "Username", "Resources", "CloudTrailEvent"]);
    expect(disable).toMatchObject({ ReadOnly: "false", EventSource: "kms.amazonaws.com", Username: "admin", EventTime: "2026-06-01T10:00:00+00:00" });
    expect(disable.Resources[0]?.ResourceType).toBe("AWS::KMS::Key");
    const record = JSON.parse(disable.CloudTrailEvent) as Record<string, unknown>;
    expect(record).toMatchObject({
      eventSource: "kms.amazonaws.com",
      eventName: "DisableKey",
      awsRegion: "us-east-1",
      userIdentity: { type: "IAMUser", arn: `arn:aws:iam::${ACCOUNT}:user/admin`, accountId: ACCOUNT },
      readOnly: false,
      eventType: "AwsApiCall",
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: "Management",
      eventID: disable.EventId,
    });
    expect(record).not.toHaveProperty("authorizations");
  });

  it("keeps the failure in the record, and never the plaintext or the secret value", () => {
    const { Events } = lookup(sandbox());
    const encrypt = JSON.parse(Events.find((event) => event.EventName === "Encrypt")!.CloudTrailEvent) as Record<string, unknown>;
    expect(encrypt["errorCode"]).toBe("DisabledException");
    expect(JSON.stringify(encrypt)).not.toContain("aGk=");
    const create = Events.find((event) => event.EventName === "CreateSecret")!.CloudTrailEvent;
    expect(create).not.toContain("s3cr3t");
    // Secrets Manager's own call to KMS is recorded as made on the caller's behalf.
    const dataKey = JSON.parse(Events.find((event) => event.EventName === "GenerateDataKey")!.CloudTrailEvent) as { userIdentity: { invokedBy?: string }; sourceIPAddress: string };
    expect(dataKey.userIdentity.invokedBy).toBe("secretsmanager.amazonaws.com");
    expect(dataKey.sourceIPAddress).toBe("secretsmanager.amazonaws.com");
  });

  it("filters by one attribute and refuses two", () => {
    const session = sandbox();
    expect(lookup(session, "--lookup-attributes AttributeKey=EventName,AttributeValue=DisableKey").Events.map((event) => event.EventName)).toEqual(["DisableKey"]);
    // The lookups are read-only management events too, recorded like any other call.
    const readOnly = lookup(session, "--lookup-attributes AttributeKey=ReadOnly,AttributeValue=true").Events;
    expect(readOnly.map((event) => event.EventName)).toEqual(["LookupEvents", "GenerateDataKey", "Encrypt"]);
    expect(readOnly.every((event) => event.ReadOnly === "true")).toBe(true);
    expect(lookup(session, "--lookup-attributes AttributeKey=ResourceName,AttributeValue=app/token").Events.map((event) => event.EventName)).toEqual(["CreateSecret"]);
    expect(lookup(session, "--lookup-attributes AttributeKey=EventSource,AttributeValue=secretsmanager.amazonaws.com").Events).toHaveLength(1);
    const two = session.runSync("aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=DisableKey AttributeKey=Username,AttributeValue=admin");
    expect(two.exitCode).toBe(254);
    expect(two.stderr).toContain("An error occurred (InvalidLookupAttributesException) when calling the LookupEvents operation:");
  });

  it("takes a time range (timestamps as the CLI parses them) and refuses one that ends before it starts", () => {
    const session = sandbox();
    expect(lookup(session, "--start-time 2026-06-01T10:30:00Z").Events.map((event) => event.EventName)).toEqual(["GenerateDataKey", "CreateSecret"]);
    expect(lookup(session, "--end-time 2026-06-01T10:30:00Z").Events).toHaveLength(3);
    const bad = session.runSync("aws cloudtrail lookup-events --start-time 2026-06-02 --end-time 2026-06-01");
    expect(bad.stderr).toContain("An error occurred (InvalidTimeRangeException)");
    expect(session.runSync("aws cloudtrail lookup-events --start-time yesterday").stderr).toBe('\nInvalid timestamp "yesterday": Unknown string format: yesterday\n');
  });

  it("pages with MaxResults and NextToken, which the CLI follows for you", () => {
    const session = sandbox();
    const first = JSON.parse(session.runSync("aws cloudtrail lookup-events --max-results 2 --no-paginate").stdout) as { Events: { EventName: string }[]; NextToken: string };
    expect(first.Events.map((event) => event.EventName)).toEqual(["GenerateDataKey", "CreateSecret"]);
    const second = JSON.parse(session.runSync(`aws cloudtrail lookup-events --max-results 2 --no-paginate --next-token ${first.NextToken}`).stdout) as { Events: { EventName: string }[] };
    expect(second.Events.map((event) => event.EventName)).toEqual(["Encrypt", "DisableKey"]);
    // The two lookups above are on the trail too: seven events, fetched two at a time.
    expect(lookup(session, "--page-size 2").Events.map((event) => event.EventName)).toEqual(["LookupEvents", "LookupEvents", "GenerateDataKey", "CreateSecret", "Encrypt", "DisableKey", "CreateKey"]);
    const forged = session.runSync("aws cloudtrail lookup-events --no-paginate --next-token bm9wZQ==");
    expect(forged.stderr).toContain("InvalidNextTokenException");
  });

  it("is limited to the caller's account and needs cloudtrail:LookupEvents", () => {
    const session = sandbox();
    session.engine.putUser(ACCOUNT, "reader", { ReadKeys: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:DescribeKey", Resource: "*" }] } });
    session.engine.actAs({ accountId: ACCOUNT, kind: "user", name: "reader" });
    const denied = session.runSync("aws cloudtrail lookup-events");
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toContain("An error occurred (AccessDeniedException) when calling the LookupEvents operation: User: arn:aws:iam::123456789012:user/reader is not authorized to perform: cloudtrail:LookupEvents");
  });
});
