import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Sandbox } from "@/lib/sandbox";
import { ACCOUNT, cfn, createStack, describeStack, ready, START } from "./helpers";

/**
 * AWS::EC2::Instance with the sandbox's own EC2 (the other specifications use a stand-in): RunInstances as the
 * caller, the stack's tags on the instance, Ref and Fn::GetAtt from the launched instance, TerminateInstances
 * when the stack is deleted.
 */

beforeAll(ready);

function engine(): { box: Sandbox; imageId: string } {
  const box = createEngine({ seed: 11, now: START });
  const images = box.call("ec2", "DescribeImages", { Owners: ["amazon"] }).Images as Record<string, string>[];
  return { box, imageId: images.find((image) => image.Architecture === "x86_64")!.ImageId! };
}

function instance(box: Sandbox, instanceId: string): Record<string, unknown> {
  const reservations = box.call("ec2", "DescribeInstances", { InstanceIds: [instanceId] }).Reservations as Record<string, unknown>[];
  return (reservations[0]!.Instances as Record<string, unknown>[])[0]!;
}

describe("AWS::EC2::Instance through the sandbox's EC2", () => {
  it("launches the instance with the stack's tags, answers Ref and GetAtt from it, and terminates it with the stack", () => {
    const { box, imageId } = engine();
    box.call("secretsmanager", "CreateSecret", { Name: "app/db", SecretString: JSON.stringify({ password: "p1" }) });
    const { StackId } = createStack(box, "web", {
      Parameters: { Image: { Type: "String", Default: imageId } },
      Resources: {
        Web: {
          Type: "AWS::EC2::Instance",
          Properties: {
            ImageId: { Ref: "Image" },
            InstanceType: "t3.micro",
            UserData: { "Fn::Base64": "#!/bin/bash\necho password={{resolve:secretsmanager:app/db:SecretString:password}}\n" },
            Tags: [{ Key: "Name", Value: "web" }],
          },
        },
      },
      Outputs: { Id: { Value: { Ref: "Web" } }, Ip: { Value: { "Fn::GetAtt": ["Web", "PrivateIp"] } }, Dns: { Value: { "Fn::GetAtt": "Web.PrivateDnsName" } }, Zone: { Value: { "Fn::GetAtt": ["Web", "AvailabilityZone"] } } },
    });
    const outputs = Object.fromEntries((describeStack(box, "web").Outputs as Record<string, string>[]).map((output) => [output.OutputKey, output.OutputValue]));
    const launched = instance(box, outputs.Id!);
    expect(launched).toMatchObject({ InstanceType: "t3.micro", ImageId: imageId, PrivateIpAddress: outputs.Ip, PrivateDnsName: outputs.Dns, Placement: { AvailabilityZone: outputs.Zone } });
    expect(launched.Tags).toEqual([
      { Key: "Name", Value: "web" },
      { Key: "aws:cloudformation:stack-name", Value: "web" },
      { Key: "aws:cloudformation:logical-id", Value: "Web" },
      { Key: "aws:cloudformation:stack-id", Value: StackId },
    ]);
    const run = box.trail({ eventName: "RunInstances" }).at(-1)!;
    expect(run.userIdentity).toMatchObject({ arn: `arn:aws:iam::${ACCOUNT}:user/admin`, invokedBy: "cloudformation.amazonaws.com" });

    // Dynamic references are not supported in UserData: the instance gets the reference text, not the password.
    const userData = box.call("ec2", "DescribeInstanceAttribute", { InstanceId: outputs.Id!, Attribute: "userData" }).UserData as { Value: string };
    expect(atob(userData.Value)).toBe("#!/bin/bash\necho password={{resolve:secretsmanager:app/db:SecretString:password}}\n");

    cfn(box, "DeleteStack", { StackName: "web" });
    expect((instance(box, outputs.Id!).State as Record<string, unknown>).Name).toBe("terminated");
  });

  it("fails the resource with EC2's own message when EC2 refuses the launch", () => {
    const { box } = engine();
    createStack(box, "bad", { Resources: { Web: { Type: "AWS::EC2::Instance", Properties: { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro" } } } });
    const failed = (cfn(box, "DescribeStackEvents", { StackName: "bad" }).StackEvents as Record<string, string>[]).find((event) => event.ResourceStatus === "CREATE_FAILED")!;
    const direct = (() => {
      try {
        box.call("ec2", "RunInstances", { ImageId: "ami-0123456789abcdef0", MinCount: 1, MaxCount: 1 });
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    })();
    expect(failed.ResourceStatusReason).toBe(direct);
    expect(describeStack(box, "bad").StackStatus).toBe("ROLLBACK_COMPLETE");
  });
});
