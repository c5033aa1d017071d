/**
 * What the rest of the engine uses from IAM: evaluating a request against
 * policies, AWS's AccessDenied message, and policy document parsing.
 */
export { evaluate } from "./evaluate";
export { accessDeniedMessage } from "./messages";
export { parsePolicyDocument } from "./policy-document";
