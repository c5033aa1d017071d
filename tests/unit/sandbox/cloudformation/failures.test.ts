import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/lib/sandbox";
import { ACCOUNT, cfn, createStack, describeStack, eventLines, events, expectError, ready, sandbox, ssm } from "./helpers";

/**
 * When a resource fails: CloudFormation acts with the caller's permissions
 * (no service role), so a caller who may not create a resource sees the
 * service's AccessDenied text in the resource's status reason. Then the
 * stack rolls back (the default), stops (DisableRollback / OnFailure
 * DO_NOTHING) or is deleted (OnFailure DELETE).
 */

beforeAll(ready);

/** A user who may use CloudFormation, Secrets Manager and KMS, and read but not write Parameter Store. */
function deployer(box: Sandbox, extra: object[] = []): void {
  box.putUser(ACCOUNT, "deployer", {
    Deploy: {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["cloudformation:*", "secretsmanager:*", "kms:*", "ssm:GetParameter*", "ssm:DeleteParameter"], Resource: "*" }, ...extra],
    },
  });
  box.actAs({ accountId: ACCOUNT, kind: "user", name: "deployer" });
}

const SECRET_THEN_PARAMETER = {
  Resources: {
    Secret: { Type: "AWS::SecretsManager::Secret", Properties: { Name: "app/first", SecretString: "first" } },
    Param: { Type: "AWS::SSM::Parameter", DependsOn: "Secret", Properties: { Name: "/app/x", Type: "String", Value: "v" } },
  },
};

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

describe("a caller without permission for a resource", () => {
  it("fails that resource with the service's AccessDenied text, and the rollback deletes what was created before it", () => {
    const { box } = sandbox();
    deployer(box);
    createStack(box, "denied", SECRET_THEN_PARAMETER);
    const failed = events(box, "denied").find((event) => event.ResourceStatus === "CREATE_FAILED")!;
    expect(failed.LogicalResourceId).toBe("Param");
    expect(failed.ResourceStatusReason).toMatch(
      new RegExp(
        `^User: arn:aws:iam::${ACCOUNT}:user/deployer is not authorized to perform: ssm:PutParameter on resource: arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/x because no identity-based policy allows the ssm:PutParameter action \\(Service: AmazonSSM; Status Code: 400; Error Code: AccessDeniedException; Request ID: ${UUID}; Proxy: null\\)$`,
      ),
    );
    expect(eventLines(box, "denied").slice(-6)).toEqual([
      "denied ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Param]. Rollback requested by user.",
      "Param DELETE_IN_PROGRESS",
      "Param DELETE_COMPLETE",
      "Secret DELETE_IN_PROGRESS",
      "Secret DELETE_COMPLETE",
      "denied ROLLBACK_COMPLETE",
    ]);
    expect(describeStack(box, "denied")).toMatchObject({ StackStatus: "ROLLBACK_COMPLETE", StackStatusReason: "The following resource(s) failed to create: [Param]. Rollback requested by user." });
    expectError(() => box.call("secretsmanager", "DescribeSecret", { SecretId: "app/first" }), "ResourceNotFoundException");
    // The denied call is on the trail, made by the deployer through CloudFormation.
    const put = box.trail({ eventName: "PutParameter", onlyErrors: true }).at(-1)!;
    expect(put).toMatchObject({ errorCode: "AccessDeniedException", userIdentity: { arn: `arn:aws:iam::${ACCOUNT}:user/deployer`, invokedBy: "cloudformation.amazonaws.com" } });
    // The stack stays, its name taken, until it is deleted.
    expectError(() => createStack(box, "denied", SECRET_THEN_PARAMETER), "AlreadyExistsException", "Stack [denied] already exists");
    cfn(box, "DeleteStack", { StackName: "denied" });
    expectError(() => describeStack(box, "denied"), "ValidationError", "Stack with id denied does not exist");
  });

  it("for KMS, reads as the KMS resource handler reports it", () => {
    const { box } = sandbox();
    box.putUser(ACCOUNT, "deployer", { Deploy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["cloudformation:*"], Resource: "*" }] } });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "deployer" });
    createStack(box, "kms", { Resources: { Key: { Type: "AWS::KMS::Key", Properties: { Description: "k" } } } });
    const failed = events(box, "kms").find((event) => event.ResourceStatus === "CREATE_FAILED")!;
    expect(failed.ResourceStatusReason).toMatch(new RegExp(`^Resource handler returned message: "Access denied for operation 'CreateKey'\\." \\(RequestToken: ${UUID}, HandlerErrorCode: AccessDenied\\)$`));
  });

  it("may not use CloudFormation itself without cloudformation:CreateStack", () => {
    const { box } = sandbox();
    box.putUser(ACCOUNT, "nobody", { None: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:*", Resource: "*" }] } });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "nobody" });
    expectError(
      () => createStack(box, "app", SECRET_THEN_PARAMETER),
      "AccessDenied",
      `User: arn:aws:iam::${ACCOUNT}:user/nobody is not authorized to perform: cloudformation:CreateStack on resource: arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/app/* because no identity-based policy allows the cloudformation:CreateStack action`,
    );
  });
});

