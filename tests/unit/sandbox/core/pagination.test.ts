import { describe, expect, it } from "vitest";
import { pageByOffset, pageToken, tokenOffset, tokenPosition } from "@/lib/sandbox/core/pagination";
import { createEngine } from "@/lib/sandbox";
import { isAwsServiceError } from "@/lib/sandbox/core/errors";

/** One pagination-token scheme for every service: scoped, positioned, refused elsewhere. */
describe("page tokens", () => {
  it("carry a position for one scope only", () => {
    const token = pageToken("kms:ListKeys", 2);
    expect(tokenOffset("kms:ListKeys", token)).toBe(2);
    expect(tokenOffset("kms:ListAliases", token)).toBeUndefined();
    expect(tokenPosition("ssm:DescribeParameters", pageToken("ssm:DescribeParameters", "/app/é"))).toBe("/app/é");
    expect(tokenPosition("kms:ListKeys", "not a token")).toBeUndefined();
  });

  it("page a list by offset and refuse a token past its end", () => {
    const refuse = (): never => {
      throw new Error("refused");
    };
    const first = pageByOffset([1, 2, 3], 2, "s", undefined, refuse);
    expect(first.page).toEqual([1, 2]);
    expect(pageByOffset([1, 2, 3], 2, "s", first.next, refuse)).toEqual({ page: [3] });
    expect(() => pageByOffset([1], 2, "s", pageToken("s", 5), refuse)).toThrow("refused");
  });

  it("are not interchangeable between operations or services: each refuses another's token with its own error", () => {
    const engine = createEngine({ seed: 3, now: "2026-01-01T00:00:00Z" });
    for (const name of ["a", "b"]) engine.call("kms", "CreateKey", { Description: name });
    for (const name of ["/a", "/b"]) engine.call("ssm", "PutParameter", { Name: name, Value: "v", Type: "String" });
    for (const name of ["a", "b"]) engine.call("secretsmanager", "CreateSecret", { Name: name, SecretString: "v" });
    const marker = String(engine.call("kms", "ListKeys", { Limit: 1 }).NextMarker);
    const ssmToken = String(engine.call("ssm", "DescribeParameters", { MaxResults: 1 }).NextToken);
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (isAwsServiceError(error)) return error.code;
        throw error;
      }
      return "ok";
    };
    expect(code(() => engine.call("kms", "ListKeys", { Marker: marker }))).toBe("ok");
    expect(code(() => engine.call("kms", "ListAliases", { Marker: marker }))).toBe("InvalidMarkerException");
    expect(code(() => engine.call("secretsmanager", "ListSecrets", { NextToken: marker }))).toBe("InvalidNextTokenException");
    expect(code(() => engine.call("ssm", "GetParametersByPath", { Path: "/", NextToken: ssmToken }))).toBe("InvalidNextToken");
  });
});
