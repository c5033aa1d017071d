import type { ServiceId } from "@/lib/sandbox";

/**
 * Which service and operation a request is for, the way AWS front doors
 * decide it: JSON 1.1 services by the X-Amz-Target header
 * (`TrentService.Encrypt`), query-protocol services (STS) by the form body's
 * `Action`, and the Region and signing name from the SigV4 credential scope
 * (`Credential=AKID/20260115/us-east-1/kms/aws4_request`). Signatures
 * themselves are not checked: this is a local sandbox, not a security boundary.
 */

/** X-Amz-Target prefixes of the JSON 1.1 services (the models' `targetPrefix`). */
export const TARGET_PREFIXES: Readonly<Record<string, Exclude<ServiceId, "sts">>> = {
  TrentService: "kms",
  secretsmanager: "secretsmanager",
  AmazonSSM: "ssm",
  // botocore sends the model's full target prefix, the SDK for JavaScript v3 the service shape's name.
  "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101": "cloudtrail",
  CloudTrail_20131101: "cloudtrail",
};

export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

/** The credential scope of an `Authorization: AWS4-HMAC-SHA256 Credential=...` header, if any. */
export function credentialScope(authorization: string | undefined): CredentialScope | undefined {
  const match = /Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/.exec(authorization ?? "");
  if (!match) return undefined;
  const [, accessKeyId = "", date = "", region = "", service = ""] = match;
  return { accessKeyId, date, region, service };
}

export type Route =
  | { protocol: "json"; service: Exclude<ServiceId, "sts">; operation: string; target: string }
  | { protocol: "query"; service: "sts" }
  /** A target whose prefix names no service of the sandbox. */
  | { protocol: "json"; service: undefined; operation: string; target: string }
  /** Neither a target nor a query-protocol request. */
  | { protocol: "unknown"; service: undefined };

export interface RouteInput {
  target: string | undefined;
  contentType: string | undefined;
  scope: CredentialScope | undefined;
}

export function route({ target, contentType, scope }: RouteInput): Route {
  if (target) {
    // The operation follows the last dot: some prefixes have dots of their own (com.amazonaws.cloudtrail...).
    const dot = target.lastIndexOf(".");
    const prefix = dot < 0 ? target : target.slice(0, dot);
    const operation = dot < 0 ? "" : target.slice(dot + 1);
    return { protocol: "json", service: TARGET_PREFIXES[prefix], operation, target };
  }
  // The query protocol has no target: botocore posts a form to `/` signed for "sts".
  if (scope?.service === "sts" || (contentType ?? "").startsWith("application/x-www-form-urlencoded")) {
    return { protocol: "query", service: "sts" };
  }
  return { protocol: "unknown", service: undefined };
}
