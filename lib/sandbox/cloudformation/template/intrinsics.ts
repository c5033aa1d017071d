import { toBase64, utf8 } from "../../core/encoding";
import * as errors from "../errors";
import { notSimulated } from "./model";

/**
 * Intrinsic functions (user guide, "Intrinsic function reference"): Ref,
 * Fn::GetAtt, Fn::Sub (both forms), Fn::Join, Fn::Base64, Fn::Select,
 * Fn::Split and Fn::GetAZs, with the pseudo parameters. Dynamic references
 * (`{{resolve:...}}`) are not intrinsics: they are strings to this module
 * and are resolved afterwards (dynamic-references.ts), as CloudFormation
 * does ("resolved after the intrinsics").
 */

export const PSEUDO_PARAMETERS = ["AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix"];

/** Functions CloudFormation has that the sandbox does not simulate. */
const NOT_SIMULATED = ["Fn::If", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition", "Fn::FindInMap", "Fn::ImportValue", "Fn::Cidr", "Fn::ToJsonString", "Fn::Length", "Fn::Transform"];

/** AWS::NoValue: the property it is given to is removed. */
export const NO_VALUE: unique symbol = Symbol("AWS::NoValue");

export type Intrinsic = [name: string, argument: unknown];

/** `{ "Ref": ... }` or `{ "Fn::X": ... }`: an object with a single key naming a function. */
export function asIntrinsic(value: unknown): Intrinsic | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const name = keys[0]!;
  if (name !== "Ref" && name !== "Condition" && !name.startsWith("Fn::")) return undefined;
  return [name, (value as Record<string, unknown>)[name]];
}

/** The two parts of Fn::GetAtt: `[resource, attribute]` or `"resource.attribute"`. */
export function getAttParts(argument: unknown): [string, string] {
  if (typeof argument === "string") {
    const dot = argument.indexOf(".");
    if (dot > 0) return [argument.slice(0, dot), argument.slice(dot + 1)];
  }
  if (Array.isArray(argument) && argument.length === 2 && typeof argument[0] === "string" && typeof argument[1] === "string") return [argument[0], argument[1]];
  // NOTE: unverified wording.
  throw errors.malformedFunction("Fn::GetAtt", "requires a list of two strings: the logical name of a resource and the name of one of its attributes");
}

/** The `${...}` variables of an Fn::Sub string (`${!Literal}` is not one). */
export function subVariables(text: string): string[] {
  return [...text.matchAll(/\$\{([^}]*)\}/g)].map((match) => match[1]!).filter((name) => !name.startsWith("!"));
}

function subArguments(argument: unknown): [string, Record<string, unknown>] {
  if (typeof argument === "string") return [argument, {}];
  if (Array.isArray(argument) && argument.length === 2 && typeof argument[0] === "string" && typeof argument[1] === "object" && argument[1] !== null && !Array.isArray(argument[1])) {
    return [argument[0], argument[1] as Record<string, unknown>];
  }
  // NOTE: unverified wording.
  throw errors.malformedFunction("Fn::Sub", "requires a string, or a list of a string and a map of variables");
}

export interface StaticReferences {
  /** Names given to Ref (parameters, pseudo parameters, resources). */
  refs: string[];
  /** [resource, attribute] pairs of Fn::GetAtt and of `${Resource.Attribute}` in Fn::Sub. */
  getAtts: Array<[string, string]>;
}

/** What a piece of template refers to, without evaluating it (dependencies and the format checks). */
export function collectReferences(value: unknown, into: StaticReferences = { refs: [], getAtts: [] }): StaticReferences {
  const intrinsic = asIntrinsic(value);
  if (intrinsic) {
    const [name, argument] = intrinsic;
    if (NOT_SIMULATED.includes(name)) throw notSimulated(`${name}`);
    if (name === "Ref") {
      if (typeof argument !== "string") throw errors.malformedFunction("Ref", "requires the logical name of a parameter or resource as a string"); // NOTE: unverified wording.
      into.refs.push(argument);
      return into;
    }
    if (name === "Fn::GetAtt") {
      into.getAtts.push(getAttParts(argument));
      return into;
    }
    if (name === "Fn::Sub") {
      const [text, variables] = subArguments(argument);
      for (const variable of subVariables(text)) {
        if (variable in variables) continue;
        if (PSEUDO_PARAMETERS.includes(variable)) continue;
        const dot = variable.indexOf(".");
        if (dot > 0) into.getAtts.push([variable.slice(0, dot), variable.slice(dot + 1)]);
        else into.refs.push(variable);
      }
      for (const variable of Object.values(variables)) collectReferences(variable, into);
      return into;
    }
    if (!["Fn::Join", "Fn::Base64", "Fn::Select", "Fn::Split", "Fn::GetAZs"].includes(name)) {
      // "Template Error: Encountered unsupported function: fn::GetAtt Supported functions are: [Fn::Base64, Fn::GetAtt, Fn::GetAZs,
      // Fn::ImportValue, Fn::Join, Fn::Split, Fn::FindInMap, Fn::Select, Ref, Fn::Equals, Fn::If, Fn::Not, Condition, Fn::And, Fn::Or,
      // Fn::Contains, Fn::EachMemberEquals, Fn::EachMember..." (a Serverless Framework deploy's output quoted in a public note; cut off there).
      // NOTE: unverified: the end of the list after "Fn::EachMember".
      throw errors.validationError(`Template Error: Encountered unsupported function: ${name} Supported functions are: [Fn::Base64, Fn::GetAtt, Fn::GetAZs, Fn::ImportValue, Fn::Join, Fn::Split, Fn::FindInMap, Fn::Select, Ref, Fn::Equals, Fn::If, Fn::Not, Condition, Fn::And, Fn::Or, Fn::Contains, Fn::EachMemberEquals, Fn::EachMemberIn, Fn::ValueOf, Fn::ValueOfAll, Fn::RefAll, Fn::Sub, Fn::Cidr]`);
    }
    collectReferences(argument, into);
    return into;
  }
  if (Array.isArray(value)) for (const item of value) collectReferences(item, into);
  else if (typeof value === "object" && value !== null) for (const item of Object.values(value)) collectReferences(item, into);
  return into;
}

