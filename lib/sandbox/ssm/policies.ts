import * as errors from "./errors";
import type { ParameterPolicy } from "./state";

/**
 * Parameter policies (Systems Manager User Guide, "Assigning parameter
 * policies"): a JSON array of at most 10 policies, one per type, of the types
 * Expiration (Attributes.Timestamp), ExpirationNotification (Attributes.Before
 * and Unit) and NoChangeNotification (Attributes.After and Unit). Only
 * advanced parameters may have them.
 *
 * The sandbox deletes a parameter when its Expiration time passes (the
 * simulated clock runs due events). NOTE: the notification policies are
 * stored and shown but send no EventBridge events.
 */

export const POLICY_TYPES = ["Expiration", "ExpirationNotification", "NoChangeNotification"] as const;

export interface ParsedPolicies {
  policies: ParameterPolicy[];
  /** ms since the epoch, when there is an Expiration policy. */
  expiresAt?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function parsePolicies(text: string): ParsedPolicies {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw errors.invalidPolicyAttribute("Policies must be a JSON array of policies.");
  }
  if (!Array.isArray(parsed)) throw errors.invalidPolicyAttribute("Policies must be a JSON array of policies.");
  if (parsed.length > 10) throw errors.policiesLimit();
  const result: ParsedPolicies = { policies: [] };
  const seen = new Set<string>();
  for (const policy of parsed) {
    if (!isObject(policy)) throw errors.invalidPolicyAttribute("Each policy must be a JSON object.");
    const type = policy["Type"];
    if (typeof type !== "string" || !(POLICY_TYPES as readonly string[]).includes(type)) throw errors.invalidPolicyType(String(type));
    if (seen.has(type)) throw errors.incompatiblePolicy(type);
    seen.add(type);
    const attributes = policy["Attributes"];
    if (!isObject(attributes)) throw errors.invalidPolicyAttribute(`The ${type} policy needs Attributes.`);
    if (type === "Expiration") {
      const at = typeof attributes["Timestamp"] === "string" ? Date.parse(attributes["Timestamp"]) : Number.NaN;
      if (!Number.isFinite(at)) throw errors.invalidPolicyAttribute("Expiration needs a Timestamp in ISO 8601 format.");
      result.expiresAt = at;
    } else {
      const amount = type === "ExpirationNotification" ? attributes["Before"] : attributes["After"];
      const unit = attributes["Unit"];
      if (typeof amount !== "string" || !/^\d+$/.test(amount) || (unit !== "Days" && unit !== "Hours")) {
        throw errors.invalidPolicyAttribute(`${type} needs ${type === "ExpirationNotification" ? "Before" : "After"} (a number as a string) and Unit (Days or Hours).`);
      }
    }
    result.policies.push({ PolicyText: JSON.stringify(policy), PolicyType: type, PolicyStatus: "Pending" });
  }
  return result;
}

/** The Expiration time of stored policies, if any. */
export function expirationOf(policies: readonly ParameterPolicy[] | undefined): number | undefined {
  const expiration = policies?.find((policy) => policy.PolicyType === "Expiration");
  if (!expiration) return undefined;
  return parsePolicies(`[${expiration.PolicyText}]`).expiresAt;
}
