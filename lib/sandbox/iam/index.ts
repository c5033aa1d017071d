/** Identity and access for the sandbox: policy documents, AWS's evaluation logic and its denial messages. */
export * from "./model";
export { evaluate, wouldLockOut, type AuthorizationRequest, type AuthorizationResult, type StatementTrace } from "./evaluate";
export { accessDeniedError, accessDeniedMessage, type AccessDeniedMessageOptions } from "./messages";
export {
  LOCKOUT_MESSAGES,
  SECRETS_MANAGER_PUBLIC_POLICY_MESSAGE,
  malformedPolicyMessage,
  parsePolicyDocument,
  policyPrincipals,
  type ParsePolicyOptions,
  type ParsePolicyResult,
  type PolicyProblem,
} from "./policy-document";
