import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox/create-sandbox";

/**
 * The learner's Lambda functions: deployed from a zip with the CLI's
 * --zip-file fileb://, run on the OS-only runtime as shell handlers
 * ("function.handler": function.sh's shell function `handler`, the event as
 * $1, the response on stdout), as a session of the execution role named
 * after the function. `aws lambda invoke` writes the response to its
 * outfile; a failing handler is FunctionError "Unhandled" with the runtime's
 * error object. Messages are Lambda's ("Function not found: ARN",
 * "Function already exist: NAME", the reserved-keys and role texts).
 */
const ACCOUNT = "123456789012";
const ROLE = `arn:aws:iam::${ACCOUNT}:role/reader`;
const policy = (statements: object[]) => ({ Version: "2012-10-17", Statement: statements });

const HANDLER = `function handler () {
  echo "event was $1" >&2
  VALUE=$(aws ssm get-parameter --name /fn/value --query Parameter.Value --output text) || return 1
  echo "{\\"value\\": \\"$VALUE\\", \\"who\\": \\"$(aws sts get-caller-identity --query Arn --output text)\\", \\"region\\": \\"$AWS_REGION\\", \\"mode\\": \\"$MODE\\"}"
}
`;

function sandbox() {
  const session = createSandbox({ scenario: "empty", seed: 12, now: "2026-05-01T08:00:00Z" });
  session.engine.putRole(ACCOUNT, "reader", {
    trustedService: "lambda.amazonaws.com",
    policies: { Read: policy([{ Effect: "Allow", Action: "ssm:GetParameter", Resource: `arn:aws:ssm:*:${ACCOUNT}:parameter/fn/*` }]) },
  });
  session.engine.call("ssm", "PutParameter", { Name: "/fn/value", Value: "42", Type: "String" });
  session.fs.writeFile(`${session.fs.home}/function.sh`, new TextEncoder().encode(HANDLER));
  session.runSync("zip -q function.zip function.sh");
  return session;
}

const create = (session: ReturnType<typeof sandbox>, extra = "") =>
  session.runSync(`aws lambda create-function --function-name demo --runtime provided.al2023 --handler function.handler --role ${ROLE} --zip-file fileb://function.zip${extra}`);

