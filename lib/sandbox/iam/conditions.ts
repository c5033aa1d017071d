/**
 * The Condition element, evaluated as the IAM User Guide describes it
 * ("IAM JSON policy elements: Condition operators" and "Single-valued vs.
 * multivalued context keys"):
 * - several values for one key are OR'd; several keys, and several operators,
 *   are AND'd;
 * - a key absent from the request makes the condition false, except that a
 *   negated operator (StringNotEquals, ArnNotLike, ...) is then true, an
 *   ...IfExists operator is then true, and Null exists to test presence;
 * - ForAnyValue: needs one request value to match; absent key → false.
 *   ForAllValues: needs every request value to match; absent key → true.
 */
import { arnMatches, exactMatch, lookupContext, wildcardMatch, type Context } from "./match";
import type { ConditionValue } from "./model";

type Compare = (policyValue: string, requestValue: string, variables: Context | undefined) => boolean;

interface BaseOperator {
  compare: Compare;
  /** Negated operators are the "Not" forms: true when nothing matches (and when the key is absent). */
  negated: boolean;
  /** How the expectation reads in a trace: `expected ${verb}${values}`. */
  verb: string;
}

const vars = (variables: Context | undefined) => (variables ? { variables } : {});

const stringEquals: Compare = (p, r, v) => exactMatch(p, r, vars(v));
const stringEqualsIgnoreCase: Compare = (p, r, v) => exactMatch(p, r, { ...vars(v), ignoreCase: true });
const stringLike: Compare = (p, r, v) => wildcardMatch(p, r, vars(v));
const arnLike: Compare = (p, r, v) => arnMatches(p, r, v);

function numeric(test: (policy: number, request: number) => boolean): Compare {
  return (p, r) => {
    const policy = Number(p);
    const request = Number(r);
    return p.trim() !== "" && r.trim() !== "" && !Number.isNaN(policy) && !Number.isNaN(request) && test(policy, request);
  };
}

/** Dates are ISO 8601 text or epoch seconds, as the Date operators accept. */
function toTime(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text) * 1000 : Date.parse(text);
}
function date(test: (policy: number, request: number) => boolean): Compare {
  return (p, r) => {
    const policy = toTime(p);
    const request = toTime(r);
    return !Number.isNaN(policy) && !Number.isNaN(request) && test(policy, request);
  };
}

function ipv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return undefined;
  return parts.reduce((acc, part) => acc * 256 + Number(part), 0);
}
/** IPv4 CIDR containment; IPv6 is compared literally (the sandbox has no IPv6 callers). */
const ipInRange: Compare = (p, r) => {
  const [base = "", bitsText] = p.split("/");
  const network = ipv4(base);
  const address = ipv4(r);
  if (network === undefined || address === undefined) return p === r;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(network / size) === Math.floor(address / size);
};

const BASE_OPERATORS: Record<string, BaseOperator> = {
  StringEquals: { compare: stringEquals, negated: false, verb: "" },
  StringNotEquals: { compare: stringEquals, negated: true, verb: "not " },
  StringEqualsIgnoreCase: { compare: stringEqualsIgnoreCase, negated: false, verb: "(ignoring case) " },
  StringNotEqualsIgnoreCase: { compare: stringEqualsIgnoreCase, negated: true, verb: "not (ignoring case) " },
  StringLike: { compare: stringLike, negated: false, verb: "like " },
  StringNotLike: { compare: stringLike, negated: true, verb: "not like " },
  NumericEquals: { compare: numeric((p, r) => r === p), negated: false, verb: "= " },
  NumericNotEquals: { compare: numeric((p, r) => r === p), negated: true, verb: "!= " },
  NumericLessThan: { compare: numeric((p, r) => r < p), negated: false, verb: "< " },
  NumericLessThanEquals: { compare: numeric((p, r) => r <= p), negated: false, verb: "<= " },
  NumericGreaterThan: { compare: numeric((p, r) => r > p), negated: false, verb: "> " },
  NumericGreaterThanEquals: { compare: numeric((p, r) => r >= p), negated: false, verb: ">= " },
  DateEquals: { compare: date((p, r) => r === p), negated: false, verb: "= " },
  DateNotEquals: { compare: date((p, r) => r === p), negated: true, verb: "!= " },
  DateLessThan: { compare: date((p, r) => r < p), negated: false, verb: "before " },
  DateLessThanEquals: { compare: date((p, r) => r <= p), negated: false, verb: "at or before " },
  DateGreaterThan: { compare: date((p, r) => r > p), negated: false, verb: "after " },
  DateGreaterThanEquals: { compare: date((p, r) => r >= p), negated: false, verb: "at or after " },
  Bool: { compare: (p, r) => p.toLowerCase() === r.toLowerCase(), negated: false, verb: "" },
  BinaryEquals: { compare: (p, r) => p === r, negated: false, verb: "" },
  IpAddress: { compare: ipInRange, negated: false, verb: "in " },
  NotIpAddress: { compare: ipInRange, negated: true, verb: "not in " },
  // ArnEquals and ArnLike behave identically in AWS: both accept wildcards per ARN component.
  ArnEquals: { compare: arnLike, negated: false, verb: "" },
  ArnLike: { compare: arnLike, negated: false, verb: "like " },
  ArnNotEquals: { compare: arnLike, negated: true, verb: "not " },
  ArnNotLike: { compare: arnLike, negated: true, verb: "not like " },
};

