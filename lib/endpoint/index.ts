/**
 * The local AWS-compatible endpoint (Node only): the sandbox engine behind
 * HTTP, for the real AWS CLI and SDKs, and for recording conformance
 * transcripts. See lib/endpoint/README.md.
 */
export { startEndpoint, type EndpointOptions, type RunningEndpoint } from "./server";
export { handleRequest, counterRequestIds, type EndpointRequest, type EndpointResponse, type Exchange } from "./handler";
export { route, credentialScope, TARGET_PREFIXES } from "./routing";
export { loadStateFile, saveStateFile, StateFileError } from "./state-file";
export { AWS_DEFAULT_QUOTAS, parseQuotaSpec, QuotaSpecError, RequestQuotas, type QuotaPool } from "./request-quotas";