/** What evaluation needs: the values Ref and Fn::GetAtt stand for. */
export interface EvaluationScope {
  /** Pseudo parameters and template parameters (lists for list-typed parameters). */
  values: Record<string, string | string[]>;
  /** Ref of a resource: its physical id (or what the type documents). */
  ref(logicalId: string): string;
  getAtt(logicalId: string, attribute: string): string;
  availabilityZones(region: string): string[];
}

function asText(value: unknown, where: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // NOTE: unverified wording.
  throw errors.malformedFunction(where, "requires string values");
}

function asList(value: unknown, where: string): unknown[] {
  if (Array.isArray(value)) return value;
  // NOTE: unverified wording.
  throw errors.malformedFunction(where, "requires a list");
}

/** Evaluates every intrinsic function in `value`; `NO_VALUE` marks what AWS::NoValue removes. */
export function evaluate(value: unknown, scope: EvaluationScope): unknown {
  const intrinsic = asIntrinsic(value);
  if (intrinsic) return evaluateFunction(intrinsic, scope);
  if (Array.isArray(value)) return value.map((item) => evaluate(item, scope)).filter((item) => item !== NO_VALUE);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const evaluated = evaluate(item, scope);
      if (evaluated !== NO_VALUE) out[key] = evaluated;
    }
    return out;
  }
  return value;
}

function refValue(name: string, scope: EvaluationScope): unknown {
  if (name === "AWS::NoValue") return NO_VALUE;
  if (name in scope.values) return scope.values[name];
  return scope.ref(name);
}

function evaluateFunction([name, argument]: Intrinsic, scope: EvaluationScope): unknown {
  switch (name) {
    case "Ref":
      return refValue(asText(argument, "Ref"), scope);
    case "Fn::GetAtt": {
      const [logicalId, attribute] = getAttParts(argument);
      return scope.getAtt(logicalId, attribute);
    }
    case "Fn::Sub": {
      const [text, variables] = subArguments(argument);
      const evaluatedVariables: Record<string, unknown> = {};
      for (const [key, variable] of Object.entries(variables)) evaluatedVariables[key] = evaluate(variable, scope);
      return text.replace(/\$\{([^}]*)\}/g, (whole, variable: string) => {
        if (variable.startsWith("!")) return "${" + variable.slice(1) + "}";
        if (variable in evaluatedVariables) return asText(evaluatedVariables[variable], "Fn::Sub");
        if (variable in scope.values) {
          const value = scope.values[variable];
          return Array.isArray(value) ? value.join(",") : (value as string);
        }
        const dot = variable.indexOf(".");
        if (dot > 0) return scope.getAtt(variable.slice(0, dot), variable.slice(dot + 1));
        return scope.ref(variable);
      });
    }
    case "Fn::Join": {
      const parts = asList(argument, "Fn::Join");
      if (parts.length !== 2) throw errors.malformedFunction("Fn::Join", "requires two parameters, a string delimiter and a list of strings to be joined"); // NOTE: unverified wording.
      const delimiter = asText(evaluate(parts[0], scope), "Fn::Join");
      const items = asList(evaluate(parts[1], scope), "Fn::Join");
      return items.map((item) => asText(item, "Fn::Join")).join(delimiter);
    }
    case "Fn::Base64":
      return toBase64(utf8.encode(asText(evaluate(argument, scope), "Fn::Base64")));
    case "Fn::Select": {
      const parts = asList(argument, "Fn::Select");
      if (parts.length !== 2) throw errors.malformedFunction("Fn::Select", "requires two parameters, an index and a list"); // NOTE: unverified wording.
      const index = Number(asText(evaluate(parts[0], scope), "Fn::Select"));
      const items = asList(evaluate(parts[1], scope), "Fn::Select");
      if (!Number.isInteger(index) || index < 0 || index >= items.length) throw errors.selectOutOfRange(index);
      return items[index];
    }
    case "Fn::Split": {
      const parts = asList(argument, "Fn::Split");
      if (parts.length !== 2) throw errors.malformedFunction("Fn::Split", "requires two parameters, a delimiter and a string"); // NOTE: unverified wording.
      const delimiter = asText(evaluate(parts[0], scope), "Fn::Split");
      return asText(evaluate(parts[1], scope), "Fn::Split").split(delimiter);
    }
    case "Fn::GetAZs": {
      const region = asText(evaluate(argument ?? "", scope), "Fn::GetAZs");
      return scope.availabilityZones(region === "" ? asText(scope.values["AWS::Region"], "Fn::GetAZs") : region);
    }
    default:
      throw notSimulated(name);
  }
}

/**
 * Fn::GetAZs: the Region's Availability Zones.
 * NOTE: the sandbox's list: six zones (a-f) in us-east-1, three (a-c) elsewhere; AWS lists the zones
 * the account can use, which differ per account.
 */
export function availabilityZones(region: string): string[] {
  const letters = region === "us-east-1" ? "abcdef" : "abc";
  return [...letters].map((letter) => `${region}${letter}`);
}
