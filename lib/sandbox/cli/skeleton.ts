/**
 * --generate-cli-skeleton: botocore's ArgumentGenerator. `input` prints a JSON
 * template for --cli-input-json; `output` builds a sample response (member
 * names as strings, 0, true, 1970-01-01), which the real CLI checks against
 * the output model before printing, so it fails for many operations (the
 * sandbox does the same); `yaml-input` prints a YAML template whose comments
 * say which members are required and their valid values (the real one adds
 * AWS's documentation, which the sandbox does not copy).
 */
import { ParamValidationError } from "./errors";
import type { Shape } from "./model";
import { jsonDumps } from "./python/json";
import { PyDatetime, PyDict, PyFloat, type PyValue } from "./python/values";
import { validateParameters } from "./validate";

function generate(shape: Shape, stack: string[], useMemberNames: boolean, name = ""): PyValue {
  stack.push(shape.name);
  try {
    switch (shape.type) {
      case "structure": {
        const skeleton = new PyDict();
        if (stack.filter((entry) => entry === shape.name).length > 1) return skeleton;
        for (const [member, memberShape] of shape.members) skeleton.set(member, generate(memberShape, stack, useMemberNames, member));
        return skeleton;
      }
      case "list":
        return [generate(shape.member, stack, useMemberNames, useMemberNames ? shape.member.name : "")];
      case "map":
        return PyDict.from([["KeyName", generate(shape.value, stack, useMemberNames)]]);
      case "string":
        if (useMemberNames) return name;
        return shape.enumValues[0] ?? "";
      case "integer":
      case "long":
        return 0;
      case "float":
      case "double":
        return new PyFloat(0);
      case "boolean":
        return true;
      case "timestamp":
        return new PyDatetime("1970-01-01T00:00:00");
      default:
        return null;
    }
  } finally {
    stack.pop();
  }
}

export function skeletonInput(shape: Shape | undefined): string {
  const skeleton = shape ? generate(shape, [], false) : new PyDict();
  return jsonDumps(skeleton, 4) + "\n";
}

/** The sample response, validated as botocore's Stubber validates it. */
export function skeletonOutput(shape: Shape | undefined): PyDict {
  if (!shape) return new PyDict();
  const response = generate(shape, [], true) as PyDict;
  const report = validateParameters(response, shape);
  if (report) throw new ParamValidationError(report);
  return response;
}

function yamlScalar(value: PyValue): string {
  if (value === "") return "''";
  if (value === null) return "!!binary ''";
  if (value === true) return "true";
  if (value instanceof PyFloat) return "0.0";
  if (value instanceof PyDatetime) return "1970-01-01 00:00:00";
  return String(value);
}

function yamlLines(value: PyValue, shape: Shape, indent: string, out: string[]): void {
  if (value instanceof PyDict) {
    for (const [key, item] of value) {
      const memberShape = shape.type === "structure" ? shape.members.get(key)! : shape.value;
      const notes: string[] = [];
      if (shape.type === "structure" && shape.required.includes(key)) notes.push("[REQUIRED]");
      if (memberShape.enumValues.length) notes.push(`Valid values are: ${memberShape.enumValues.join(", ")}.`);
      const comment = notes.length ? ` # ${notes.join(" ")}` : "";
      if (item instanceof PyDict || Array.isArray(item)) {
        const empty = item instanceof PyDict ? item.size === 0 : item.length === 0;
        if (empty) out.push(`${indent}${key}: ${item instanceof PyDict ? "{}" : "[]"}${comment}`);
        else {
          out.push(`${indent}${key}:${comment}`);
          yamlLines(item, memberShape, item instanceof PyDict ? indent + "  " : indent, out);
        }
      } else out.push(`${indent}${key}: ${yamlScalar(item)}${comment}`);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (item instanceof PyDict) {
        const inner: string[] = [];
        yamlLines(item, shape.member, indent + "  ", inner);
        if (inner.length) out.push(indent + "- " + inner[0]!.slice(indent.length + 2), ...inner.slice(1));
        else out.push(`${indent}- {}`);
      } else out.push(`${indent}- ${yamlScalar(item)}`);
    }
  }
}

export function skeletonYamlInput(shape: Shape | undefined): string {
  if (!shape || shape.members.size === 0) return "{}\n";
  const out: string[] = [];
  yamlLines(generate(shape, [], false), shape, "", out);
  return out.join("\n") + "\n\n";
}
