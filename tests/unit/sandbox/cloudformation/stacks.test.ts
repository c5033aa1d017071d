import { beforeAll, describe, expect, it } from "vitest";
import { DAY } from "@/lib/sandbox/core/time";
import { ACCOUNT, cfn, createStack, describeStack, eventLines, events, expectError, ready, REGION, sandbox, ssm, START_SECONDS } from "./helpers";

/**
 * Stacks: CreateStack creates every resource of a template through the
 * simulated services, in dependency order, as the caller; DeleteStack
 * deletes them newest first. The sandbox finishes inside the call, so
 * DescribeStacks shows the final status at once; the events show each step.
 */

beforeAll(ready);

const EVERYTHING = `
AWSTemplateFormatVersion: "2010-09-09"
Description: One of each resource type the sandbox simulates
Resources:
  Instance:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      IamInstanceProfile: app-profile
      Tags:
        - Key: Name
          Value: !Sub "\${AWS::StackName}-web"
  Key:
    Type: AWS::KMS::Key
    Properties:
      Description: application key
      EnableKeyRotation: true
      PendingWindowInDays: 7
  KeyAlias:
    Type: AWS::KMS::Alias
    Properties:
      AliasName: !Sub "alias/\${AWS::StackName}"
      TargetKeyId: !Ref Key
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties:
      Description: database credentials
      KmsKeyId: !GetAtt Key.Arn
      GenerateSecretString:
        SecretStringTemplate: '{"username":"app"}'
        GenerateStringKey: password
        PasswordLength: 24
        ExcludePunctuation: true
  Endpoint:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/endpoint
      Type: String
      Value: !GetAtt Instance.PrivateDnsName
      Tags:
        team: web
Outputs:
  KeyArn:
    Value: !GetAtt [Key, Arn]
    Export:
      Name: !Sub "\${AWS::StackName}-key-arn"
  SecretArn:
    Description: the secret
    Value: !Ref Secret
  Zone:
    Value: !GetAtt Instance.AvailabilityZone
`;

