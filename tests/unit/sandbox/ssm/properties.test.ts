import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAwsServiceError } from "@/lib/sandbox/core/errors";
import type { WireObject } from "@/lib/sandbox/core/operation";
import { ssmStateSchema } from "@/lib/sandbox/ssm/state";
import { ACCOUNT, REGION, get, sandbox, ssm } from "./helpers";

const segment = fc.stringMatching(/^[a-zA-Z0-9_.-]{1,12}$/).filter((text) => !/^(aws|ssm)/i.test(text));
const name = fc.array(segment, { minLength: 1, maxLength: 4 }).map((levels) => `/${levels.join("/")}`);

describe("properties", () => {
  it("a value put is the value got back, for every type", () => {
    fc.assert(
      fc.property(name, fc.string({ minLength: 1, maxLength: 300, unit: "grapheme" }), fc.constantFrom("String", "StringList", "SecureString"), (parameter, value, type) => {
        const box = sandbox();
        ssm(box, "PutParameter", { Name: parameter, Value: value, Type: type });
        expect(get(box, parameter, { WithDecryption: true }).Value).toBe(value);
      }),
      { numRuns: 40 },
    );
  });

  it("random sequences of operations only ever fail with AWS errors, and leave a valid state", () => {
    const names = ["/p/a", "/p/b", "/p/a/deep", "p", "/aws/x", "/bad name", "/p/b:1"];
    const command = fc.oneof(
      fc.record({ op: fc.constant("PutParameter"), Name: fc.constantFrom(...names), Value: fc.string({ maxLength: 20 }), Type: fc.constantFrom("String", "SecureString", undefined), Overwrite: fc.boolean(), Tier: fc.constantFrom("Standard", "Advanced", "Intelligent-Tiering", undefined) }),
      fc.record({ op: fc.constant("GetParameter"), Name: fc.constantFrom(...names), WithDecryption: fc.boolean() }),
      fc.record({ op: fc.constant("DeleteParameter"), Name: fc.constantFrom(...names) }),
      fc.record({ op: fc.constant("LabelParameterVersion"), Name: fc.constantFrom(...names), Labels: fc.array(fc.constantFrom("prod", "1bad", "beta"), { minLength: 1, maxLength: 3 }) }),
      fc.record({ op: fc.constant("GetParametersByPath"), Path: fc.constantFrom("/", "/p", "/p/a", "p"), Recursive: fc.boolean() }),
      fc.record({ op: fc.constant("DescribeParameters"), MaxResults: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ op: fc.constant("GetParameterHistory"), Name: fc.constantFrom(...names) }),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
        const box = sandbox();
        for (const { op, ...input } of commands) {
          const request = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as WireObject;
          try {
            ssm(box, op, request);
          } catch (error) {
            expect(isAwsServiceError(error)).toBe(true);
            if (isAwsServiceError(error)) expect(error.status).toBe(400);
          }
        }
        expect(ssmStateSchema.safeParse(box.regionState(ACCOUNT, REGION).ssm).success).toBe(true);
        const snapshot = box.snapshot();
        box.restore(JSON.parse(JSON.stringify(snapshot)));
        expect(box.snapshot()).toEqual(snapshot);
      }),
      { numRuns: 60 },
    );
  });
});
