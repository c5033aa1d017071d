import type { AccountState } from "./state";
import { emptyAccountState } from "./state";

/**
 * The simulated organisation a new sandbox starts with: the learner's
 * account and a second "partner" account for cross-account exercises, each
 * with an administrator, plus the two roles the chapter talks about: an EC2
 * instance role that reads application parameters and a Lambda execution
 * role for rotation functions.
 */
export const LEARNER_ACCOUNT = "123456789012";
export const PARTNER_ACCOUNT = "999999999999";
export const DEFAULT_REGION = "us-east-1";

const policy = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

export const ADMINISTRATOR_ACCESS = policy([{ Effect: "Allow", Action: "*", Resource: "*" }]);

function trust(service: string): string {
  return policy([{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }]);
}

export function defaultAccounts(createdAt: number, id: (prefix: "AIDA" | "AROA") => string): Record<string, AccountState> {
  const learner = emptyAccountState(LEARNER_ACCOUNT, "learner account");
  const partner = emptyAccountState(PARTNER_ACCOUNT, "partner account");
  for (const account of [learner, partner]) {
    account.iam.users["admin"] = {
      name: "admin",
      userId: id("AIDA"),
      arn: `arn:aws:iam::${account.accountId}:user/admin`,
      createdAt,
      policies: [{ name: "AdministratorAccess", document: ADMINISTRATOR_ACCESS }],
    };
  }
  learner.iam.roles["ec2-app-role"] = {
    name: "ec2-app-role",
    roleId: id("AROA"),
    arn: `arn:aws:iam::${LEARNER_ACCOUNT}:role/ec2-app-role`,
    createdAt,
    description: "Instance role of the application's EC2 instances: reads the application's parameters.",
    trustPolicy: trust("ec2.amazonaws.com"),
    policies: [
      {
        name: "ReadAppParameters",
        document: policy([
          {
            Sid: "ReadAppParameters",
            Effect: "Allow",
            Action: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
            Resource: [`arn:aws:ssm:*:${LEARNER_ACCOUNT}:parameter/app`, `arn:aws:ssm:*:${LEARNER_ACCOUNT}:parameter/app/*`],
          },
        ]),
      },
    ],
  };
  learner.iam.roles["lambda-rotation-role"] = {
    name: "lambda-rotation-role",
    roleId: id("AROA"),
    arn: `arn:aws:iam::${LEARNER_ACCOUNT}:role/lambda-rotation-role`,
    createdAt,
    description: "Execution role of secret rotation functions.",
    trustPolicy: trust("lambda.amazonaws.com"),
    policies: [
      {
        name: "RotateSecrets",
        document: policy([
          {
            Sid: "RotateSecrets",
            Effect: "Allow",
            Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
            Resource: "*",
          },
          { Sid: "GeneratePasswords", Effect: "Allow", Action: "secretsmanager:GetRandomPassword", Resource: "*" },
        ]),
      },
    ],
  };
  return { [LEARNER_ACCOUNT]: learner, [PARTNER_ACCOUNT]: partner };
}