describe("CreateStack", () => {
  it("creates each resource type in dependency order, each through its service, and answers with the stack id", () => {
    const { box, instances } = sandbox();
    const { StackId } = createStack(box, "app", EVERYTHING, { Tags: [{ Key: "owner", Value: "platform" }] });
    expect(StackId).toMatch(new RegExp(`^arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/app/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`));

    // Template order, except that each resource waits for what it refers to (Ref, Fn::GetAtt, Fn::Sub).
    expect(eventLines(box, "app")).toEqual([
      "app CREATE_IN_PROGRESS User Initiated",
      "Instance CREATE_IN_PROGRESS",
      "Instance CREATE_IN_PROGRESS Resource creation Initiated",
      "Instance CREATE_COMPLETE",
      "Key CREATE_IN_PROGRESS",
      "Key CREATE_IN_PROGRESS Resource creation Initiated",
      "Key CREATE_COMPLETE",
      "KeyAlias CREATE_IN_PROGRESS",
      "KeyAlias CREATE_IN_PROGRESS Resource creation Initiated",
      "KeyAlias CREATE_COMPLETE",
      "Secret CREATE_IN_PROGRESS",
      "Secret CREATE_IN_PROGRESS Resource creation Initiated",
      "Secret CREATE_COMPLETE",
      "Endpoint CREATE_IN_PROGRESS",
      "Endpoint CREATE_IN_PROGRESS Resource creation Initiated",
      "Endpoint CREATE_COMPLETE",
      "app CREATE_COMPLETE",
    ]);

    const resources = Object.fromEntries((cfn(box, "ListStackResources", { StackName: "app" }).StackResourceSummaries as Record<string, string>[]).map((r) => [r.LogicalResourceId, r.PhysicalResourceId]));
    const [instance] = [...instances.values()];
    expect(resources.Instance).toBe(instance!.instanceId);
    expect(instance).toMatchObject({ imageId: "ami-0abcdef1234567890", instanceType: "t3.micro", profile: "app-profile" });

    const key = box.call("kms", "DescribeKey", { KeyId: resources.Key! }).KeyMetadata as Record<string, unknown>;
    expect(key).toMatchObject({ KeyId: resources.Key, Description: "application key", KeyState: "Enabled" });
    expect(box.call("kms", "GetKeyRotationStatus", { KeyId: resources.Key! })).toMatchObject({ KeyRotationEnabled: true });
    expect((box.call("kms", "DescribeKey", { KeyId: "alias/app" }).KeyMetadata as Record<string, unknown>).KeyId).toBe(resources.Key);
    expect(resources.KeyAlias).toBe("alias/app");

    const secret = box.call("secretsmanager", "GetSecretValue", { SecretId: resources.Secret! });
    const value = JSON.parse(String(secret.SecretString)) as Record<string, string>;
    expect(value.username).toBe("app");
    expect(value.password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(box.call("secretsmanager", "DescribeSecret", { SecretId: resources.Secret! })).toMatchObject({ KmsKeyId: key.Arn, Description: "database credentials" });

    expect((ssm(box, "GetParameter", { Name: "/app/endpoint" }).Parameter as Record<string, unknown>).Value).toBe("ip-172-31-5-10.ec2.internal");
  });

  it("describes the stack with AWS's members, in AWS's order, and the outputs evaluated", () => {
    const { box } = sandbox();
    const { StackId } = createStack(box, "app", EVERYTHING, { Tags: [{ Key: "owner", Value: "platform" }] });
    const stack = describeStack(box, "app");
    expect(Object.keys(stack)).toEqual([
      "StackId",
      "StackName",
      "Description",
      "CreationTime",
      "RollbackConfiguration",
      "StackStatus",
      "DisableRollback",
      "NotificationARNs",
      "Outputs",
      "Tags",
      "EnableTerminationProtection",
      "DriftInformation",
    ]);
    expect(stack).toMatchObject({
      StackId,
      StackName: "app",
      Description: "One of each resource type the sandbox simulates",
      CreationTime: START_SECONDS,
      RollbackConfiguration: {},
      StackStatus: "CREATE_COMPLETE",
      DisableRollback: false,
      NotificationARNs: [],
      Tags: [{ Key: "owner", Value: "platform" }],
      EnableTerminationProtection: false,
      DriftInformation: { StackDriftStatus: "NOT_CHECKED" },
    });
    const secretArn = (cfn(box, "DescribeStackResources", { StackName: "app", LogicalResourceId: "Secret" }).StackResources as Record<string, string>[])[0]!.PhysicalResourceId;
    expect(stack.Outputs).toEqual([
      { OutputKey: "KeyArn", OutputValue: expect.stringMatching(/^arn:aws:kms:us-east-1:123456789012:key\//), ExportName: "app-key-arn" },
      { OutputKey: "SecretArn", OutputValue: secretArn, Description: "the secret" },
      { OutputKey: "Zone", OutputValue: "us-east-1a" },
    ]);
    // Without a name: every stack that is not deleted.
    expect((cfn(box, "DescribeStacks").Stacks as unknown[]).length).toBe(1);
  });

  it("records events newest first, the stack's own with a UUID and the stack id as physical id, the resources' with their properties", () => {
    const { box } = sandbox();
    const { StackId } = createStack(box, "one", { Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Name: "/one", Type: "String", Value: "v" } } } });
    const newest = (cfn(box, "DescribeStackEvents", { StackName: "one" }).StackEvents as Record<string, unknown>[])[0]!;
    expect(Object.keys(newest)).toEqual(["StackId", "EventId", "StackName", "LogicalResourceId", "PhysicalResourceId", "ResourceType", "Timestamp", "ResourceStatus"]);
    expect(newest).toMatchObject({ StackId, StackName: "one", LogicalResourceId: "one", PhysicalResourceId: StackId, ResourceType: "AWS::CloudFormation::Stack", ResourceStatus: "CREATE_COMPLETE" });
    expect(newest.EventId).toMatch(/^[0-9a-f-]{36}$/);
    const [, first, initiated, complete] = events(box, "one");
    expect(first).toMatchObject({ LogicalResourceId: "P", PhysicalResourceId: "", ResourceType: "AWS::SSM::Parameter", ResourceProperties: '{"Name":"/one","Type":"String","Value":"v"}' });
    expect(initiated).toMatchObject({ PhysicalResourceId: "/one", ResourceStatusReason: "Resource creation Initiated" });
    expect((complete as unknown as { EventId: string }).EventId).toMatch(/^P-CREATE_COMPLETE-2026-01-01T00:00:00\.\d{3}Z$/);
  });

  it("names resources the template does not name as CloudFormation does, and tags them with the stack", () => {
    const { box, instances } = sandbox();
    const { StackId } = createStack(
      box,
      "named",
      {
        Resources: {
          Param: { Type: "AWS::SSM::Parameter", Properties: { Type: "String", Value: "v", Tags: { team: "web" } } },
          Secret: { Type: "AWS::SecretsManager::Secret", Properties: { SecretString: "s", Tags: [{ Key: "team", Value: "web" }] } },
          Key: { Type: "AWS::KMS::Key", Properties: { Tags: [{ Key: "team", Value: "web" }] } },
          Server: { Type: "AWS::EC2::Instance", Properties: { ImageId: "ami-1", Tags: [{ Key: "team", Value: "web" }] } },
        },
      },
      { Tags: [{ Key: "owner", Value: "platform" }] },
    );
    const ids = Object.fromEntries((cfn(box, "ListStackResources", { StackName: "named" }).StackResourceSummaries as Record<string, string>[]).map((r) => [r.LogicalResourceId, r.PhysicalResourceId!]));
    // "CFN-<LogicalId>-<12 letters and digits>" (the SSM handler) and "<LogicalId>-<12>" for secrets.
    expect(ids.Param).toMatch(/^CFN-Param-[A-Za-z0-9]{12}$/);
    expect(ids.Secret).toMatch(new RegExp(`^arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:Secret-[A-Za-z0-9]{12}-[A-Za-z0-9]{6}$`));

    const cloudFormationTags = (logicalId: string) => [
      { Key: "aws:cloudformation:stack-name", Value: "named" },
      { Key: "aws:cloudformation:logical-id", Value: logicalId },
      { Key: "aws:cloudformation:stack-id", Value: StackId },
    ];
    const expected = (logicalId: string) => [{ Key: "team", Value: "web" }, { Key: "owner", Value: "platform" }, ...cloudFormationTags(logicalId)];
    expect(ssm(box, "ListTagsForResource", { ResourceType: "Parameter", ResourceId: ids.Param! }).TagList).toEqual(expected("Param"));
    expect(box.call("secretsmanager", "DescribeSecret", { SecretId: ids.Secret! }).Tags).toEqual(expected("Secret"));
    expect([...instances.values()][0]!.tags).toEqual(expected("Server"));
    // KMS keys get the template's and the stack's tags only: "KMS does not support system tags" (the KMS handler).
    expect(box.call("kms", "ListResourceTags", { KeyId: ids.Key! }).Tags).toEqual([
      { TagKey: "team", TagValue: "web" },
      { TagKey: "owner", TagValue: "platform" },
    ]);
  });

  it("refuses a name that is taken, and a name AWS does not allow", () => {
    const { box } = sandbox();
    createStack(box, "taken", { Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Type: "String", Value: "v" } } } });
    expectError(() => createStack(box, "taken", { Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Type: "String", Value: "v" } } } }), "AlreadyExistsException", "Stack [taken] already exists");
    expectError(
      () => createStack(box, "0MyStack", { Resources: {} }),
      "ValidationError",
      "1 validation error detected: Value '0MyStack' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*",
    );
    expectError(() => cfn(box, "CreateStack", { StackName: "no-template" }), "ValidationError", "Either Template URL or Template Body must be specified.");
    expectError(
      () => cfn(box, "DescribeStacks", { StackName: "my_stack" }),
      "ValidationError",
      "1 validation error detected: Value 'my_stack' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*",
    );
    // The model's own constraints (contracts/cloudformation.ts) fail with CloudFormation's code too.
    expectError(
      () => cfn(box, "CreateStack", { StackName: "tagged", TemplateBody: "{}", Tags: [{ Key: "team", Value: "" }] }),
      "ValidationError",
      "1 validation error detected: Value '' at 'tags.1.member.value' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it("makes its calls as the caller, on CloudFormation's behalf, so the trail shows who did what", () => {
    const { box } = sandbox();
    createStack(box, "trail", { Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Name: "/trail", Type: "String", Value: "v" } } } });
    const put = box.trail({ eventName: "PutParameter" }).at(-1)!;
    expect(put.userIdentity).toMatchObject({ arn: `arn:aws:iam::${ACCOUNT}:user/admin`, invokedBy: "cloudformation.amazonaws.com" });
    expect(box.trail({ eventName: "CreateStack" }).at(-1)!.eventSource).toBe("cloudformation.amazonaws.com");
  });
});

