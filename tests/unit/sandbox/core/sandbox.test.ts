import * as z from "zod";
import { describe, expect, it } from "vitest";
import { AwsServiceError, SandboxUsageError } from "@/lib/sandbox/core/errors";
import { defineOperation, type OperationContext, type ServiceSpec } from "@/lib/sandbox/core/operation";
import { createEngine } from "@/lib/sandbox";
import { DAY, HOUR } from "@/lib/sandbox/core/time";
import { aws } from "@/lib/sandbox/core/validation";
import { Sandbox, TRAIL_LIMIT } from "@/lib/sandbox/sandbox";
import { stsService } from "@/lib/sandbox/sts/service";

/**
 * A toy service that exercises the dispatcher: a sensitive member, an
 * authorised action, a scheduled event and a bug. It keeps its notes beside
 * the Region's state (not in it), so the real services' state stays valid.
 */
const noteBooks = new WeakMap<object, Record<string, { text: string }>>();
function notes(ctx: OperationContext): Record<string, { text: string }> {
  const region = ctx.regionState();
  let book = noteBooks.get(region);
  if (!book) noteBooks.set(region, (book = {}));
  return book;
}

const testService: ServiceSpec = {
  id: "ssm",
  eventSource: "notes.amazonaws.com",
  errorMessageKey: "message",
  operations: {
    PutNote: defineOperation({
      name: "PutNote",
      input: z.object({ Name: aws.string({ min: 1, max: 10 }), Secret: aws.string(), ExpireAfterHours: aws.integer({ min: 1 }).optional() }),
      readOnly: false,
      sensitive: { request: ["Secret"] },
      handler(ctx, input) {
        const resource = `arn:aws:notes:${ctx.region}:${ctx.accountId}:note/${input.Name}`;
        ctx.authorize({ action: "notes:PutNote", resource, resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
        notes(ctx)[input.Name] = { text: input.Secret };
        if (input.ExpireAfterHours) ctx.schedule({ kind: "notes.expire", at: ctx.now + input.ExpireAfterHours * HOUR, resource: input.Name });
        ctx.touches(resource, "Note");
        return { Id: ctx.random.uuid() };
      },
    }),
    GetNote: defineOperation({
      name: "GetNote",
      input: z.object({ Name: aws.string({ min: 1 }) }),
      readOnly: true,
      sensitive: { response: ["Text"] },
      handler(ctx, input) {
        const note = notes(ctx)[input.Name];
        if (!note) throw new AwsServiceError("NotFound", `No note ${input.Name}`);
        return { Text: note.text };
      },
    }),
    Crash: defineOperation({ name: "Crash", input: z.object({}), readOnly: true, handler: () => { throw new TypeError("boom"); } }),
  },
  scheduledHandlers: {
    "notes.expire": {
      eventName: "ExpireNote",
      run(ctx, event) {
        delete notes(ctx)[event.resource];
      },
    },
  },
};

const start = "2026-01-01T00:00:00Z";
const make = (seed = 1) => new Sandbox([testService, stsService], { seed, now: start });

describe("the sandbox dispatcher", () => {
  it("answers unknown operations as the JSON protocol does", () => {
    expect(() => make().call("ssm", "Nope")).toThrow(expect.objectContaining({ code: "UnknownOperationException" }));
    expect(() => make().call("kms", "CreateKey")).toThrow(expect.objectContaining({ code: "UnknownOperationException" }));
  });

  it("validates requests before the handler runs and records the failure", () => {
    const sandbox = make();
    expect(() => sandbox.call("ssm", "PutNote", { Name: "far-too-long-name", Secret: "s" })).toThrow(
      "1 validation error detected: Value 'far-too-long-name' at 'name' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
    const [event] = sandbox.trail();
    expect(event).toMatchObject({ eventName: "PutNote", errorCode: "ValidationException", eventSource: "notes.amazonaws.com" });
    expect(sandbox.peek().accounts["123456789012"]?.regions["us-east-1"]).toBeUndefined();
  });

  it("leaves no Region behind when a call fails in a Region no call had used", () => {
    // Handlers reach a Region's state through regionState(), which creates it: a failed call must not keep it.
    const sandbox = make();
    const regions = () => Object.keys(sandbox.peek().accounts["123456789012"]!.regions);
    expect(() => sandbox.call("ssm", "GetNote", { Name: "a" })).toThrow(expect.objectContaining({ code: "NotFound" }));
    expect(() => sandbox.call("ssm", "GetNote", { Name: "a" }, { region: "eu-west-1" })).toThrow(expect.objectContaining({ code: "NotFound" }));
    expect(regions()).toEqual([]);
    sandbox.call("ssm", "PutNote", { Name: "a", Secret: "s" });
    expect(() => sandbox.call("ssm", "GetNote", { Name: "b" })).toThrow(expect.objectContaining({ code: "NotFound" }));
    expect(regions()).toEqual(["us-east-1"]);
    expect(sandbox.call("ssm", "GetNote", { Name: "a" })).toEqual({ Text: "s" });
    expect(sandbox.trail().map((event) => event.errorCode ?? "ok")).toEqual(["NotFound", "NotFound", "ok", "NotFound", "ok"]);
  });

  it("keeps a snapshot unchanged by a real service's failed first call, but for the trail and the random generator", () => {
    const engine = createEngine({ seed: 1, now: start });
    const before = engine.snapshot();
    expect(() => engine.call("ssm", "GetParameter", { Name: "/nope" })).toThrow(expect.objectContaining({ code: "ParameterNotFound" }));
    expect(() => engine.call("kms", "DescribeKey", { KeyId: "alias/nope" }, { region: "eu-west-1" })).toThrow(expect.objectContaining({ code: "NotFoundException" }));
    const after = engine.snapshot();
    expect({ ...after, trail: [], random: [] }).toEqual({ ...before, trail: [], random: [] });
    expect(after.trail.map((event) => event.errorCode)).toEqual(["ParameterNotFound", "NotFoundException"]);
  });

  it("turns a bug into an InternalFailure (500) instead of crashing", () => {
    const sandbox = make();
    expect(() => sandbox.call("ssm", "Crash")).toThrow(expect.objectContaining({ code: "InternalFailure", status: 500 }));
    expect(sandbox.trail()[0]?.errorCode).toBe("InternalFailure");
  });

  it("records every call on the trail, in order, without sensitive members", () => {
    const sandbox = make();
    sandbox.call("ssm", "PutNote", { Name: "a", Secret: "hunter2" });
    sandbox.call("ssm", "GetNote", { Name: "a" });
    const trail = sandbox.trail();
    expect(trail.map((event) => event.eventName)).toEqual(["PutNote", "GetNote"]);
    expect(trail[0]).toMatchObject({
      requestParameters: { Name: "a" },
      readOnly: false,
      userIdentity: { type: "IAMUser", arn: "arn:aws:iam::123456789012:user/admin", accountId: "123456789012" },
      resources: [{ ARN: "arn:aws:notes:us-east-1:123456789012:note/a", type: "Note" }],
      eventTime: Date.parse(start),
    });
    expect(JSON.stringify(trail)).not.toContain("hunter2");
    expect(trail[0]?.authorizations[0]).toMatchObject({ action: "notes:PutNote", decision: "Allow" });
  });

  it("authorises with the caller's identity policies", () => {
    const sandbox = make();
    sandbox.putUser("123456789012", "reader", { ReadNotes: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "notes:GetNote", Resource: "*" }] } });
    sandbox.actAs({ accountId: "123456789012", kind: "user", name: "reader" });
    expect(() => sandbox.call("ssm", "PutNote", { Name: "a", Secret: "s" })).toThrow(
      expect.objectContaining({ code: "AccessDeniedException", message: expect.stringContaining("User: arn:aws:iam::123456789012:user/reader is not authorized to perform: notes:PutNote") }),
    );
    expect(sandbox.trail().at(-1)?.authorizations[0]?.decision).toBe("ImplicitDeny");
  });

  it("runs due events in order at their own time as the clock moves", () => {
    const sandbox = make();
    sandbox.call("ssm", "PutNote", { Name: "late", Secret: "s", ExpireAfterHours: 48 });
    sandbox.call("ssm", "PutNote", { Name: "soon", Secret: "s", ExpireAfterHours: 2 });
    expect(sandbox.advanceClock(HOUR)).toEqual([]);
    const ran = sandbox.advanceClock(DAY);
    expect(ran.map((event) => event.resource)).toEqual(["soon"]);
    expect(() => sandbox.call("ssm", "GetNote", { Name: "soon" })).toThrow("No note soon");
    sandbox.advanceClock(2 * DAY);
    const expiry = sandbox.trail({ eventName: "ExpireNote" });
    expect(expiry.map((event) => event.eventTime)).toEqual([Date.parse(start) + 2 * HOUR, Date.parse(start) + 48 * HOUR]);
    expect(expiry[0]?.userIdentity).toMatchObject({ type: "AWSService", invokedBy: "notes.amazonaws.com" });
    expect(sandbox.now).toBe(Date.parse(start) + HOUR + DAY + 2 * DAY);
  });

  it("keeps the trail bounded to the most recent events", () => {
    const sandbox = make();
    for (let index = 0; index < TRAIL_LIMIT + 1_000; index++) sandbox.call("sts", "GetCallerIdentity");
    sandbox.call("ssm", "PutNote", { Name: "last", Secret: "s" });
    const trail = sandbox.trail();
    expect(trail.length).toBeGreaterThanOrEqual(TRAIL_LIMIT);
    expect(trail.length).toBeLessThanOrEqual(TRAIL_LIMIT + 1_000);
    expect(trail.at(-1)?.eventName).toBe("PutNote");
  });

  it("refuses to move the clock backwards", () => {
    expect(() => make().advanceClock(-1)).toThrow(SandboxUsageError);
  });

  it("is deterministic for a seed", () => {
    const ids = (sandbox: Sandbox) => [sandbox.call("ssm", "PutNote", { Name: "a", Secret: "s" }).Id, sandbox.trail()[0]?.eventId];
    expect(ids(make(9))).toEqual(ids(make(9)));
    expect(ids(make(9))).not.toEqual(ids(make(10)));
  });

  it("answers GetCallerIdentity for users, roles and root", () => {
    const sandbox = make();
    expect(sandbox.call("sts", "GetCallerIdentity")).toEqual({ UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/), Account: "123456789012", Arn: "arn:aws:iam::123456789012:user/admin" });
    sandbox.actAs({ accountId: "123456789012", kind: "role", name: "ec2-app-role", sessionName: "i-0abc" });
    expect(sandbox.call("sts", "GetCallerIdentity")).toEqual({
      UserId: expect.stringMatching(/^AROA[A-Z2-7]{17}:i-0abc$/),
      Account: "123456789012",
      Arn: "arn:aws:sts::123456789012:assumed-role/ec2-app-role/i-0abc",
    });
    sandbox.actAs({ accountId: "999999999999", kind: "root" });
    expect(sandbox.call("sts", "GetCallerIdentity")).toEqual({ UserId: "999999999999", Account: "999999999999", Arn: "arn:aws:iam::999999999999:root" });
    expect(() => sandbox.actAs({ accountId: "123456789012", kind: "user", name: "ghost" })).toThrow(SandboxUsageError);
  });
});

