/**
 * AWS's authorization decision for one request, with a trace a learner can
 * read. Sources: IAM User Guide "Policy evaluation logic" and "Cross-account
 * policy evaluation logic"; AWS KMS Developer Guide "Default key policy" and
 * "Allowing users in other accounts to use a KMS key".
 *
 * 1. An explicit Deny in any applicable policy wins.
 * 2. Then an Allow is needed, and which one depends on the resource:
 *    - identity-only (Parameter Store): an identity-based policy;
 *    - resource-policy (secrets), same account: an identity-based policy, or the
 *      resource policy naming the principal itself (user, role, session, "*");
 *    - kms-key, same account: the key policy naming the principal itself, or the
 *      key policy allowing the account (`arn:aws:iam::<acct>:root`) AND an
 *      identity-based policy. Without either, IAM policies have no effect;
 *    - any resource in another account: the resource policy must allow the
 *      principal or its account AND the caller's own account must allow it
 *      through an identity-based policy ("both sides").
 * An account principal in a resource policy delegates to that account's IAM
 * ("Using the account ARN ... does not limit permissions to only the root
 * user"), so it never grants on its own; the root user of an account is allowed
 * by default by its own account, so for it the account grant suffices.
 */
import { evaluateConditions } from "./conditions";
import { actionMatches, resourceMatches, type Context } from "./match";
import { rootArn, type PolicyDocument, type PolicyStatement, type Principal } from "./model";

/**
 * The request an operation asks to have authorised. Operations build one
 * for every action they perform on a resource; the sandbox fills in the
 * caller's identity policies.
 */
export interface AuthorizationRequest {
  principal: Principal;
  /** e.g. "kms:Decrypt", "secretsmanager:GetSecretValue", "ssm:GetParameter". */
  action: string;
  /** The resource ARN. */
  resource: string;
  /** The account that owns the resource. */
  resourceAccount: string;
  /**
   * How the resource's own policy works:
   * - "kms-key": the key policy is required and primary; identity policies count only if the key
   *   policy allows the key's account (the `arn:aws:iam::<acct>:root` principal);
   * - "resource-policy": optional resource policy (Secrets Manager secrets), combined with
   *   identity policies by AWS's usual rules;
   * - "identity-only": no resource policy (Parameter Store parameters);
   * - "role-trust": an IAM role's trust policy for sts:AssumeRole, which works as a key policy does
   *   (required; naming the caller is enough, naming the account leaves it to identity policies).
   */
  resourceKind: "kms-key" | "resource-policy" | "identity-only" | "role-trust";
  /** The key policy or resource policy, if the resource has one. */
  resourcePolicy?: PolicyDocument | undefined;
  /** Identity policies of the principal (empty for root, which is implicitly allowed in its own account). */
  identityPolicies: { name: string; document: PolicyDocument }[];
  /** Condition context keys, e.g. {"kms:ViaService": "ssm.us-east-1.amazonaws.com", "kms:EncryptionContext:SecretARN": "..."}. */
  context: Record<string, string | string[] | boolean | number>;
  /**
   * A KMS grant that allows this request (KMS keys only): it allows what the
   * policies do not, and never what an explicit deny refuses.
   */
  grant?: { grantId: string; grantee: string } | undefined;
}

/** One statement as the evaluator saw it: whether it applied and why (not). */
export interface StatementTrace {
  policy: string;
  sid?: string | undefined;
  effect: "Allow" | "Deny";
  applies: boolean;
  reason: string;
}

export interface AuthorizationResult {
  decision: "Allow" | "ExplicitDeny" | "ImplicitDeny";
  /** Which kind of policy decided, for AWS's error message ("... because no identity-based policy allows ..."). */
  deniedBy?: "explicit-deny-identity" | "explicit-deny-resource" | "no-identity-allow" | "no-resource-allow" | undefined;
  trace: StatementTrace[];
  /** One or two sentences on why, in the terms of the rules above, for the learner (always set by `evaluate`). */
  summary?: string | undefined;
}

/** How a resource policy statement's Principal matched the caller. */
type PrincipalMatch = { kind: "direct" | "account"; via: string };

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_ROOT = /^arn:aws:iam::(\d{12}):root$/;

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The ARNs a principal answers to: an assumed-role session is also its role. */
function principalArns(principal: Principal): string[] {
  return principal.kind === "assumed-role" ? [principal.arn, principal.roleArn] : [principal.arn];
}

