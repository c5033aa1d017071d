import { describe, expect, it } from "vitest";
import { nextTier, PARAMETER_STATES, parameterMachine } from "@/lib/sandbox/ssm/parameter.machine";
import { STORED_TIERS } from "@/lib/sandbox/ssm/state";

/** The parameter machine is the one definition of a parameter's states; the exported list must name exactly them. */

describe("the parameter machine's states", () => {
  it("are the exported list, in the machine's order: Absent, then the stored tiers", () => {
    expect(Object.keys(parameterMachine.root.states)).toEqual([...PARAMETER_STATES]);
    expect(PARAMETER_STATES.filter((state) => state !== "Absent")).toEqual([...STORED_TIERS]);
  });

  it("nextTier is the tier PutParameter leaves a parameter in", () => {
    expect(nextTier(undefined, { type: "parameter.create", tier: "Standard" })).toBe("Standard");
    expect(nextTier("Standard", { type: "parameter.overwrite", tier: "Advanced" })).toBe("Advanced");
    expect(() => nextTier("Advanced", { type: "parameter.overwrite", tier: "Standard" })).toThrow();
    expect(() => nextTier("Standard", { type: "parameter.create", tier: "Standard" })).toThrow();
  });
});
