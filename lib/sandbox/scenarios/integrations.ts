import { LEARNER_ACCOUNT } from "../world";
import type { Scenario } from "./types";

/**
 * The orders application, for the integrations lab: its configuration in
 * Parameter Store and Secrets Manager under its own KMS key (alias/orders),
 * an instance role with an instance profile for its web servers, an
 * execution role for its API function, and the files the learner deploys:
 * a user data script, a Lambda handler and a CloudFormation template.
 *
 * The function's role may read the secret but is given nothing in KMS, and
 * the key policy delegates to IAM: the function's first call fails the way
 * it fails in production (AccessDeniedException: Access to KMS is not
 * allowed). The template copies a SecureString with ssm-secure into a
 * resource property CloudFormation does not allow it in.
 */
export const ORDERS_DB_HOST = "orders-db.internal";
export const ORDERS_DB_USER = "orders_app";
export const ORDERS_DB_PASSWORD = "Orders-Db-Passw0rd-2703";
export const ORDERS_API_KEY = "ok_live_7Fq2Sandbox0nly";

const policy = (statements: object[]) => ({ Version: "2012-10-17", Statement: statements });

const USER_DATA = `#!/bin/bash
# First-boot configuration of an orders web server: cloud-init runs this once, as root.
DB_HOST=$(aws ssm get-parameter --name /orders/prod/db-host --query Parameter.Value --output text)
API_KEY=$(aws ssm get-parameter --name /orders/prod/api-key --with-decryption --query Parameter.Value --output text)
if [ -z "$DB_HOST" ] || [ -z "$API_KEY" ]; then
  echo "orders-web: configuration incomplete, not starting" >&2
  exit 1
fi
echo "orders-web: database $DB_HOST, API key of \${#API_KEY} characters loaded"
`;

const HANDLER = `# The orders API function. Lambda's handler setting "function.handler" names
# this file and the shell function below; the event arrives as $1 and what
# the function prints is its response. Messages for the log go to stderr.
function handler () {
  EVENT_DATA=$1
  echo "reading the database credentials from $SECRET_ID" >&2
  SECRET=$(aws secretsmanager get-secret-value --secret-id "$SECRET_ID" --query SecretString --output text) || return 1
  DB_USER=$(echo "$SECRET" | jq -r .username)
  DB_HOST=$(echo "$SECRET" | jq -r .host)
  echo "{\\"statusCode\\": 200, \\"body\\": \\"connected to $DB_HOST as $DB_USER\\"}"
}
`;

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Description: Configuration of the orders reporting job

Parameters:
  DbHost:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /orders/prod/db-host

Resources:
  ReportingDbUrl:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /orders/prod/reporting/db-url
      Type: String
      Value: !Sub "mysql://\${DbHost}:3306/orders"
  ReportingDbUser:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /orders/prod/reporting/db-user
      Type: String
      Value: "{{resolve:secretsmanager:prod/orders/db:SecretString:username}}"
  ReportingApiKey:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /orders/prod/reporting/api-key
      Type: String
      Value: "{{resolve:ssm-secure:/orders/prod/api-key}}"

Outputs:
  DbUrlParameter:
    Value: !Ref ReportingDbUrl
`;

export const integrationsScenario: Scenario = {
  name: "integrations",
  description: "The orders application: an instance profile, a function role, a KMS key and the files to deploy (the integrations lab).",
  build(engine, fs) {
    const { KeyMetadata } = engine.call("kms", "CreateKey", { Description: "Orders application configuration" }) as { KeyMetadata: { KeyId: string; Arn: string } };
    engine.call("kms", "CreateAlias", { AliasName: "alias/orders", TargetKeyId: KeyMetadata.KeyId });
    engine.call("ssm", "PutParameter", { Name: "/orders/prod/db-host", Value: ORDERS_DB_HOST, Type: "String", Description: "Orders database endpoint" });
    engine.call("ssm", "PutParameter", { Name: "/orders/prod/api-key", Value: ORDERS_API_KEY, Type: "SecureString", KeyId: "alias/orders", Description: "Payment provider API key" });
    engine.call("secretsmanager", "CreateSecret", {
      Name: "prod/orders/db",
      Description: "Orders database credentials",
      KmsKeyId: "alias/orders",
      SecretString: JSON.stringify({ engine: "mysql", host: ORDERS_DB_HOST, port: 3306, username: ORDERS_DB_USER, password: ORDERS_DB_PASSWORD, dbname: "orders" }),
    });

    engine.putRole(LEARNER_ACCOUNT, "orders-web", {
      trustedService: "ec2.amazonaws.com",
      description: "Instance role of the orders web servers: reads /orders/prod.",
      policies: {
        ReadOrdersConfiguration: policy([
          { Sid: "ReadParameters", Effect: "Allow", Action: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"], Resource: `arn:aws:ssm:*:${LEARNER_ACCOUNT}:parameter/orders/prod/*` },
          { Sid: "DecryptParameters", Effect: "Allow", Action: "kms:Decrypt", Resource: KeyMetadata.Arn, Condition: { StringLike: { "kms:ViaService": "ssm.*.amazonaws.com" } } },
        ]),
      },
    });
    engine.putInstanceProfile(LEARNER_ACCOUNT, "orders-web", "orders-web");
    engine.putRole(LEARNER_ACCOUNT, "orders-api", {
      trustedService: "lambda.amazonaws.com",
      description: "Execution role of the orders API function: reads the database secret.",
      policies: {
        ReadDatabaseSecret: policy([{ Sid: "ReadSecret", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: `arn:aws:secretsmanager:*:${LEARNER_ACCOUNT}:secret:prod/orders/db-*` }]),
      },
    });

    const write = (name: string, text: string) => fs.writeFile(`${fs.home}/${name}`, new TextEncoder().encode(text));
    write("user-data.sh", USER_DATA);
    write("function.sh", HANDLER);
    write("orders-stack.yaml", TEMPLATE);
  },
};
