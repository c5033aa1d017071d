import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox/create-sandbox";

/**
 * EC2 as the integrations need it: an instance launched with an instance
 * profile runs its user data once at boot, as the profile's role, and what
 * the script printed is the console output (which the CLI base64-decodes for
 * you, botocore's decode_console_output). Without a profile the instance has
 * no credentials at all: the CLI on it says "Unable to locate credentials".
 * Errors carry EC2's codes (InvalidInstanceID.NotFound, InvalidAMIID.Malformed,
 * InvalidParameterValue for an unknown instance profile).
 */
const ACCOUNT = "123456789012";
const policy = (statements: object[]) => ({ Version: "2012-10-17", Statement: statements });

function sandbox() {
  const session = createSandbox({ scenario: "empty", seed: 11, now: "2026-05-01T08:00:00Z" });
  session.engine.putRole(ACCOUNT, "web", {
    trustedService: "ec2.amazonaws.com",
    policies: { Read: policy([{ Effect: "Allow", Action: "ssm:GetParameter", Resource: `arn:aws:ssm:*:${ACCOUNT}:parameter/web/*` }]) },
  });
  session.engine.putInstanceProfile(ACCOUNT, "web-profile", "web");
  session.engine.call("ssm", "PutParameter", { Name: "/web/greeting", Value: "hello", Type: "String" });
  session.runSync(
    "printf '#!/bin/bash\\necho \"greeting: $(aws ssm get-parameter --name /web/greeting --query Parameter.Value --output text)\"\\naws sts get-caller-identity --query Arn --output text\\n' > boot.sh",
  );
  session.runSync("IMG=$(aws ec2 describe-images --owners amazon --filters Name=architecture,Values=x86_64 --query 'Images[0].ImageId' --output text)");
  return session;
}

const consoleOf = (session: ReturnType<typeof sandbox>, id: string) => session.runSync(`aws ec2 get-console-output --instance-id ${id} --query Output --output text`).stdout;