describe("snapshots", () => {
  const withKeyPendingDeletion = () => {
    const sandbox = createEngine({ seed: 4, now: start });
    const { KeyMetadata } = sandbox.call("kms", "CreateKey", { Description: "kept" }) as { KeyMetadata: { KeyId: string } };
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: KeyMetadata.KeyId, PendingWindowInDays: 7 });
    return { sandbox, keyId: KeyMetadata.KeyId };
  };

  it("round-trip the whole state through JSON, including what is due and the random sequence", () => {
    const { sandbox, keyId } = withKeyPendingDeletion();
    const saved = JSON.parse(JSON.stringify(sandbox.snapshot()));
    const next = (sandbox.call("kms", "CreateKey", {}) as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;

    const copy = createEngine({ seed: 99, now: "2030-01-01T00:00:00Z" });
    copy.restore(saved);
    expect(copy.snapshot()).toEqual(saved);
    expect((copy.call("kms", "CreateKey", {}) as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId).toBe(next);
    expect(copy.advanceClock(8 * DAY).map((event) => event.kind)).toEqual(["kms.deleteKey"]);
    expect(() => copy.call("kms", "DescribeKey", { KeyId: keyId })).toThrow(expect.objectContaining({ code: "NotFoundException" }));
  });

  it.each([
    ["something that is not a snapshot", { hello: "world" }, 'This is not a sandbox snapshot (it has no "format": "keystone-sandbox").'],
    ["a snapshot from another version", { format: "keystone-sandbox", version: 7 }, "This snapshot has format version 7; this sandbox reads version 1."],
    ["null", null, 'This is not a sandbox snapshot (it has no "format": "keystone-sandbox").'],
  ])("rejects %s with a clear message", (_name, input, message) => {
    expect(() => make().restore(input)).toThrow(message);
  });

  it("rejects a damaged snapshot and leaves the current state untouched", () => {
    const { sandbox, keyId } = withKeyPendingDeletion();
    const before = sandbox.snapshot();
    const damaged = { ...sandbox.snapshot(), now: "yesterday" };
    expect(() => sandbox.restore(damaged)).toThrow(/^The snapshot is damaged: now: /);
    const brokenKey = structuredClone(before);
    const keys = brokenKey.accounts["123456789012"]!.regions["us-east-1"]!.kms.keys as unknown as Record<string, Record<string, unknown>>;
    keys[keyId]!.arn = 42;
    expect(() => sandbox.restore(brokenKey)).toThrow(/^The snapshot is damaged: accounts\.123456789012\.regions\.us-east-1\.kms\.keys\./);
    expect(sandbox.snapshot()).toEqual(before);
    expect(sandbox.call("kms", "DescribeKey", { KeyId: keyId })).toMatchObject({ KeyMetadata: { Description: "kept", KeyState: "PendingDeletion" } });
  });
});
