import * as errors from "./errors";
import { levelsOf } from "./names";
import { PARAMETER_TYPES, type ParameterRecord, type ParameterVersion } from "./state";

/**
 * ParameterStringFilter rules (API reference, ParameterStringFilter; moto's
 * tests of DescribeParameters and GetParametersByPath):
 * - DescribeParameters takes Name, Type, KeyId, Path, Tier, DataType and
 *   tag:<key>, not Label; GetParametersByPath takes only Type, KeyId and Label.
 * - Options: Equals (the default) and BeginsWith; Name also Contains; Path takes
 *   OneLevel (its default) and Recursive; Label only Equals.
 * - Each key at most once; Values are required (a tag filter without Values
 *   matches any parameter carrying the tag key).
 */

export interface StringFilter {
  Key: string;
  Option?: string | undefined;
  Values?: string[] | undefined;
}

export type FilterUse = "describe" | "byPath";

const TIERS = ["Standard", "Advanced", "Intelligent-Tiering"];
const EQUALS_OR_BEGINS = "BeginsWith, Equals";

function defaultOption(key: string): string {
  return key === "Path" ? "OneLevel" : "Equals";
}

/** Checks filters as AWS does before running the query; throws the first problem. */
export function checkFilters(filters: readonly StringFilter[], use: FilterUse): void {
  const seen = new Set<string>();
  for (const filter of filters) {
    const { Key: key } = filter;
    const option = filter.Option ?? defaultOption(key);
    const isTag = key.startsWith("tag:");
    if (use === "byPath" && !["Type", "KeyId", "Label"].includes(key)) throw errors.byPathFilterKey(key);
    if (use === "describe" && key === "Label") throw errors.describeFilterKey(key);
    if (seen.has(key)) throw errors.duplicateFilter(key);
    seen.add(key);
    const values = filter.Values ?? [];
    if (values.length === 0 && !isTag) throw errors.filterValuesMissing(key);

    if (key === "Path") {
      if (option !== "OneLevel" && option !== "Recursive") throw errors.filterOption(option, "Recursive, OneLevel");
      for (const value of values) checkPathValue(value);
    } else if (key === "Name") {
      if (!["Equals", "BeginsWith", "Contains"].includes(option)) throw errors.filterOption(option, "BeginsWith, Contains, Equals");
    } else if (key === "Label") {
      if (option !== "Equals") throw errors.filterOption(option, "Equals");
    } else if (option !== "Equals" && option !== "BeginsWith") {
      throw errors.filterOption(option, EQUALS_OR_BEGINS);
    }

    if (key === "Type") for (const value of values) if (!(PARAMETER_TYPES as readonly string[]).includes(value)) throw errors.filterValue(value, "String, StringList, SecureString");
    if (key === "Tier") for (const value of values) if (!TIERS.includes(value)) throw errors.filterValue(value, TIERS.join(", "));
  }
}

function checkPathValue(value: string): void {
  const first = (levelsOf(value)[0] ?? "").toLowerCase();
  if (first.startsWith("aws") || first.startsWith("ssm")) throw errors.reservedPathFilter();
  if (!value.startsWith("/") || value.includes("//") || !/^[a-zA-Z0-9_.\-/]*$/.test(value)) throw errors.invalidPath();
}

/** "/" + the name without leading slashes: Name and Path filters treat "foo" and "/foo" alike. */
const rooted = (name: string) => `/${name.replace(/^\/+/, "")}`;

function textMatches(subject: string | undefined, option: string, values: readonly string[]): boolean {
  if (subject === undefined) return false;
  if (option === "BeginsWith") return values.some((value) => subject.startsWith(value));
  if (option === "Contains") return values.some((value) => subject.includes(value));
  return values.includes(subject);
}

/** The parent path of a name: "/a/b/c" -> "/a/b", "/a" and "a" -> "/". */
function parentOf(name: string): string {
  const levels = levelsOf(name);
  return `/${levels.slice(0, -1).join("/")}`;
}

/**
 * Does the parameter (its `version`, normally the current one) pass every
 * filter? Label filters are handled by `labeledVersion`, not here.
 */
export function matchesFilters(record: ParameterRecord, version: ParameterVersion, filters: readonly StringFilter[]): boolean {
  for (const filter of filters) {
    const option = filter.Option ?? defaultOption(filter.Key);
    const values = filter.Values ?? [];
    const key = filter.Key;
    let ok: boolean;
    if (key === "Name") {
      ok = option === "Contains" ? textMatches(record.name, option, values) : textMatches(rooted(record.name), option, values.map(rooted));
    } else if (key === "Path") {
      const paths = values.map((value) => (value === "/" ? "/" : `/${value.replace(/^\/+|\/+$/g, "")}`));
      const name = rooted(record.name);
      ok = option === "Recursive" ? paths.some((path) => path === "/" || name.startsWith(`${path}/`)) : paths.includes(parentOf(name));
    } else if (key === "Type") ok = textMatches(version.type, option, values);
    else if (key === "KeyId") ok = textMatches(version.keyId, option, values);
    else if (key === "Tier") ok = textMatches(record.tier, option, values);
    else if (key === "DataType") ok = textMatches(version.dataType, option, values);
    else if (key.startsWith("tag:")) {
      const tag = record.tags.find((candidate) => candidate.Key === key.slice(4));
      ok = tag !== undefined && (values.length === 0 || textMatches(tag.Value, option, values));
    } else ok = true; // Label: see labeledVersion
    if (!ok) return false;
  }
  return true;
}

/** With a Label filter, the version carrying one of its labels (GetParametersByPath returns that version); otherwise the current one. */
export function labeledVersion(record: ParameterRecord, filters: readonly StringFilter[]): ParameterVersion | undefined {
  const label = filters.find((filter) => filter.Key === "Label");
  if (!label) return record.history[record.history.length - 1];
  const wanted = label.Values ?? [];
  for (let at = record.history.length - 1; at >= 0; at--) {
    const version = record.history[at] as ParameterVersion;
    if (version.labels.some((candidate) => wanted.includes(candidate))) return version;
  }
  return undefined;
}