describe("aws ec2 run-instances with user data", () => {
  it("answers the instance pending, as EC2 does, and it is running afterwards", () => {
    const session = sandbox();
    const launch = session.runSync("aws ec2 run-instances --image-id $IMG --instance-type t3.micro --iam-instance-profile Name=web-profile --user-data file://boot.sh");
    expect(launch.exitCode).toBe(0);
    const body = JSON.parse(launch.stdout) as { Instances: { InstanceId: string; State: { Code: number; Name: string }; IamInstanceProfile: { Arn: string } }[] };
    expect(body.Instances).toHaveLength(1);
    const [instance] = body.Instances;
    expect(instance?.InstanceId).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(instance?.State).toEqual({ Code: 0, Name: "pending" });
    expect(instance?.IamInstanceProfile.Arn).toBe(`arn:aws:iam::${ACCOUNT}:instance-profile/web-profile`);
    const state = session.runSync(`aws ec2 describe-instances --instance-ids ${instance?.InstanceId} --query 'Reservations[0].Instances[0].State' --output json`);
    expect(JSON.parse(state.stdout)).toEqual({ Code: 16, Name: "running" });
  });

  it("runs the script once at boot as a session of the profile's role named after the instance, and shows its output on the console", () => {
    const session = sandbox();
    const id = session.runSync("aws ec2 run-instances --image-id $IMG --iam-instance-profile Name=web-profile --user-data file://boot.sh --query 'Instances[0].InstanceId' --output text").stdout.trim();
    const output = consoleOf(session, id);
    expect(output).toContain("greeting: hello");
    expect(output).toContain(`arn:aws:sts::${ACCOUNT}:assumed-role/web/${id}`);
    // The role's calls are on the trail as the role's, not the learner's.
    const calls = session.engine.trail().filter((event) => event.eventName === "GetParameter");
    expect(calls.map((event) => (event.userIdentity as { arn?: string }).arn)).toEqual([`arn:aws:sts::${ACCOUNT}:assumed-role/web/${id}`]);
  });

  it("gives a script on an instance without a profile no credentials: the CLI there cannot find any", () => {
    const session = sandbox();
    const id = session.runSync("aws ec2 run-instances --image-id $IMG --user-data file://boot.sh --query 'Instances[0].InstanceId' --output text").stdout.trim();
    const output = consoleOf(session, id);
    expect(output).toContain('Unable to locate credentials. You can configure credentials by running "aws configure".');
    expect(output).not.toContain("greeting: hello");
  });

  it("sends the user data base64-encoded, as the CLI does for you, and shows it to anyone allowed DescribeInstanceAttribute", () => {
    const session = sandbox();
    const id = session.runSync("aws ec2 run-instances --image-id $IMG --user-data file://boot.sh --query 'Instances[0].InstanceId' --output text").stdout.trim();
    const attribute = session.runSync(`aws ec2 describe-instance-attribute --instance-id ${id} --attribute userData --query UserData.Value --output text | base64 -d`);
    expect(attribute.stdout).toBe(session.runSync("cat boot.sh").stdout);
  });

  it("takes user data of up to 16 KB before base64, as EC2 does", () => {
    const session = sandbox();
    session.fs.writeFile(`${session.fs.home}/big.sh`, new Uint8Array(16_384).fill(0x23));
    expect(session.runSync("aws ec2 run-instances --image-id $IMG --user-data fileb://big.sh --query 'length(Instances)'").stdout.trim()).toBe("1");
    session.fs.writeFile(`${session.fs.home}/big.sh`, new Uint8Array(16_385).fill(0x23));
    expect(session.runSync("aws ec2 run-instances --image-id $IMG --user-data fileb://big.sh").stderr).toBe(
      "\nAn error occurred (InvalidParameterValue) when calling the RunInstances operation: User data is limited to 16384 bytes\n",
    );
  });

  it("takes --count MIN[:MAX] in place of --min-count and --max-count, and refuses other forms with the CLI's message", () => {
    const session = sandbox();
    const two = session.runSync("aws ec2 run-instances --image-id $IMG --count 2 --query 'length(Instances)'");
    expect(two.stdout.trim()).toBe("2");
    const bad = session.runSync("aws ec2 run-instances --image-id $IMG --count two");
    expect(bad.exitCode).toBe(255);
    expect(bad.stderr).toBe("\ncount parameter should be of form min[:max] (e.g. 1 or 1:10)\n");
    const old = session.runSync("aws ec2 run-instances --image-id $IMG --min-count 1 --max-count 1");
    expect(old.exitCode).toBe(252);
    expect(old.stderr).toContain("Unknown options: --min-count, --max-count");
  });

  it("refuses an unknown instance profile, image or instance with EC2's errors", () => {
    const session = sandbox();
    const profile = session.runSync("aws ec2 run-instances --image-id $IMG --iam-instance-profile Name=nope");
    expect(profile.exitCode).toBe(254);
    expect(profile.stderr).toBe("\nAn error occurred (InvalidParameterValue) when calling the RunInstances operation: Value (nope) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name\n");
    const image = session.runSync("aws ec2 run-instances --image-id ami-12345678");
    expect(image.stderr).toBe("\nAn error occurred (InvalidAMIID.NotFound) when calling the RunInstances operation: The image id '[ami-12345678]' does not exist\n");
    const instance = session.runSync("aws ec2 get-console-output --instance-id i-0123456789abcdef0");
    expect(instance.stderr).toBe("\nAn error occurred (InvalidInstanceID.NotFound) when calling the GetConsoleOutput operation: The instance ID 'i-0123456789abcdef0' does not exist\n");
    expect(session.runSync("aws ec2 describe-instances --query 'length(Reservations)'").stdout.trim()).toBe("0");
  });

  it("answers values the model lists as enums, and filters without a name, with EC2's own errors, not a ValidationException", () => {
    const session = sandbox();
    const id = session.runSync("aws ec2 run-instances --image-id $IMG --query 'Instances[0].InstanceId' --output text").stdout.trim();
    // Recorded: https://github.com/aws/aws-cli/issues/4273 (EC2 answers an attribute it does not know so).
    expect(session.runSync(`aws ec2 describe-instance-attribute --instance-id ${id} --attribute colour`).stderr).toBe(
      "\nAn error occurred (InvalidParameterValue) when calling the DescribeInstanceAttribute operation: Value (colour) for parameter attribute is invalid. Unknown attribute.\n",
    );
    // Quoted from AWS in https://github.com/getmoto/moto/issues/1695; t3.mega is not in the model's list.
    expect(session.runSync("aws ec2 run-instances --image-id $IMG --instance-type t3.mega").stderr).toBe(
      "\nAn error occurred (InvalidParameterValue) when calling the RunInstances operation: Invalid value 't3.mega' for InstanceType.\n",
    );
    // Recorded for DescribeImages in https://github.com/aws/karpenter-provider-aws/issues/3532.
    expect(session.runSync("aws ec2 describe-images --filters Values=x86_64").stderr).toBe(
      "\nAn error occurred (InvalidParameterValue) when calling the DescribeImages operation: The filter 'null' is invalid\n",
    );
    expect(session.runSync("aws ec2 describe-instances --filters Values=running").stderr).toBe(
      "\nAn error occurred (InvalidParameterValue) when calling the DescribeInstances operation: The filter 'null' is invalid\n",
    );
    // An empty list never reaches EC2 as a parameter (botocore's EC2 serializer sends nothing for it).
    expect(() => session.engine.call("ec2", "TerminateInstances", { InstanceIds: [] })).toThrow("The request must contain the parameter InstanceId");
  });

  it("terminates: the response says shutting-down, the instance shows as terminated for an hour, then no more", () => {
    const session = sandbox();
    const id = session.runSync("aws ec2 run-instances --image-id $IMG --query 'Instances[0].InstanceId' --output text").stdout.trim();
    const terminate = JSON.parse(session.runSync(`aws ec2 terminate-instances --instance-ids ${id}`).stdout) as { TerminatingInstances: { CurrentState: { Name: string }; PreviousState: { Name: string } }[] };
    expect(terminate.TerminatingInstances[0]?.PreviousState.Name).toBe("running");
    expect(terminate.TerminatingInstances[0]?.CurrentState.Name).toBe("shutting-down");
    expect(session.runSync(`aws ec2 describe-instances --filters Name=instance-state-name,Values=terminated --query 'Reservations[].Instances[].InstanceId' --output text`).stdout.trim()).toBe(id);
    session.runSync("clock advance 2h");
    expect(session.runSync("aws ec2 describe-instances --query 'length(Reservations)'").stdout.trim()).toBe("0");
  });

  it("needs iam:PassRole on the profile's role to launch with it", () => {
    const session = sandbox();
    session.engine.putUser(ACCOUNT, "launcher", { Launch: policy([{ Effect: "Allow", Action: ["ec2:RunInstances", "ec2:Describe*"], Resource: "*" }]) });
    session.engine.actAs({ accountId: ACCOUNT, kind: "user", name: "launcher" });
    const denied = session.runSync("aws ec2 run-instances --image-id $IMG --iam-instance-profile Name=web-profile");
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toContain("An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation.");
    expect(denied.stderr).toContain(`is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${ACCOUNT}:role/web`);
    expect(session.runSync("aws ec2 run-instances --image-id $IMG --query 'Instances[0].State.Name' --output text").stdout.trim()).toBe("pending");
  });

  it("keeps instances and their console output through a snapshot and restore", () => {
    const session = sandbox();
    const id = session.runSync("aws ec2 run-instances --image-id $IMG --iam-instance-profile Name=web-profile --user-data file://boot.sh --query 'Instances[0].InstanceId' --output text").stdout.trim();
    const copy = createSandbox({ scenario: "empty", seed: 1 });
    copy.restore(session.snapshot());
    expect(copy.runSync(`aws ec2 get-console-output --instance-id ${id} --query Output --output text`).stdout).toContain("greeting: hello");
  });
});

