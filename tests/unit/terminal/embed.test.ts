import { describe, expect, it } from "vitest";
import { mdxComponentSpecs } from "@/lib/content/registry";
import { scenarios } from "@/lib/terminal/scenarios";
import { SCENARIOS } from "@/lib/sandbox/scenarios";

describe("<SandboxTerminal> in MDX", () => {
  const props = mdxComponentSpecs.SandboxTerminal.props;

  it("takes a scenario, Chapter 27's by default", () => {
    expect(props.parse({})).toEqual({ scenario: "chapter-27" });
    expect(props.parse({ scenario: "empty" })).toEqual({ scenario: "empty" });
  });

  it("rejects an unknown scenario and any other prop", () => {
    expect(props.safeParse({ scenario: "chapter-99" }).success).toBe(false);
    expect(props.safeParse({ scenario: "empty", height: 3 }).success).toBe(false);
  });

  it("offers exactly the scenarios the sandbox defines", () => {
    expect(scenarios.map((scenario) => scenario.name).sort()).toEqual(SCENARIOS.map((scenario) => scenario.name).sort());
  });
});
