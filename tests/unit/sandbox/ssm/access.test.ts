import { describe, expect, it } from "vitest";
import type { Sandbox } from "@/lib/sandbox/index";
import { ssmService } from "@/lib/sandbox/ssm/service";
import { ACCOUNT, ARN_PREFIX, expectError, failure, get, put, sandbox, ssm } from "./helpers";

/**
 * Who may do what: parameters have no resource policy, so the caller's IAM
 * policies decide, against the parameter's ARN (GetParametersByPath: the
 * path's; DescribeParameters: the account's Systems Manager resources).
 * The world's ec2-app-role may read /app and everything under it, nothing else.
 */

const ROLE = `arn:aws:sts::${ACCOUNT}:assumed-role/ec2-app-role/i-0abc`;

function world(): Sandbox {
  const box = sandbox();
  put(box, "/app/db/host", "db.internal");
  ssm(box, "PutParameter", { Name: "/app/db/password", Value: "s3cr3t!", Type: "SecureString" });
  put(box, "/app/url", "https://app.example.com");
  put(box, "/other/secret", "not for the app");
  box.actAs({ accountId: ACCOUNT, kind: "role", name: "ec2-app-role", sessionName: "i-0abc" });
  return box;
}

const denied = (action: string, resource: string) => `User: ${ROLE} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

describe("an instance role allowed /app/* only", () => {
  it("reads parameters under /app, SecureStrings included (the aws/ssm key serves every principal of the account via SSM)", () => {
    const box = world();
    expect(get(box, "/app/db/host").Value).toBe("db.internal");
    expect(get(box, "/app/db/password", { WithDecryption: true }).Value).toBe("s3cr3t!");
    const byPath = ssm(box, "GetParametersByPath", { Path: "/app", Recursive: true, WithDecryption: true });
    expect((byPath.Parameters as Record<string, unknown>[]).map((p) => [p.Name, p.Value])).toEqual([
      ["/app/db/host", "db.internal"],
      ["/app/db/password", "s3cr3t!"],
      ["/app/url", "https://app.example.com"],
    ]);
  });

  it("is denied elsewhere with AWS's AccessDeniedException message", () => {
    const box = world();
    expectError(() => get(box, "/other/secret"), "AccessDeniedException", denied("ssm:GetParameter", `${ARN_PREFIX}other/secret`));
    // Authorisation comes first: a name that does not exist is denied, not "not found".
    expectError(() => get(box, "/other/missing"), "AccessDeniedException", denied("ssm:GetParameter", `${ARN_PREFIX}other/missing`));
  });

  it("is authorised on the path for GetParametersByPath", () => {
    const box = world();
    expectError(() => ssm(box, "GetParametersByPath", { Path: "/other" }), "AccessDeniedException", denied("ssm:GetParametersByPath", `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/other`));
    expectError(() => ssm(box, "GetParametersByPath", { Path: "/", Recursive: true }), "AccessDeniedException", denied("ssm:GetParametersByPath", `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/`));
    expect((ssm(box, "GetParametersByPath", { Path: "/app/" }).Parameters as unknown[]).length).toBe(1);
  });

  it("fails a whole GetParameters call when one name is denied", () => {
    const box = world();
    expectError(() => ssm(box, "GetParameters", { Names: ["/app/db/host", "/other/secret"] }), "AccessDeniedException", denied("ssm:GetParameters", `${ARN_PREFIX}other/secret`));
  });

  it("may not write, delete, describe or read history", () => {
    const box = world();
    expectError(() => put(box, "/app/db/host", "x", { Overwrite: true }), "AccessDeniedException", denied("ssm:PutParameter", `${ARN_PREFIX}app/db/host`));
    expectError(() => ssm(box, "DeleteParameter", { Name: "/app/url" }), "AccessDeniedException", denied("ssm:DeleteParameter", `${ARN_PREFIX}app/url`));
    expectError(() => ssm(box, "DescribeParameters", {}), "AccessDeniedException", denied("ssm:DescribeParameters", `arn:aws:ssm:us-east-1:${ACCOUNT}:*`));
    expectError(() => ssm(box, "GetParameterHistory", { Name: "/app/url" }), "AccessDeniedException", denied("ssm:GetParameterHistory", `${ARN_PREFIX}app/url`));
    expectError(() => ssm(box, "ListTagsForResource", { ResourceType: "Parameter", ResourceId: "/app/url" }), "AccessDeniedException");
  });

  it("leaves the decision and its trace on the trail", () => {
    const box = world();
    failure(() => get(box, "/other/secret"));
    const event = box.trail({ eventName: "GetParameter", onlyErrors: true }).at(-1);
    expect(event?.userIdentity.arn).toBe(ROLE);
    expect(event?.errorCode).toBe("AccessDeniedException");
    expect(event?.authorizations[0]).toMatchObject({ action: "ssm:GetParameter", resource: `${ARN_PREFIX}other/secret`, decision: "ImplicitDeny" });
  });
});

describe("tag-based access", () => {
  it("offers a parameter's tags as ssm:resourceTag/<key>", () => {
    const box = sandbox();
    put(box, "/web/a", "a", { Tags: [{ Key: "team", Value: "web" }] });
    put(box, "/web/b", "b", { Tags: [{ Key: "team", Value: "data" }] });
    box.putUser(ACCOUNT, "web-dev", {
      ReadWebParameters: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*", Condition: { StringEquals: { "ssm:resourceTag/team": "web" } } }],
      },
    });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "web-dev" });
    expect(get(box, "/web/a").Value).toBe("a");
    expectError(() => get(box, "/web/b"), "AccessDeniedException");
  });
});

describe("error bodies", () => {
  it("name the message member as the SSM model does for each error", () => {
    const box = world();
    const deniedBody = failure(() => get(box, "/other/secret")).toWire(ssmService.errorMessageKey, ssmService.errorMessageKeys);
    expect(Object.keys(deniedBody)).toEqual(["__type", "Message"]);
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "admin" });
    const notFound = failure(() => get(box, "/nope")).toWire(ssmService.errorMessageKey, ssmService.errorMessageKeys);
    expect(notFound).toEqual({ __type: "ParameterNotFound", message: "" });
    const validation = failure(() => put(box, "/app/x", "v", { Type: "Foo" })).toWire(ssmService.errorMessageKey, ssmService.errorMessageKeys);
    expect(Object.keys(validation)).toEqual(["__type", "Message"]);
  });
});