describe("aws lambda create-function and invoke", () => {
  it("deploys a zip and describes the function with Lambda's configuration shape", () => {
    const session = sandbox();
    const result = create(session, " --environment Variables={MODE=test}");
    expect(result.exitCode).toBe(0);
    const config = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(config).toMatchObject({
      FunctionName: "demo",
      FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:demo`,
      Runtime: "provided.al2023",
      Role: ROLE,
      Handler: "function.handler",
      Timeout: 3,
      MemorySize: 128,
      Version: "$LATEST",
      Environment: { Variables: { MODE: "test" } },
      State: "Active",
      PackageType: "Zip",
    });
    expect(config.LastModified).toBe("2026-05-01T08:00:00.000+0000");
    // CodeSha256 is the base64 SHA-256 of the zip (here computed by Node's crypto).
    const zip = session.fs.readFile(`${session.fs.home}/function.zip`);
    expect(config.CodeSha256).toBe(createHash("sha256").update(zip).digest("base64"));
    expect(config.CodeSize).toBe(zip.length);
  });

  it("runs the handler as the execution role and writes its response to the outfile; the CLI prints the status", () => {
    const session = sandbox();
    create(session, " --environment Variables={MODE=test}");
    const result = session.runSync("aws lambda invoke --function-name demo --cli-binary-format raw-in-base64-out --payload '{\"id\": 7}' out.json");
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ StatusCode: 200, ExecutedVersion: "$LATEST" });
    const response = JSON.parse(session.runSync("cat out.json").stdout) as Record<string, string>;
    expect(response).toEqual({ value: "42", who: `arn:aws:sts::${ACCOUNT}:assumed-role/reader/demo`, region: "us-east-1", mode: "test" });
  });

  it("returns the end of the log with --log-type Tail, base64-encoded, between START and END lines", () => {
    const session = sandbox();
    create(session);
    const log = session.runSync("aws lambda invoke --function-name demo --log-type Tail out.json --query LogResult --output text | base64 -d");
    expect(log.stdout).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST\nevent was \{\}\nEND RequestId: [0-9a-f-]{36}\n$/);
  });

  it("reports a handler that fails as FunctionError Unhandled with the runtime's error object", () => {
    const session = sandbox();
    create(session);
    session.engine.call("ssm", "DeleteParameter", { Name: "/fn/value" });
    const result = session.runSync("aws lambda invoke --function-name demo out.json");
    expect(JSON.parse(result.stdout)).toEqual({ StatusCode: 200, FunctionError: "Unhandled", ExecutedVersion: "$LATEST" });
    const error = JSON.parse(session.runSync("cat out.json").stdout) as { errorType: string; errorMessage: string };
    expect(error.errorType).toBe("Runtime.ExitError");
    expect(error.errorMessage).toMatch(/^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 1$/);
  });

  it("needs a payload that is base64 by default (CLI v2), as on AWS", () => {
    const session = sandbox();
    create(session);
    const result = session.runSync("aws lambda invoke --function-name demo --payload '{\"id\": 7}' out.json");
    expect(result.exitCode).toBe(255);
    expect(result.stderr).toBe('\nInvalid base64: "{"id": 7}"\n');
  });

  it("refuses what Lambda refuses, in Lambda's words", () => {
    const session = sandbox();
    expect(session.runSync(`aws lambda create-function --function-name x --runtime provided.al2023 --handler f.h --role arn:aws:iam::${ACCOUNT}:role/ec2-app-role --zip-file fileb://function.zip`).stderr).toBe(
      "\nAn error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The role defined for the function cannot be assumed by Lambda.\n",
    );
    expect(create(session, " --environment Variables={AWS_REGION=eu-west-1}").stderr).toBe(
      "\nAn error occurred (InvalidParameterValueException) when calling the CreateFunction operation: Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: AWS_REGION\n",
    );
    session.runSync("echo not a zip > fake.zip");
    expect(session.runSync(`aws lambda create-function --function-name x --runtime provided.al2023 --handler f.h --role ${ROLE} --zip-file fileb://fake.zip`).stderr).toBe(
      "\n--zip-file must be a zip file with the fileb:// prefix.\nExample usage:  --zip-file fileb://path/to/file.zip\n",
    );
    // Lambda's limits beyond the model (which allows more for Lambda Managed Instances): recorded texts, see checkFunctionLimits.
    expect(create(session, " --timeout 3000").stderr).toBe(
      "\nAn error occurred (ValidationException) when calling the CreateFunction operation: 1 validation error detected: Value '3000' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900\n",
    );
    expect(create(session, " --memory-size 20480").stderr).toBe(
      "\nAn error occurred (ValidationException) when calling the CreateFunction operation: 'MemorySize' value failed to satisfy constraint: Member must have value less than or equal to 10240\n",
    );
    expect(create(session).exitCode).toBe(0);
    expect(create(session).stderr).toBe("\nAn error occurred (ResourceConflictException) when calling the CreateFunction operation: Function already exist: demo\n");
    expect(session.runSync("aws lambda update-function-configuration --function-name demo --timeout 901").stderr).toContain("Member must have value less than or equal to 900");
    expect(session.runSync("aws lambda invoke --function-name nope out.json").stderr).toBe(
      `\nAn error occurred (ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:us-east-1:${ACCOUNT}:function:nope\n`,
    );
    expect(session.runSync("aws lambda invoke --function-name demo").stderr).toContain("aws: error: the following arguments are required: outfile");
  });

  it("says a non-shell runtime's code cannot run here, and lists functions (rotation ones included)", () => {
    const session = sandbox();
    session.runSync(`aws lambda create-function --function-name py --runtime python3.12 --handler app.handler --role ${ROLE} --zip-file fileb://function.zip`);
    session.runSync("aws lambda invoke --function-name py out.json");
    expect(JSON.parse(session.runSync("cat out.json").stdout)).toMatchObject({ errorType: "Sandbox.RuntimeNotSimulated" });
    expect(session.runSync("aws lambda list-functions --query 'Functions[].FunctionName' --output text").stdout.trim()).toBe("py");
  });

  it("replaces the environment on update-function-configuration and the code on update-function-code", () => {
    const session = sandbox();
    create(session, " --environment Variables={MODE=one}");
    session.runSync("aws lambda update-function-configuration --function-name demo --environment Variables={MODE=two}");
    session.runSync("aws lambda invoke --function-name demo out.json");
    expect(JSON.parse(session.runSync("cat out.json").stdout)).toMatchObject({ mode: "two" });
    session.fs.writeFile(`${session.fs.home}/function.sh`, new TextEncoder().encode('function handler () { echo \'"v2"\'; }\n'));
    session.runSync("zip -q function.zip function.sh");
    expect(session.runSync("aws lambda update-function-code --function-name demo --zip-file fileb://function.zip --query Handler --output text").stdout.trim()).toBe("function.handler");
    session.runSync("aws lambda invoke --function-name demo out.json");
    expect(session.runSync("cat out.json").stdout).toBe('"v2"\n');
    expect(session.runSync("aws lambda delete-function --function-name demo").exitCode).toBe(0);
    expect(session.runSync("aws lambda get-function --function-name demo").exitCode).toBe(254);
  });
});