describe("aws ec2 run-instances --image-id resolve:ssm:", () => {
  it("launches the AMI a public or own parameter names, read as the caller on EC2's behalf (RunInstances API reference, ImageId)", () => {
    const session = sandbox();
    const publicName = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
    const expected = session.runSync(`aws ssm get-parameter --name ${publicName} --query Parameter.Value --output text`).stdout.trim();
    const launched = session.runSync(`aws ec2 run-instances --image-id resolve:ssm:${publicName} --instance-type t3.micro --query 'Instances[0].ImageId' --output text`);
    expect([launched.exitCode, launched.stdout]).toEqual([0, `${expected}\n`]);
    session.runSync(`aws ssm put-parameter --name /golden/ami --type String --data-type aws:ec2:image --value ${expected}`);
    expect(session.runSync("aws ec2 run-instances --image-id resolve:ssm:/golden/ami:1 --query 'Instances[0].ImageId' --output text").stdout).toBe(`${expected}\n`);
    const lookups = session.engine.trail({ eventName: "GetParameter" }).filter((event) => event.userIdentity.invokedBy === "ec2.amazonaws.com");
    expect(lookups).toHaveLength(2);
  });

  it("refuses a parameter that does not exist, and one whose value is not an AMI id", () => {
    const session = sandbox();
    const missing = session.runSync("aws ec2 run-instances --image-id resolve:ssm:/nope");
    expect(missing.exitCode).toBe(254);
    expect(missing.stderr).toContain("(InvalidParameterValue) when calling the RunInstances operation: Invalid value 'resolve:ssm:/nope' for parameter ImageId");
    session.runSync("aws ssm put-parameter --name /not-an-ami --type String --value hello");
    expect(session.runSync("aws ec2 run-instances --image-id resolve:ssm:/not-an-ami").stderr).toContain("InvalidAMIID.Malformed");
  });
});