/** Does one Principal/NotPrincipal block name the caller? */
function matchPrincipal(block: PolicyStatement["Principal"], principal: Principal): PrincipalMatch | undefined {
  if (block === undefined) return undefined;
  if (block === "*") return { kind: "direct", via: "*" };
  for (const entry of asList(block.Service)) {
    if (principal.kind === "service" && entry === principal.service) return { kind: "direct", via: entry };
  }
  for (const entry of asList(block.AWS)) {
    if (entry === "*") return { kind: "direct", via: "*" };
    if (principal.kind === "service") continue;
    const account = ACCOUNT_ID.test(entry) ? entry : ACCOUNT_ROOT.exec(entry)?.[1];
    if (account !== undefined) {
      if (account === principal.accountId) return { kind: "account", via: entry };
      continue;
    }
    // User and role names in ARNs are case-sensitive, so compare exactly.
    if (principalArns(principal).includes(entry)) return { kind: "direct", via: entry };
  }
  return undefined;
}

function describePrincipalBlock(block: PolicyStatement["Principal"]): string {
  if (block === undefined) return "(none)";
  if (block === "*") return "*";
  return [...asList(block.AWS), ...asList(block.Service)].join(", ");
}

interface StatementOutcome {
  trace: StatementTrace;
  principal?: PrincipalMatch | undefined;
}

/**
 * Checks one statement in the order a reader would: action, resource,
 * principal (resource policies only), conditions. The reason names the first
 * element that did not match, or everything that did.
 */
function examine(
  statement: PolicyStatement,
  policy: string,
  request: AuthorizationRequest,
  context: Context,
  variables: Context | undefined,
  isResourcePolicy: boolean,
): StatementOutcome {
  const base = { policy, sid: statement.Sid, effect: statement.Effect };
  const no = (reason: string): StatementOutcome => ({ trace: { ...base, applies: false, reason } });
  const parts: string[] = [];
  const { action, resource } = request;

  if (statement.NotAction !== undefined) {
    const excluded = asList(statement.NotAction).find((p) => actionMatches(p, action));
    if (excluded) return no(`action ${action} is excluded by NotAction ${excluded}`);
    parts.push(`action ${action} is not in NotAction ${asList(statement.NotAction).join(", ")}`);
  } else {
    const matched = asList(statement.Action).find((p) => actionMatches(p, action));
    if (!matched) return no(`action ${action} does not match ${asList(statement.Action).join(", ") || "(no Action)"}`);
    parts.push(`action ${action} matches ${matched}`);
  }

  if (statement.NotResource !== undefined) {
    const excluded = asList(statement.NotResource).find((p) => resourceMatches(p, resource, variables));
    if (excluded) return no(`resource ${resource} is excluded by NotResource ${excluded}`);
    parts.push(`resource is not in NotResource ${asList(statement.NotResource).join(", ")}`);
  } else if (statement.Resource !== undefined) {
    const matched = asList(statement.Resource).find((p) => resourceMatches(p, resource, variables));
    if (!matched) return no(`resource ${resource} does not match ${asList(statement.Resource).join(", ")}`);
    parts.push(`resource matches ${matched}`);
  } else if (isResourcePolicy) {
    // A resource policy is attached to its resource, so a statement without Resource means that resource.
    parts.push("no Resource element (the policy's own resource)");
  } else {
    return no("no Resource element");
  }

  let principalMatch: PrincipalMatch | undefined;
  if (isResourcePolicy) {
    const caller = request.principal.arn;
    if (statement.NotPrincipal !== undefined) {
      const excluded = matchPrincipal(statement.NotPrincipal, request.principal);
      if (excluded) return no(`principal ${caller} is excluded by NotPrincipal ${excluded.via}`);
      principalMatch = { kind: "direct", via: `NotPrincipal ${describePrincipalBlock(statement.NotPrincipal)}` };
      parts.push(`principal ${caller} is not in NotPrincipal ${describePrincipalBlock(statement.NotPrincipal)}`);
    } else if (statement.Principal === undefined) {
      return no("no Principal element, so the statement names no one");
    } else {
      principalMatch = matchPrincipal(statement.Principal, request.principal);
      if (!principalMatch) return no(`principal ${caller} does not match ${describePrincipalBlock(statement.Principal)}`);
      parts.push(
        principalMatch.kind === "account"
          ? `principal matches ${principalMatch.via} (the account ${request.principal.accountId}, which then decides through its IAM policies)`
          : `principal matches ${principalMatch.via}`,
      );
    }
  }

  const conditions = evaluateConditions(statement.Condition, context, variables);
  if (!conditions.holds) return no(conditions.details.join("; "));
  parts.push(...conditions.details);

  return { trace: { ...base, applies: true, reason: parts.join("; ") }, principal: principalMatch };
}