describe("intrinsic functions and pseudo parameters", () => {
  it("evaluates Ref, Fn::GetAtt, both forms of Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::Base64, Fn::GetAZs and AWS::NoValue", () => {
    const { box } = sandbox();
    const template = {
      Parameters: { Env: { Type: "String", Default: "prod" }, Zones: { Type: "CommaDelimitedList", Default: "x,y,z" } },
      Resources: {
        First: { Type: "AWS::SSM::Parameter", Properties: { Name: { "Fn::Sub": "/${Env}/first" }, Type: "String", Value: "one" } },
        Sub: { Type: "AWS::SSM::Parameter", Properties: { Name: "/sub", Type: "String", Value: { "Fn::Sub": ["${First}|${First.Type}|${AWS::Region}|${AWS::AccountId}|${AWS::Partition}|${AWS::URLSuffix}|${Var}|${!Literal}", { Var: { Ref: "Env" } }] } } },
        Join: { Type: "AWS::SSM::Parameter", Properties: { Name: "/join", Type: "String", Value: { "Fn::Join": [",", [{ "Fn::Select": [2, { Ref: "Zones" }] }, { "Fn::Select": ["1", { "Fn::Split": ["-", "a-b-c"] }] }, { "Fn::Select": [0, { "Fn::GetAZs": "" }] }, { "Fn::GetAtt": ["First", "Value"] }]] } } },
        Encoded: { Type: "AWS::SSM::Parameter", Properties: { Name: "/b64", Type: "String", Value: { "Fn::Base64": { "Fn::Sub": "${AWS::StackName}" } }, Description: { Ref: "AWS::NoValue" } } },
      },
      Outputs: { Id: { Value: { Ref: "AWS::StackId" } }, Zones: { Value: { "Fn::Join": ["+", { "Fn::GetAZs": { Ref: "AWS::Region" } }] } } },
    };
    const { StackId } = createStack(box, "fns", template);
    const value = (name: string) => (ssm(box, "GetParameter", { Name: name }).Parameter as Record<string, unknown>).Value;
    expect(value("/prod/first")).toBe("one");
    expect(value("/sub")).toBe(`/prod/first|String|us-east-1|${ACCOUNT}|aws|amazonaws.com|prod|\${Literal}`);
    expect(value("/join")).toBe("z,b,us-east-1a,one");
    expect(value("/b64")).toBe(btoa("fns"));
    // AWS::NoValue removes the property.
    expect(JSON.parse(events(box, "fns").find((event) => event.LogicalResourceId === "Encoded")!.ResourceProperties!)).toEqual({ Name: "/b64", Type: "String", Value: btoa("fns") });
    expect(describeStack(box, "fns").Outputs).toEqual([
      { OutputKey: "Id", OutputValue: StackId },
      { OutputKey: "Zones", OutputValue: "us-east-1a+us-east-1b+us-east-1c+us-east-1d+us-east-1e+us-east-1f" },
    ]);
  });

  it("reads YAML short forms: !Ref, !Sub, !GetAtt a.b, !Join, !Select, !Split, !Base64, !GetAZs", () => {
    const { box } = sandbox();
    createStack(
      box,
      "yaml",
      `
Resources:
  A:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /a
      Type: StringList
      Value: !Join [",", [!Select [1, !Split ["/", "x/y/z"]], !Select [0, !GetAZs ""], !Base64 "hi"]]
  B:
    Type: AWS::SSM::Parameter
    Properties:
      Name: !Sub
        - "/\${Prefix}/b"
        - Prefix: !Ref AWS::StackName
      Type: String
      Value: !GetAtt A.Value
`,
    );
    expect((ssm(box, "GetParameter", { Name: "/a" }).Parameter as Record<string, unknown>).Value).toBe("y,us-east-1a,aGk=");
    expect((ssm(box, "GetParameter", { Name: "/yaml/b" }).Parameter as Record<string, unknown>).Value).toBe("y,us-east-1a,aGk=");
  });
});

