import * as z from "zod";
import { inputs } from "../contracts/sts";
import { AwsServiceError, isAwsServiceError } from "../core/errors";
import { defineOperation, type ServiceSpec } from "../core/operation";
import { parseRequest } from "../core/validation";
import { parsePolicyDocument } from "../iam/policy-document";
import { issueRoleSession } from "./credentials";

/**
 * STS: "who am I?" (GetCallerIdentity: the call learners run first when a
 * request is denied; it needs no permission) and AssumeRole, whose temporary
 * credentials the CLI uses when they are in its environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so a
 * learner can act as a role and see what it may do.
 *
 * NOTE: STS speaks AWS's Query protocol with XML; the sandbox keeps its
 * requests and responses as the other services' JSON (the CLI prints the
 * same either way). Session policies, tags, MFA and source identity are not
 * simulated; the session's permissions are the role's.
 */

const getCallerIdentity = defineOperation({
  name: "GetCallerIdentity",
  input: inputs.GetCallerIdentity,
  readOnly: true,
  handler(ctx) {
    return { UserId: ctx.callerId, Account: ctx.caller.accountId, Arn: ctx.caller.arn };
  },
});

/** Roles are created with the default MaxSessionDuration (one hour). */
const MAX_SESSION_SECONDS = 3600;
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

const assumeRole = defineOperation({
  name: "AssumeRole",
  input: inputs.AssumeRole,
  readOnly: false,
  sensitive: { response: ["Credentials"] },
  handler(ctx, input) {
    const { RoleArn: roleArn, RoleSessionName: sessionName } = input;
    const duration = input.DurationSeconds ?? MAX_SESSION_SECONDS;
    const match = ROLE_ARN.exec(roleArn);
    if (!match) throw new AwsServiceError("ValidationError", `${roleArn} is invalid`);
    const [, accountId, roleName] = match as unknown as [string, string, string];
    const iam = ctx.iamState(accountId);
    const role = iam?.roles[roleName];
    const trust = role ? parsePolicyDocument(role.trustPolicy, "resource") : undefined;
    // A role that does not exist is denied like one that does not trust the caller: AWS does not say which.
    ctx.authorize(
      { action: "sts:AssumeRole", resource: roleArn, resourceAccount: accountId, resourceKind: "role-trust", resourcePolicy: trust?.ok ? trust.document : undefined, context: {} },
      // STS sends its denials with HTTP 403 (the JSON services send AccessDeniedException with 400).
      { errorCode: "AccessDenied", message: () => `User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, status: 403 },
    );
    if (duration > MAX_SESSION_SECONDS) throw new AwsServiceError("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    const { accessKeyId, secretAccessKey, sessionToken, expiresAt } = issueRoleSession(ctx, accountId, roleName, sessionName, duration);
    ctx.touches(roleArn, "AWS::IAM::Role");
    return {
      Credentials: { AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey, SessionToken: sessionToken, Expiration: expiresAt / 1000 },
      AssumedRoleUser: { AssumedRoleId: `${role!.roleId}:${sessionName}`, Arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}` },
    };
  },
});

export const stsService: ServiceSpec = {
  id: "sts",
  eventSource: "sts.amazonaws.com",
  validationErrorCode: "ValidationError",
  errorMessageKey: "message",
  operations: { GetCallerIdentity: getCallerIdentity, AssumeRole: assumeRole },
};