/** What a set of policies said about the request. */
interface PolicyFindings {
  deny: StatementTrace | undefined;
  allow: StatementTrace | undefined;
  /** Resource policies only: Allow statements that name the caller itself, or only its account. */
  allowDirect: StatementTrace | undefined;
  allowAccount: StatementTrace | undefined;
}

function examinePolicy(
  document: PolicyDocument,
  label: string,
  request: AuthorizationRequest,
  context: Context,
  isResourcePolicy: boolean,
  trace: StatementTrace[],
  findings: PolicyFindings,
): void {
  // Policy variables exist only in the 2012-10-17 language; in 2008-10-17 `${...}` is literal text.
  const variables = document.Version === "2012-10-17" ? context : undefined;
  for (const statement of asList(document.Statement)) {
    const outcome = examine(statement, label, request, context, variables, isResourcePolicy);
    trace.push(outcome.trace);
    if (!outcome.trace.applies) continue;
    if (statement.Effect === "Deny") findings.deny ??= outcome.trace;
    else {
      findings.allow ??= outcome.trace;
      if (outcome.principal?.kind === "account") findings.allowAccount ??= outcome.trace;
      else findings.allowDirect ??= outcome.trace;
    }
  }
}

/** "user/alice", "role/App (session i-123)", "root" — the identity whose policies these are. */
function identityName(principal: Principal): string {
  switch (principal.kind) {
    case "user":
      return `user/${principal.name}`;
    case "assumed-role":
      return `role/${principal.roleName}`;
    case "root":
      return "root";
    case "service":
      return principal.service;
  }
}

/**
 * Global condition keys AWS adds to every request, so policies can test them
 * (the caller's values win if it sets them).
 */
function requestContext(request: AuthorizationRequest): Context {
  const { principal } = request;
  const global: Context = { "aws:ResourceAccount": request.resourceAccount };
  if (principal.kind === "service") {
    global["aws:PrincipalServiceName"] = principal.service;
  } else {
    global["aws:PrincipalAccount"] = principal.accountId;
    // For a role session, aws:PrincipalArn is the role's ARN, not the session's.
    global["aws:PrincipalArn"] = principal.kind === "assumed-role" ? principal.roleArn : principal.arn;
    global["aws:PrincipalType"] = principal.kind === "user" ? "User" : principal.kind === "root" ? "Account" : "AssumedRole";
    if (principal.kind === "user") global["aws:username"] = principal.name;
  }
  return { ...global, ...request.context };
}

const emptyFindings = (): PolicyFindings => ({ deny: undefined, allow: undefined, allowDirect: undefined, allowAccount: undefined });

const quoteSid = (trace: StatementTrace) => (trace.sid ? `statement "${trace.sid}" of the ${trace.policy}` : `a statement of the ${trace.policy}`);