describe("DeleteStack", () => {
  it("deletes the resources newest first, with each service's own deletion rules", () => {
    const { box, instances } = sandbox();
    const { StackId } = createStack(box, "app", EVERYTHING);
    const ids = Object.fromEntries((cfn(box, "ListStackResources", { StackName: "app" }).StackResourceSummaries as Record<string, string>[]).map((r) => [r.LogicalResourceId, r.PhysicalResourceId!]));
    expect(cfn(box, "DeleteStack", { StackName: "app" })).toEqual({});
    expect(eventLines(box, String(StackId)).slice(17)).toEqual([
      "app DELETE_IN_PROGRESS User Initiated",
      "Endpoint DELETE_IN_PROGRESS",
      "Endpoint DELETE_COMPLETE",
      "Secret DELETE_IN_PROGRESS",
      "Secret DELETE_COMPLETE",
      "KeyAlias DELETE_IN_PROGRESS",
      "KeyAlias DELETE_COMPLETE",
      "Key DELETE_IN_PROGRESS",
      "Key DELETE_COMPLETE",
      "Instance DELETE_IN_PROGRESS",
      "Instance DELETE_COMPLETE",
      "app DELETE_COMPLETE",
    ]);
    expectError(() => ssm(box, "GetParameter", { Name: "/app/endpoint" }), "ParameterNotFound");
    // The secret is deleted without a recovery window, so its name is free at once.
    expectError(() => box.call("secretsmanager", "DescribeSecret", { SecretId: ids.Secret! }), "ResourceNotFoundException");
    // The key waits out PendingWindowInDays (7) like any key scheduled for deletion.
    const key = box.call("kms", "DescribeKey", { KeyId: ids.Key! }).KeyMetadata as Record<string, unknown>;
    expect(key).toMatchObject({ KeyState: "PendingDeletion", DeletionDate: START_SECONDS + 7 * 86_400 });
    expectError(() => box.call("kms", "DescribeKey", { KeyId: "alias/app" }), "NotFoundException");
    expect(instances.get(ids.Instance!)!.state).toBe("terminated");
  });

  it("leaves the deleted stack visible by its id and in ListStacks for 90 days, but not by name; the name is free again", () => {
    const { box } = sandbox();
    const template = { Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Type: "String", Value: "v" } } } };
    const { StackId } = createStack(box, "app", template);
    cfn(box, "DeleteStack", { StackName: "app" });
    expectError(() => describeStack(box, "app"), "ValidationError", "Stack with id app does not exist");
    const deleted = describeStack(box, String(StackId));
    expect(deleted).toMatchObject({ StackStatus: "DELETE_COMPLETE", DeletionTime: expect.any(Number) });
    expect(cfn(box, "DescribeStacks").Stacks).toEqual([]);

    const again = createStack(box, "app", template);
    expect(again.StackId).not.toBe(StackId);
    const list = (filter?: string[]) => (cfn(box, "ListStacks", filter ? { StackStatusFilter: filter } : {}).StackSummaries as Record<string, unknown>[]).map((s) => [s.StackId, s.StackStatus]);
    expect(list()).toEqual([
      [again.StackId, "CREATE_COMPLETE"],
      [StackId, "DELETE_COMPLETE"],
    ]);
    expect(list(["DELETE_COMPLETE"])).toEqual([[StackId, "DELETE_COMPLETE"]]);

    box.advanceClock(91 * DAY);
    expect(list()).toEqual([[again.StackId, "CREATE_COMPLETE"]]);
    expectError(() => describeStack(box, String(StackId)), "ValidationError", `Stack with id ${StackId} does not exist`);
  });

  it("keeps resources whose DeletionPolicy is Retain (DELETE_SKIPPED)", () => {
    const { box } = sandbox();
    createStack(box, "keep", {
      Resources: {
        Kept: { Type: "AWS::SSM::Parameter", DeletionPolicy: "Retain", Properties: { Name: "/kept", Type: "String", Value: "v" } },
        Gone: { Type: "AWS::SSM::Parameter", DeletionPolicy: "RetainExceptOnCreate", Properties: { Name: "/gone", Type: "String", Value: "v" } },
      },
    });
    cfn(box, "DeleteStack", { StackName: "keep" });
    expect((ssm(box, "GetParameter", { Name: "/kept" }).Parameter as Record<string, unknown>).Value).toBe("v");
    expect((ssm(box, "GetParameter", { Name: "/gone" }).Parameter as Record<string, unknown>).Value).toBe("v");
    ssm(box, "DeleteParameter", { Name: "/kept" });
    ssm(box, "DeleteParameter", { Name: "/gone" });
    // RetainExceptOnCreate deletes what a failed creation made; Retain keeps it.
    createStack(box, "failing", {
      Resources: {
        Kept: { Type: "AWS::SSM::Parameter", DeletionPolicy: "Retain", Properties: { Name: "/kept", Type: "String", Value: "v" } },
        Gone: { Type: "AWS::SSM::Parameter", DeletionPolicy: "RetainExceptOnCreate", Properties: { Name: "/gone", Type: "String", Value: "v" } },
        Bad: { Type: "AWS::SSM::Parameter", DependsOn: ["Kept", "Gone"], Properties: { Name: "/bad", Type: "SecureString", Value: "v" } },
      },
    });
    expect(eventLines(box, "failing").slice(-6)).toEqual([
      "Bad DELETE_IN_PROGRESS",
      "Bad DELETE_COMPLETE",
      "Gone DELETE_IN_PROGRESS",
      "Gone DELETE_COMPLETE",
      "Kept DELETE_SKIPPED",
      "failing ROLLBACK_COMPLETE",
    ]);
    expect((ssm(box, "GetParameter", { Name: "/kept" }).Parameter as Record<string, unknown>).Value).toBe("v");
    expectError(() => ssm(box, "GetParameter", { Name: "/gone" }), "ParameterNotFound");
  });

  it("succeeds and changes nothing for a stack that does not exist or is already deleted", () => {
    const { box } = sandbox();
    expect(cfn(box, "DeleteStack", { StackName: "never-created" })).toEqual({});
    const { StackId } = createStack(box, "gone", { Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Type: "String", Value: "v" } } } });
    cfn(box, "DeleteStack", { StackName: "gone" });
    const before = eventLines(box, String(StackId));
    expect(cfn(box, "DeleteStack", { StackName: String(StackId) })).toEqual({});
    expect(eventLines(box, String(StackId))).toEqual(before);
  });
});

