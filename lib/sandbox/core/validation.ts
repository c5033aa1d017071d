import * as z from "zod";
import { fromBase64 } from "./encoding";
import { AwsServiceError } from "./errors";

/**
 * Request validation as AWS's front end does it: the model's constraints
 * (lengths, ranges, enums, patterns, required members) are checked before an
 * operation runs, and failures come back as one ValidationException listing
 * each problem in AWS's words:
 *
 *   1 validation error detected: Value 'AES_512' at 'keySpec' failed to
 *   satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]
 *
 * Schemas are built with the helpers below so every message has that shape.
 */

const lengthAtLeast = (n: number) => `Member must have length greater than or equal to ${n}`;
const lengthAtMost = (n: number) => `Member must have length less than or equal to ${n}`;

export const aws = {
  /**
   * `patternText`: the pattern as the model writes it, which AWS's message quotes (the RegExp may be
   * anchored or adapted). `sensitive`: a member the model marks sensitive (a secret value, a token):
   * a failure names the member without its value, as AWS's message does.
   */
  string(options: { min?: number; max?: number; pattern?: RegExp; patternText?: string; sensitive?: boolean } = {}) {
    let schema = z.string();
    if (options.min !== undefined) schema = schema.min(options.min, lengthAtLeast(options.min));
    if (options.max !== undefined) schema = schema.max(options.max, lengthAtMost(options.max));
    if (options.pattern) schema = schema.regex(options.pattern, `Member must satisfy regular expression pattern: ${options.patternText ?? options.pattern.source}`);
    if (!options.sensitive) return schema;
    const checked = schema;
    // parseRequest prints no value for an issue whose input is bytes (as for blobs).
    return z.string().superRefine((value, ctx) => {
      const result = checked.safeParse(value);
      if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, input: new Uint8Array() });
    });
  },

  integer(options: { min?: number; max?: number } = {}) {
    let schema = z.number().int();
    if (options.min !== undefined) schema = schema.min(options.min, `Member must have value greater than or equal to ${options.min}`);
    if (options.max !== undefined) schema = schema.max(options.max, `Member must have value less than or equal to ${options.max}`);
    return schema;
  },

  enum<const T extends readonly [string, ...string[]]>(values: T) {
    return z.enum(values, { message: `Member must satisfy enum value set: [${values.join(", ")}]` });
  },

  list<T extends z.ZodType>(item: T, options: { min?: number; max?: number } = {}) {
    let schema = z.array(item);
    if (options.min !== undefined) schema = schema.min(options.min, lengthAtLeast(options.min));
    if (options.max !== undefined) schema = schema.max(options.max, lengthAtMost(options.max));
    return schema;
  },

  /** A blob member: base64 on the wire, bytes to the operation; lengths count bytes. */
  blob(options: { min?: number; max?: number } = {}) {
    return z
      .string()
      .transform((text, ctx) => {
        try {
          return fromBase64(text);
        } catch {
          ctx.addIssue({ code: "custom", message: "SERIALIZATION:Base64 encoded binary data is not valid" });
          return z.NEVER;
        }
      })
      .superRefine((bytes, ctx) => {
        if (options.min !== undefined && bytes.length < options.min) ctx.addIssue({ code: "custom", message: lengthAtLeast(options.min) });
        if (options.max !== undefined && bytes.length > options.max) ctx.addIssue({ code: "custom", message: lengthAtMost(options.max) });
      });
  },

  /** A string-to-string map such as an encryption context. */
  stringMap() {
    return z.record(z.string(), z.string());
  },

  boolean() {
    return z.boolean();
  },
};

/** AWS names members in messages camelCase, lists as `tags.1.member.tagKey`. */
function memberPath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === "number") parts.push(`${segment + 1}.member`);
    else {
      const name = String(segment);
      parts.push(name.charAt(0).toLowerCase() + name.slice(1));
    }
  }
  return parts.join(".");
}

function describeValue(value: unknown): string {
  if (value === undefined || value === null) return "null";
  // Blobs are sensitive (plaintext, keys): AWS names the member but never shows the value.
  if (value instanceof Uint8Array) return "";
  if (Array.isArray(value)) return `'[${value.map((item) => (typeof item === "object" ? JSON.stringify(item) : String(item))).join(", ")}]'`;
  if (typeof value === "object") return `'${JSON.stringify(value)}'`;
  return `'${String(value)}'`;
}

/**
 * Validates a request against its schema and returns the parsed input, or
 * throws the AWS error for it: ValidationException for broken constraints,
 * SerializationException for members of the wrong JSON type.
 */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, validationErrorCode = "ValidationException"): z.output<S> {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const problems: string[] = [];
  for (const issue of result.error.issues) {
    const value = "input" in issue ? issue.input : undefined;
    if (issue.message.startsWith("SERIALIZATION:")) throw new AwsServiceError("SerializationException", issue.message.slice("SERIALIZATION:".length));
    // A required member that is absent (whatever schema it has, e.g. an enum) is "must not be null".
    if (value === undefined && issue.code !== "custom") {
      problems.push(`Value null at '${memberPath(issue.path)}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    if (issue.code === "invalid_type") {
      if (value !== undefined && value !== null) {
        throw new AwsServiceError("SerializationException", `Unexpected value type for '${memberPath(issue.path)}': expected ${issue.expected}`);
      }
      problems.push(`Value null at '${memberPath(issue.path)}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    const shown = describeValue(value);
    problems.push(`Value${shown ? " " + shown : ""} at '${memberPath(issue.path)}' failed to satisfy constraint: ${issue.message}`);
  }
  const count = problems.length;
  throw new AwsServiceError(validationErrorCode, `${count} validation error${count === 1 ? "" : "s"} detected: ${problems.join("; ")}`);
}
