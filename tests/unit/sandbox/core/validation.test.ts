import * as z from "zod";
import { describe, expect, it } from "vitest";
import { AwsServiceError } from "@/lib/sandbox/core/errors";
import { aws, parseRequest } from "@/lib/sandbox/core/validation";

const schema = z.object({
  KeyId: aws.string({ min: 1, max: 2048 }),
  KeySpec: aws.enum(["AES_256", "AES_128"]).optional(),
  NumberOfBytes: aws.integer({ min: 1, max: 1024 }).optional(),
  Plaintext: aws.blob({ min: 1, max: 4096 }).optional(),
  Tags: aws.list(z.object({ TagKey: aws.string({ min: 1, max: 128 }), TagValue: aws.string({ max: 256 }) })).optional(),
});

function failure(input: unknown): AwsServiceError {
  try {
    parseRequest(schema, input);
  } catch (error) {
    if (error instanceof AwsServiceError) return error;
    throw error;
  }
  throw new Error("expected a validation failure");
}

describe("request validation in AWS's words", () => {
  it("passes valid requests through, decoding blobs", () => {
    const parsed = parseRequest(schema, { KeyId: "k", Plaintext: "aGk=" });
    expect(parsed.KeyId).toBe("k");
    expect(Array.from(parsed.Plaintext ?? [])).toEqual([104, 105]);
  });

  it("names a bad enum value and the allowed set", () => {
    const error = failure({ KeyId: "k", KeySpec: "AES_512" });
    expect(error.code).toBe("ValidationException");
    expect(error.message).toBe("1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]");
  });

  it("counts several problems and joins them with semicolons", () => {
    expect(failure({ KeyId: "", NumberOfBytes: 2000 }).message).toBe(
      "2 validation errors detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '2000' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
    );
  });

  it("says a missing required member must not be null", () => {
    expect(failure({}).message).toBe("1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
  });

  it("never shows a blob's value, only its member", () => {
    const big = btoa("x".repeat(4097));
    expect(failure({ KeyId: "k", Plaintext: big }).message).toBe(
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
    );
  });

  it("numbers list members from one, as AWS does", () => {
    expect(failure({ KeyId: "k", Tags: [{ TagKey: "a", TagValue: "b" }, { TagKey: "", TagValue: "c" }] }).message).toBe(
      "1 validation error detected: Value '' at 'tags.2.member.tagKey' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it("answers a member of the wrong JSON type with a SerializationException", () => {
    expect(failure({ KeyId: 5 }).code).toBe("SerializationException");
    expect(failure({ KeyId: "k", Plaintext: "not base64!" }).code).toBe("SerializationException");
  });
});