describe("the read operations", () => {
  it("answers ValidationError for a stack that does not exist", () => {
    const { box } = sandbox();
    for (const operation of ["DescribeStacks", "DescribeStackEvents", "DescribeStackResources", "ListStackResources", "GetTemplate"]) {
      expectError(() => cfn(box, operation, { StackName: "ghost" }), "ValidationError", "Stack with id ghost does not exist");
    }
  });

  it("returns the template exactly as given, and what ValidateTemplate finds in it", () => {
    const { box } = sandbox();
    const body = `Description: kept as written
Parameters:
  Size:
    Type: Number
    Default: 3
    Description: how many
  Password:
    Type: String
    NoEcho: true
Resources:
  P:
    Type: AWS::SSM::Parameter
    Properties: { Type: String, Value: !Ref Size }
`;
    createStack(box, "tpl", body, { Parameters: [{ ParameterKey: "Password", ParameterValue: "pw" }] });
    expect(cfn(box, "GetTemplate", { StackName: "tpl" })).toEqual({ TemplateBody: body, StagesAvailable: ["Original", "Processed"] });
    expect(cfn(box, "ValidateTemplate", { TemplateBody: body })).toEqual({
      Parameters: [
        { ParameterKey: "Size", DefaultValue: "3", NoEcho: false, Description: "how many" },
        { ParameterKey: "Password", NoEcho: true },
      ],
      Description: "kept as written",
    });
  });

  it("finds a stack's resources by physical id", () => {
    const { box } = sandbox();
    createStack(box, "phys", { Resources: { P: { Type: "AWS::SSM::Parameter", Properties: { Name: "/phys", Type: "String", Value: "v" } } } });
    const [resource] = cfn(box, "DescribeStackResources", { PhysicalResourceId: "/phys" }).StackResources as Record<string, unknown>[];
    expect(Object.keys(resource!)).toEqual(["StackName", "StackId", "LogicalResourceId", "PhysicalResourceId", "ResourceType", "Timestamp", "ResourceStatus", "DriftInformation"]);
    expect(resource).toMatchObject({ StackName: "phys", LogicalResourceId: "P", ResourceStatus: "CREATE_COMPLETE", DriftInformation: { StackResourceDriftStatus: "NOT_CHECKED" } });
  });
});

describe("resource types the sandbox does not simulate", () => {
  it("are a valid template, but CreateStack says the sandbox does not create them and lists what it creates", () => {
    const { box } = sandbox();
    const template = JSON.stringify({ Resources: { Bucket: { Type: "AWS::S3::Bucket" }, P: { Type: "AWS::SSM::Parameter", Properties: { Type: "String", Value: "v" } } } });
    expect(cfn(box, "ValidateTemplate", { TemplateBody: template })).toEqual({ Parameters: [] });
    expectError(
      () => createStack(box, "s3", template),
      "ValidationError",
      "The sandbox does not simulate the resource type AWS::S3::Bucket. Its CloudFormation creates AWS::SSM::Parameter, AWS::SecretsManager::Secret, AWS::KMS::Key, AWS::KMS::Alias, AWS::EC2::Instance.",
    );
    expect(cfn(box, "ListStacks").StackSummaries).toEqual([]);
  });
});
