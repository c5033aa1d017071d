import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox/create-sandbox";
import { ACCOUNT, expectError, sandbox, ssm } from "./helpers";

/**
 * Public parameters under /aws/service/: the same in every account, read-only,
 * with ARNs that have no account (as the IAM policies that grant them write
 * them: arn:aws:ssm:REGION::parameter/aws/service/...). The Region names are
 * botocore's endpoints.json descriptions.
 */
describe("public parameters", () => {
  it("serves a Region's code and long name", () => {
    const box = sandbox();
    expect(ssm(box, "GetParameter", { Name: "/aws/service/global-infrastructure/regions/eu-west-1/longName" })["Parameter"]).toMatchObject({
      Name: "/aws/service/global-infrastructure/regions/eu-west-1/longName",
      Type: "String",
      Value: "Europe (Ireland)",
      ARN: "arn:aws:ssm:us-east-1::parameter/aws/service/global-infrastructure/regions/eu-west-1/longName",
    });
  });

  it("serves the Region's latest Amazon Linux 2023 image, which run-instances launches", () => {
    const session = createSandbox({ scenario: "empty", seed: 3 });
    const image = session.runSync("aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --query Parameter.Value --output text").stdout.trim();
    expect(image).toMatch(/^ami-0[0-9a-f]{16}$/);
    expect(session.runSync(`aws ec2 describe-images --image-ids ${image} --query 'Images[0].Architecture' --output text`).stdout.trim()).toBe("x86_64");
    expect(session.runSync(`aws ec2 run-instances --image-id ${image} --query 'Instances[0].ImageId' --output text`).stdout.trim()).toBe(image);
    // Another Region, another image.
    const elsewhere = session.runSync("aws ssm get-parameter --region eu-west-1 --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --query Parameter.Value --output text").stdout.trim();
    expect(elsewhere).not.toBe(image);
  });

  it("lists a branch by path, ten at a time", () => {
    const box = sandbox();
    const first = ssm(box, "GetParametersByPath", { Path: "/aws/service/global-infrastructure/regions" }) as { Parameters: { Name: string; Value: string }[]; NextToken?: string };
    expect(first.Parameters).toHaveLength(10);
    expect(first.Parameters.every((parameter) => !parameter.Name.endsWith("/longName"))).toBe(true);
    expect(first.NextToken).toBeDefined();
    const ami = ssm(box, "GetParametersByPath", { Path: "/aws/service/ami-amazon-linux-latest" }) as { Parameters: { Name: string }[] };
    expect(ami.Parameters.map((parameter) => parameter.Name)).toEqual([
      "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
      "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
    ]);
  });

  it("answers ParameterNotFound for a public name it does not serve, refuses writes, and needs ssm:GetParameter on the account-less ARN", () => {
    const box = sandbox();
    expectError(() => ssm(box, "GetParameter", { Name: "/aws/service/nope" }), "ParameterNotFound");
    expectError(() => ssm(box, "PutParameter", { Name: "/aws/service/mine", Value: "x", Type: "String" }), "AccessDeniedException");
    box.putUser(ACCOUNT, "reader", {
      Read: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "arn:aws:ssm:*::parameter/aws/service/global-infrastructure/*" }] },
    });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "reader" });
    expect(ssm(box, "GetParameter", { Name: "/aws/service/global-infrastructure/regions/us-east-1" })["Parameter"]).toMatchObject({ Value: "us-east-1" });
    expectError(() => ssm(box, "GetParameter", { Name: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" }), "AccessDeniedException");
  });
});
