/**
 * Reading a policy document the way the services do before they store it:
 * JSON first, then the grammar of the IAM policy language ("IAM JSON policy
 * elements" reference). Services turn a failure into
 * MalformedPolicyDocumentException with their own wording, which
 * `malformedPolicyMessage` gives; `reason` says precisely what was wrong, for
 * the learner.
 */
import { parseOperator } from "./conditions";
import type { PolicyDocument, PolicyStatement } from "./model";

export type PolicyProblem =
  | "syntax"
  | "version"
  | "missing-action"
  | "missing-resource"
  | "missing-principal"
  | "principal-not-allowed"
  | "invalid-principal"
  | "invalid-service-principal"
  | "unknown-condition-operator";

export type ParsePolicyResult = { ok: true; document: PolicyDocument } | { ok: false; problem: PolicyProblem; reason: string };

export interface ParsePolicyOptions {
  /**
   * "resource": key policies and secret policies, where every statement must name a
   * Principal; "identity": IAM policies, where a Principal is not allowed and Resource
   * is required. Without a kind only the shared grammar is checked.
   */
  kind?: "identity" | "resource";
}

const TOP_LEVEL = new Set(["Version", "Id", "Statement"]);
const STATEMENT_ELEMENTS = new Set(["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]);
const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);

/** Account id, account root, IAM user or role (with path), or an assumed-role session. */
const AWS_PRINCIPAL = /^(\*|\d{12}|arn:aws:iam::\d{12}:(root|user\/.+|role\/.+)|arn:aws:sts::\d{12}:assumed-role\/[^/]+\/.+)$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
const ACTION = /^(\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/;

class Malformed extends Error {
  constructor(
    readonly problem: PolicyProblem,
    reason: string,
  ) {
    super(reason);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function stringList(value: unknown, element: string, where: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((item): item is string => typeof item === "string" && item.length > 0)) {
    throw new Malformed("syntax", `${where}: ${element} must be a non-empty string or a non-empty list of strings`);
  }
  return list;
}

function checkPrincipal(value: unknown, element: string, where: string): void {
  if (value === "*") return;
  if (!isObject(value)) throw new Malformed("invalid-principal", `${where}: ${element} must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}`);
  const keys = Object.keys(value);
  if (keys.length === 0) throw new Malformed("invalid-principal", `${where}: ${element} is empty`);
  for (const key of keys) {
    const entries = stringList(value[key], `${element}.${key}`, where);
    if (key === "AWS") {
      const bad = entries.find((entry) => !AWS_PRINCIPAL.test(entry));
      if (bad !== undefined) throw new Malformed("invalid-principal", `${where}: "${bad}" is not an account id, account ARN, user, role or assumed-role ARN`);
    } else if (key === "Service") {
      const bad = entries.find((entry) => !SERVICE_PRINCIPAL.test(entry));
      if (bad !== undefined) throw new Malformed("invalid-service-principal", `${where}: "${bad}" is not a service principal such as "secretsmanager.amazonaws.com"`);
    } else {
      throw new Malformed("invalid-principal", `${where}: principal type "${key}" is not supported here (use "AWS" or "Service")`);
    }
  }
}

function checkCondition(value: unknown, where: string): void {
  if (!isObject(value)) throw new Malformed("syntax", `${where}: Condition must be an object of operators`);
  for (const [operator, block] of Object.entries(value)) {
    if (!parseOperator(operator)) throw new Malformed("unknown-condition-operator", `${where}: "${operator}" is not a condition operator`);
    if (!isObject(block) || Object.keys(block).length === 0) throw new Malformed("syntax", `${where}: ${operator} must map condition keys to values`);
    for (const [key, entry] of Object.entries(block)) {
      const list = Array.isArray(entry) ? entry : [entry];
      const scalar = (item: unknown) => typeof item === "string" || typeof item === "number" || typeof item === "boolean";
      if (list.length === 0 || !list.every(scalar)) throw new Malformed("syntax", `${where}: the value of ${operator} ${key} must be a string, number, boolean or a list of them`);
    }
  }
}

function checkStatement(statement: unknown, where: string, kind: ParsePolicyOptions["kind"]): void {
  if (!isObject(statement)) throw new Malformed("syntax", `${where} is not an object`);
  const unknown = Object.keys(statement).find((key) => !STATEMENT_ELEMENTS.has(key));
  if (unknown !== undefined) throw new Malformed("syntax", `${where}: unknown element "${unknown}"`);
  if (statement.Sid !== undefined && typeof statement.Sid !== "string") throw new Malformed("syntax", `${where}: Sid must be a string`);
  if (statement.Effect !== "Allow" && statement.Effect !== "Deny") throw new Malformed("syntax", `${where}: Effect must be "Allow" or "Deny"`);

  const pair = (a: string, b: string) => {
    if (statement[a] !== undefined && statement[b] !== undefined) throw new Malformed("syntax", `${where}: use either ${a} or ${b}, not both`);
    return statement[a] !== undefined ? a : statement[b] !== undefined ? b : undefined;
  };

  const actionElement = pair("Action", "NotAction");
  if (!actionElement) throw new Malformed("missing-action", `${where}: an Action or NotAction element is required`);
  const badAction = stringList(statement[actionElement], actionElement, where).find((action) => !ACTION.test(action));
  if (badAction !== undefined) throw new Malformed("syntax", `${where}: "${badAction}" is not an action of the form service:Operation`);

  const resourceElement = pair("Resource", "NotResource");
  if (resourceElement) stringList(statement[resourceElement], resourceElement, where);
  else if (kind === "identity") throw new Malformed("missing-resource", `${where}: a Resource or NotResource element is required`);

  const principalElement = pair("Principal", "NotPrincipal");
  if (principalElement && kind === "identity") throw new Malformed("principal-not-allowed", `${where}: an identity-based policy cannot name a ${principalElement}`);
  if (!principalElement && kind === "resource") throw new Malformed("missing-principal", `${where}: a Principal (or NotPrincipal) element is required`);
  if (principalElement) checkPrincipal(statement[principalElement], principalElement, where);

  if (statement.Condition !== undefined) checkCondition(statement.Condition, where);
}

/** `kind` may be given directly (`parsePolicyDocument(text, "identity")`) or as `{ kind }`. */
export function parsePolicyDocument(json: string, kindOrOptions: ParsePolicyOptions["kind"] | ParsePolicyOptions = {}): ParsePolicyResult {
  const kind = typeof kindOrOptions === "string" ? kindOrOptions : kindOrOptions?.kind;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return { ok: false, problem: "syntax", reason: `the policy is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    if (!isObject(parsed)) throw new Malformed("syntax", "the policy must be a JSON object");
    const unknown = Object.keys(parsed).find((key) => !TOP_LEVEL.has(key));
    if (unknown !== undefined) throw new Malformed("syntax", `unknown top-level element "${unknown}"`);
    if (parsed.Version !== undefined && (typeof parsed.Version !== "string" || !VERSIONS.has(parsed.Version))) {
      throw new Malformed("version", `Version must be "2012-10-17" or "2008-10-17", not ${JSON.stringify(parsed.Version)}`);
    }
    if (parsed.Id !== undefined && typeof parsed.Id !== "string") throw new Malformed("syntax", "Id must be a string");
    const statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement === undefined ? [] : [parsed.Statement];
    if (statements.length === 0) throw new Malformed("syntax", "the policy has no Statement");
    statements.forEach((statement, index) => checkStatement(statement, `statement ${index + 1}`, kind));
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, problem: error.problem, reason: error.message };
    throw error;
  }
  // Every element has been checked against the grammar above, which is what PolicyDocument describes.
  return { ok: true, document: parsed as unknown as PolicyDocument };
}

/**
 * The message AWS puts in MalformedPolicyDocumentException for each problem.
 * - KMS: "Policy contains a statement with one or more invalid principals." and
 *   "Policy contains a statement with no principal." are KMS's texts; for other
 *   grammar errors KMS has been seen to send an empty message (aws/aws-sdk-ruby#1784).
 * - Secrets Manager: the texts listed in its "Managing a resource-based policy" guide.
 * - IAM (MalformedPolicyDocument): the texts IAM returns for identity policies.
 */
export function malformedPolicyMessage(service: "kms" | "secretsmanager" | "iam", problem: PolicyProblem): string {
  if (service === "kms") {
    if (problem === "invalid-principal" || problem === "invalid-service-principal") return "Policy contains a statement with one or more invalid principals.";
    if (problem === "missing-principal") return "Policy contains a statement with no principal.";
    return "";
  }
  if (service === "secretsmanager") {
    if (problem === "invalid-principal") return "This resource policy contains an unsupported principal.";
    if (problem === "invalid-service-principal") return "This resource policy contains an invalid service principal.";
    return "This resource policy contains a syntax error.";
  }
  switch (problem) {
    case "missing-action":
      return "Policy statement must contain actions.";
    case "missing-resource":
      return "Policy statement must contain resources.";
    case "principal-not-allowed":
      return "Policy document should not specify a principal.";
    default:
      return "Syntax errors in policy.";
  }
}

/** The lockout safety check's refusal (see `wouldLockOut` in evaluate.ts). */
export const LOCKOUT_MESSAGES = {
  kms: "The new key policy will not allow you to update the key policy in the future.",
  secretsmanager: "Your requested changes will not allow you to manage this secret in the future.",
} as const;

/** Secrets Manager PutResourcePolicy with BlockPublicPolicy and a policy open to everyone. */
export const SECRETS_MANAGER_PUBLIC_POLICY_MESSAGE = "You can't attach a resource-based policy that allows broad access to the secret.";

/**
 * The AWS principals and service principals a policy names, so a service can
 * check that they exist (KMS and Secrets Manager both refuse policies naming
 * users or roles that do not exist, with the invalid/unsupported principal message).
 */
export function policyPrincipals(document: PolicyDocument): { aws: string[]; service: string[] } {
  const aws = new Set<string>();
  const service = new Set<string>();
  const statements: PolicyStatement[] = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  for (const statement of statements) {
    for (const block of [statement.Principal, statement.NotPrincipal]) {
      if (block === undefined || block === "*") continue;
      for (const entry of [block.AWS ?? []].flat()) aws.add(entry);
      for (const entry of [block.Service ?? []].flat()) service.add(entry);
    }
  }
  return { aws: [...aws], service: [...service] };
}
