import { LEARNER_ACCOUNT } from "../world";
import type { Scenario } from "./types";

/**
 * Two applications' roles with access scoped by parameter path, for the
 * Parameter Store lab: app-role reads /app/prod/* and /app/shared/*,
 * intern-role reads /app/dev/* and /app/shared/*. Both trust the account
 * (its root in the trust policy), so the admin user may assume them with
 * `aws sts assume-role` and see what each can read. One parameter is in the
 * wrong branch: /app/prod/feature-flags, which the intern role also needs.
 */
const policy = (statements: object[]) => ({ Version: "2012-10-17", Statement: statements });
const trustAccount = policy([{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${LEARNER_ACCOUNT}:root` }, Action: "sts:AssumeRole" }]);

function readBranches(...branches: string[]) {
  return policy([
    {
      Sid: "ReadParameters",
      Effect: "Allow",
      Action: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
      Resource: branches.flatMap((branch) => [`arn:aws:ssm:*:${LEARNER_ACCOUNT}:parameter${branch}`, `arn:aws:ssm:*:${LEARNER_ACCOUNT}:parameter${branch}/*`]),
    },
    { Sid: "DecryptSecureStrings", Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringLike: { "kms:ViaService": "ssm.*.amazonaws.com" } } },
  ]);
}

export const parameterAccessScenario: Scenario = {
  name: "parameter-access",
  description: "Two roles whose access is scoped by parameter path (app-role: /app/prod and /app/shared; intern-role: /app/dev and /app/shared), for the Parameter Store lab.",
  build(engine) {
    engine.putRole(LEARNER_ACCOUNT, "app-role", { trustedService: "", trustPolicy: trustAccount, description: "The production application: reads /app/prod and /app/shared.", policies: { ReadProdAndShared: readBranches("/app/prod", "/app/shared") } });
    engine.putRole(LEARNER_ACCOUNT, "intern-role", { trustedService: "", trustPolicy: trustAccount, description: "The interns' test application: reads /app/dev and /app/shared.", policies: { ReadDevAndShared: readBranches("/app/dev", "/app/shared") } });
    engine.call("ssm", "PutParameter", { Name: "/app/prod/feature-flags", Value: "new-checkout=on,dark-mode=off", Type: "StringList", Description: "Feature flags both applications read" });
  },
};
