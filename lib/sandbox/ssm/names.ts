import * as errors from "./errors";

/**
 * Parameter names, paths, selectors and ARNs, with AWS's rules (API reference,
 * PutParameter "Naming Constraints"; AWS-CLI.md section 4.1):
 * - letters, digits and `_ . -`, with `/` separating the levels of a hierarchy,
 *   and a hierarchical name must begin with `/`;
 * - leading and trailing spaces are removed, inner spaces are refused;
 * - no name may begin with "aws" or "ssm" (any case, with or without the slash);
 * - at most 15 levels, and at most 1011 characters counting the ARN prefix
 *   (`arn:aws:ssm:<region>:<account>:parameter/`).
 */

export const MAX_LEVELS = 15;
export const MAX_NAME_WITH_ARN = 1011;

const SEGMENT = /^[a-zA-Z0-9_.-]+$/;

/** `arn:aws:ssm:<region>:<account>:parameter/<name without its leading slash>` */
export function parameterArn(region: string, account: string, name: string): string {
  return `${arnPrefix(region, account)}${name.startsWith("/") ? name.slice(1) : name}`;
}

export function arnPrefix(region: string, account: string): string {
  return `arn:aws:ssm:${region}:${account}:parameter/`;
}

/** The path a GetParametersByPath request is authorised against: the parameter ARN prefix plus the path as given. */
export function pathArn(region: string, account: string, path: string): string {
  return `arn:aws:ssm:${region}:${account}:parameter${path}`;
}

/** AWS trims spaces at both ends of a name (and only spaces). */
export function trimName(name: string): string {
  return name.replace(/^ +| +$/g, "");
}

/** The levels of a name or path: "/a/b/c" has three, "a" has one. */
export function levelsOf(name: string): string[] {
  const body = name.startsWith("/") ? name.slice(1) : name;
  const trimmed = body.endsWith("/") ? body.slice(0, -1) : body;
  return trimmed === "" ? [] : trimmed.split("/");
}

function wellFormed(name: string): boolean {
  if (name.includes("/") && !name.startsWith("/")) return false;
  const levels = levelsOf(name);
  if (levels.length === 0 || name.endsWith("/")) return false;
  return levels.every((level) => SEGMENT.test(level));
}

export type NameUse = "write" | "read";

/**
 * Checks a parameter name (no selector, no ARN) and returns it trimmed.
 * Writes may not touch the reserved "aws" namespace (AccessDeniedException);
 * reads may, since AWS publishes public parameters under /aws (the sandbox has
 * none, so those reads find nothing).
 */
export function checkName(raw: string, use: NameUse, region: string, account: string): string {
  const name = trimName(raw);
  const bare = (name.startsWith("/") ? name.slice(1) : name).toLowerCase();
  if (use === "write" && bare.startsWith("aws")) throw errors.reservedName(name);
  if (bare.startsWith("ssm")) throw errors.invalidName();
  if (levelsOf(name).length > MAX_LEVELS) throw errors.hierarchyLevelLimit();
  if (!wellFormed(name)) throw errors.invalidName();
  const limit = MAX_NAME_WITH_ARN - arnPrefix(region, account).length;
  if (bare.length > limit) throw errors.nameTooLong(name, limit);
  return name;
}

/** Checks a GetParametersByPath path ("/", "/app", "/app/") and returns it trimmed. */
export function checkPath(raw: string): string {
  const path = trimName(raw);
  if (!path.startsWith("/") || path.includes("//")) throw errors.invalidPath();
  const levels = levelsOf(path);
  if (levels.some((level) => !SEGMENT.test(level))) throw errors.invalidPath();
  if ((levels[0] ?? "").toLowerCase().startsWith("ssm")) throw errors.invalidPath();
  if (levels.length > MAX_LEVELS) throw errors.hierarchyLevelLimit();
  return path;
}

/** A reference to a parameter as Get* operations take it: a name or an ARN, optionally with `:version` or `:label`. */
export interface ParameterReference {
  /** The name as written (from the ARN: with a leading slash). */
  name: string;
  /** The account and Region an ARN names; undefined for plain names. */
  account?: string;
  region?: string;
  selector?: { kind: "version"; version: number; text: string } | { kind: "label"; label: string; text: string };
  /** More than one ":" after the name: nothing can match. */
  malformed?: boolean;
}

const PARAMETER_ARN = /^arn:aws:ssm:([^:]*):(\d{12}):parameter(\/.*)$/;

export function parseReference(raw: string, allowSelector: boolean): ParameterReference {
  const text = trimName(raw);
  let body = text;
  let account: string | undefined;
  let region: string | undefined;
  const arn = PARAMETER_ARN.exec(text);
  if (arn) {
    region = arn[1] ?? "";
    account = arn[2] ?? "";
    body = arn[3] ?? "/";
  }
  const colon = body.indexOf(":");
  const name = colon === -1 ? body : body.slice(0, colon);
  const reference: ParameterReference = { name };
  if (account !== undefined) {
    reference.account = account;
    reference.region = region;
  }
  if (colon !== -1) {
    const selector = body.slice(colon + 1);
    if (!allowSelector || selector.includes(":") || selector === "") reference.malformed = true;
    else if (/^\d+$/.test(selector)) reference.selector = { kind: "version", version: Number(selector), text: `:${selector}` };
    else reference.selector = { kind: "label", label: selector, text: `:${selector}` };
  }
  return reference;
}