describe("what CloudFormation refuses to create", () => {
  it("will not create a SecureString parameter", () => {
    const { box } = sandbox();
    createStack(box, "secure", { Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Name: "/p", Type: "SecureString", Value: "v" } } } });
    expect(eventLines(box, "secure")[2]).toBe("P CREATE_FAILED SSM Parameters of type SecureString cannot be created using CloudFormation");
    expectError(() => ssm(box, "GetParameter", { Name: "/p" }), "ParameterNotFound");
  });
});

describe("OnFailure", () => {
  it("DO_NOTHING (or DisableRollback) stops at CREATE_FAILED and keeps what was created, to inspect", () => {
    for (const extra of [{ OnFailure: "DO_NOTHING" }, { DisableRollback: true }]) {
      const { box } = sandbox();
      deployer(box);
      createStack(box, "kept", SECRET_THEN_PARAMETER, extra);
      expect(describeStack(box, "kept")).toMatchObject({ StackStatus: "CREATE_FAILED", StackStatusReason: "The following resource(s) failed to create: [Param]. ", DisableRollback: true });
      expect(eventLines(box, "kept").at(-1)).toBe("kept CREATE_FAILED The following resource(s) failed to create: [Param]. ");
      expect(box.call("secretsmanager", "DescribeSecret", { SecretId: "app/first" }).Name).toBe("app/first");
      // Deleting the stack cleans up.
      cfn(box, "DeleteStack", { StackName: "kept" });
      expectError(() => box.call("secretsmanager", "DescribeSecret", { SecretId: "app/first" }), "ResourceNotFoundException");
    }
  });

  it("DELETE deletes what was created and the stack, leaving it visible only by id", () => {
    const { box } = sandbox();
    deployer(box);
    const { StackId } = createStack(box, "gone", SECRET_THEN_PARAMETER, { OnFailure: "DELETE" });
    expect(eventLines(box, String(StackId)).slice(-6)).toEqual([
      "gone DELETE_IN_PROGRESS The following resource(s) failed to create: [Param]. Delete requested by user.",
      "Param DELETE_IN_PROGRESS",
      "Param DELETE_COMPLETE",
      "Secret DELETE_IN_PROGRESS",
      "Secret DELETE_COMPLETE",
      "gone DELETE_COMPLETE",
    ]);
    expectError(() => describeStack(box, "gone"), "ValidationError", "Stack with id gone does not exist");
    expect(describeStack(box, String(StackId)).StackStatus).toBe("DELETE_COMPLETE");
  });
});

describe("DeleteStack without permission to delete a resource", () => {
  it("ends DELETE_FAILED with the resource's reason; deleting again with permission finishes", () => {
    const { box } = sandbox();
    createStack(box, "sticky", { Resources: { Param: { Type: "AWS::SSM::Parameter", Properties: { Name: "/sticky", Type: "String", Value: "v" } } } });
    box.putUser(ACCOUNT, "deleter", { Delete: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "cloudformation:*", Resource: "*" }] } });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "deleter" });
    cfn(box, "DeleteStack", { StackName: "sticky" });
    expect(describeStack(box, "sticky")).toMatchObject({ StackStatus: "DELETE_FAILED", StackStatusReason: "The following resource(s) failed to delete: [Param]. " });
    const failed = events(box, "sticky").find((event) => event.ResourceStatus === "DELETE_FAILED")!;
    expect(failed.ResourceStatusReason).toMatch(/^User: arn:aws:iam::123456789012:user\/deleter is not authorized to perform: ssm:DeleteParameter on resource: .* \(Service: AmazonSSM; Status Code: 400; Error Code: AccessDeniedException; Request ID: .*; Proxy: null\)$/);

    box.actAs({ accountId: ACCOUNT, kind: "user", name: "admin" });
    cfn(box, "DeleteStack", { StackName: "sticky" });
    expectError(() => describeStack(box, "sticky"), "ValidationError");
    expectError(() => ssm(box, "GetParameter", { Name: "/sticky" }), "ParameterNotFound");
  });
});