export function evaluate(request: AuthorizationRequest): AuthorizationResult {
  const { principal, action, resourceKind } = request;
  const context = requestContext(request);
  const trace: StatementTrace[] = [];
  const who = identityName(principal);

  const identity = emptyFindings();
  for (const { name, document } of request.identityPolicies) {
    examinePolicy(document, `identity policy "${name}" of ${who}`, request, context, false, trace, identity);
  }

  // The root user needs no identity-based policy: its own account allows it everything by default.
  const isRoot = principal.kind === "root";
  if (isRoot) {
    trace.push({
      policy: `account root user ${principal.arn}`,
      effect: "Allow",
      applies: true,
      reason: `the root user of account ${principal.accountId} is allowed by its own account without any identity-based policy`,
    });
  }

  const resource = emptyFindings();
  const primary = resourceKind === "kms-key" || resourceKind === "role-trust";
  const policyName = resourceKind === "kms-key" ? "key policy" : resourceKind === "role-trust" ? "trust policy" : "resource policy";
  const resourceLabel = `${policyName} of ${request.resource}`;
  if (request.resourcePolicy && resourceKind !== "identity-only") {
    examinePolicy(request.resourcePolicy, resourceLabel, request, context, true, trace, resource);
  }

  const identityAllows = isRoot || identity.allow !== undefined;
  const crossAccount = principal.kind !== "service" && principal.accountId !== request.resourceAccount;
  const keyOrResource = policyName;

  const allow = (summary: string): AuthorizationResult => ({ decision: "Allow", trace, summary });
  const deny = (deniedBy: NonNullable<AuthorizationResult["deniedBy"]>, summary: string): AuthorizationResult => ({
    decision: deniedBy.startsWith("explicit") ? "ExplicitDeny" : "ImplicitDeny",
    deniedBy,
    trace,
    summary,
  });
  const identityReason = () => (identity.allow ? `${quoteSid(identity.allow)} allows it` : "the root user is allowed by its own account");

  // 1. Explicit deny wins, wherever it is. AWS names the identity-based policy when both deny.
  if (identity.deny) return deny("explicit-deny-identity", `Denied: ${quoteSid(identity.deny)} explicitly denies ${action}, and an explicit deny overrides every allow.`);
  if (resource.deny) return deny("explicit-deny-resource", `Denied: ${quoteSid(resource.deny)} explicitly denies ${action}, and an explicit deny overrides every allow.`);

  // A grant allows on its own, whatever the policies say short of an explicit deny ("Grants in AWS KMS").
  if (request.grant) {
    trace.push({
      policy: `grant ${request.grant.grantId} on ${request.resource}`,
      effect: "Allow",
      applies: true,
      reason: `the grant gives ${request.grant.grantee} ${action.replace(/^kms:/, "")}, and the request meets its constraints`,
    });
    return allow(`Allowed: grant ${request.grant.grantId.slice(0, 12)}… gives ${who} ${action}. Grants add to what policies allow; only an explicit deny overrides them.`);
  }

  // 2. Another account's resource: both sides must allow.
  if (crossAccount) {
    const grant = resource.allowDirect ?? resource.allowAccount;
    if (resourceKind === "identity-only" || !grant) {
      const why =
        resourceKind === "identity-only"
          ? "this kind of resource has no resource-based policy, so no other account can be given access to it"
          : request.resourcePolicy
            ? `no statement of the ${keyOrResource} allows ${action} for ${principal.arn} or its account ${principal.accountId}`
            : `the resource has no ${keyOrResource}, so nothing lets account ${principal.accountId} in`;
      return deny("no-resource-allow", `Denied: the resource belongs to account ${request.resourceAccount}, and ${why}.`);
    }
    if (!identityAllows) {
      return deny(
        "no-identity-allow",
        `Denied: ${quoteSid(grant)} lets account ${principal.accountId} in, but cross-account access also needs an identity-based policy in account ${principal.accountId} that allows ${action}, and there is none.`,
      );
    }
    return allow(`Allowed across accounts: ${quoteSid(grant)} allows it on the resource's side, and on the caller's side ${identityReason()}.`);
  }

  // 3. Same account.
  if (primary) {
    if (resource.allowDirect) return allow(`Allowed: ${quoteSid(resource.allowDirect)} allows ${principal.arn} directly, so no IAM policy is needed.`);
    if (resource.allowAccount) {
      if (identityAllows) return allow(`Allowed: ${quoteSid(resource.allowAccount)} lets the account's IAM policies decide, and ${identityReason()}.`);
      return deny(
        "no-identity-allow",
        `Denied: ${quoteSid(resource.allowAccount)} lets the account's IAM policies decide, but no identity-based policy of ${who} allows ${action}.`,
      );
    }
    const iamNote = identity.allow ? ` (${quoteSid(identity.allow)} allows it, but IAM policies count only where the ${policyName} allows the account)` : "";
    return deny(
      "no-resource-allow",
      request.resourcePolicy
        ? `Denied: the ${policyName} neither allows ${principal.arn} nor allows the account ${rootArn(request.resourceAccount)}${iamNote}.`
        : resourceKind === "role-trust"
          ? `Denied: the role has no trust policy, so nobody can assume it${iamNote}.`
          : `Denied: the key has no key policy, and a KMS key is usable only through its key policy${iamNote}.`,
    );
  }

  if (identity.allow) return allow(`Allowed: ${quoteSid(identity.allow)} allows ${action}.`);
  if (resource.allowDirect) return allow(`Allowed: ${quoteSid(resource.allowDirect)} allows ${principal.arn} directly, so no identity-based policy is needed.`);
  if (identityAllows) return allow(`Allowed: the root user is allowed by its own account.`);
  const accountNote = resource.allowAccount ? ` (${quoteSid(resource.allowAccount)} names only the account, which leaves the decision to IAM policies)` : "";
  return deny("no-identity-allow", `Denied: no identity-based policy of ${who} allows ${action}${accountNote}.`);
}

/**
 * The lockout safety checks (KMS CreateKey/PutKeyPolicy, Secrets Manager
 * PutResourcePolicy): would the caller still be allowed to change the policy
 * afterwards? Pass the request for `kms:PutKeyPolicy` (or
 * `secretsmanager:PutResourcePolicy`) with the NEW policy as resourcePolicy.
 */
export function wouldLockOut(request: AuthorizationRequest): boolean {
  return evaluate(request).decision !== "Allow";
}