export interface ParsedOperator {
  set: "ForAnyValue" | "ForAllValues" | undefined;
  base: string;
  ifExists: boolean;
}

/** Splits `ForAllValues:StringLikeIfExists` into its parts; undefined if AWS does not know the operator. */
export function parseOperator(operator: string): ParsedOperator | undefined {
  const setMatch = /^(ForAnyValue|ForAllValues):/.exec(operator);
  const set = setMatch ? (setMatch[1] as "ForAnyValue" | "ForAllValues") : undefined;
  let base = setMatch ? operator.slice(setMatch[0].length) : operator;
  const ifExists = base !== "Null" && base.endsWith("IfExists");
  if (ifExists) base = base.slice(0, -"IfExists".length);
  if (base !== "Null" && !(base in BASE_OPERATORS)) return undefined;
  return { set, base, ifExists };
}

export interface ConditionOutcome {
  holds: boolean;
  /** e.g. "condition StringEquals kms:ViaService: expected ssm.us-east-1.amazonaws.com, got (missing)" */
  detail: string;
  /** Set when the operator is not one AWS knows: the statement then does not apply. */
  unknownOperator?: boolean;
}

const toStrings = (value: ConditionValue): string[] => (Array.isArray(value) ? value : [value]).map(String);

/** One operator/key pair of a Condition block. */
export function evaluateCondition(operator: string, key: string, value: ConditionValue, context: Context, variables: Context | undefined): ConditionOutcome {
  const label = `condition ${operator} ${key}`;
  const parsed = parseOperator(operator);
  if (!parsed) {
    return { holds: false, unknownOperator: true, detail: `${label}: unknown condition operator ${operator}, so the statement is ignored` };
  }
  const policyValues = toStrings(value);
  const found = lookupContext(context, key);
  const present = found !== undefined && found.length > 0;
  const got = present ? found.join(", ") : "(missing)";

  if (parsed.base === "Null") {
    // "true" means the key must be absent, "false" that it must be present.
    const holds = policyValues.some((v) => (v.toLowerCase() === "true") === !present);
    const expected = policyValues.map((v) => (v.toLowerCase() === "true" ? "key absent" : "key present")).join(" or ");
    return { holds, detail: `${label}: expected ${expected}, got ${present ? found.join(", ") : "key absent"}` };
  }

  const base = BASE_OPERATORS[parsed.base] as BaseOperator;
  const list = policyValues.join(base.negated ? ", " : " or ");
  const expected = `${base.verb}${base.negated && policyValues.length > 1 ? "any of " : ""}${list}`;

  if (!present) {
    if (parsed.ifExists) return { holds: true, detail: `${label}: key is absent, and ...IfExists treats an absent key as a match` };
    if (parsed.set === "ForAllValues") return { holds: true, detail: `${label}: key is absent, so ForAllValues holds (there is no value to check)` };
    if (parsed.set === undefined && base.negated) {
      return { holds: true, detail: `${label}: key is absent, which a negated operator treats as a match` };
    }
    return { holds: false, detail: `${label}: expected ${expected}, got (missing)` };
  }

  const matchesAny = (requestValue: string) => policyValues.some((p) => base.compare(p, requestValue, variables));
  const valueHolds = (requestValue: string) => (base.negated ? !matchesAny(requestValue) : matchesAny(requestValue));
  let holds: boolean;
  if (parsed.set === "ForAllValues") holds = found.every(valueHolds);
  else if (parsed.set === "ForAnyValue") holds = found.some(valueHolds);
  // Without a set operator, a negated operator must hold for the key as a whole: no value may match.
  else holds = base.negated ? !found.some(matchesAny) : found.some(matchesAny);

  return { holds, detail: holds ? `${label}: ${got} is ${expected}` : `${label}: expected ${expected}, got ${got}` };
}

/** All of a statement's conditions (AND). Stops at the first that fails, which is the one the trace reports. */
export function evaluateConditions(
  conditions: Record<string, Record<string, ConditionValue>> | undefined,
  context: Context,
  variables: Context | undefined,
): { holds: boolean; details: string[]; unknownOperator: boolean } {
  const details: string[] = [];
  for (const [operator, keys] of Object.entries(conditions ?? {})) {
    for (const [key, value] of Object.entries(keys)) {
      const outcome = evaluateCondition(operator, key, value, context, variables);
      if (!outcome.holds) return { holds: false, details: [outcome.detail], unknownOperator: outcome.unknownOperator === true };
      details.push(outcome.detail);
    }
  }
  return { holds: true, details, unknownOperator: false };
}
