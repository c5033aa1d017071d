import { beforeAll, describe, expect, it } from "vitest";
import { buildCourse } from "@/lib/content/course";
import { mdxComponentSpecs, type MdxComponentProps } from "@/lib/content/registry";
import { needsMet, needsOf, servicesMeetingAll, verdict, type ServiceMatrixData } from "@/lib/content/service-matrix";

/** The use-case matrix: which services meet every ticked need. */

const data: ServiceMatrixData = {
  services: [
    { id: "a", name: "Alpha" },
    { id: "b", name: "Beta" },
    { id: "c", name: "Gamma" },
  ],
  needs: [
    { id: "x", label: "X", short: "x", cells: { a: { meets: true, note: "n" }, b: { meets: true, note: "n" }, c: { meets: false, note: "n" } } },
    { id: "y", label: "Y", short: "y", cells: { a: { meets: false, note: "n" }, b: { meets: true, note: "n" }, c: { meets: true, note: "n" } } },
    { id: "z", label: "Z", short: "z", cells: { a: { meets: true, note: "n" }, b: { meets: false, note: "n" }, c: { meets: false, note: "n" } } },
  ],
  useCases: [{ name: "Both", recommended: "Beta", why: "w", needs: ["y", "x"], services: ["b"] }],
};

describe("meeting needs", () => {
  it("keeps the services that meet every ticked need", () => {
    expect(servicesMeetingAll(data, []).map((service) => service.id)).toEqual(["a", "b", "c"]);
    expect(servicesMeetingAll(data, ["x"]).map((service) => service.id)).toEqual(["a", "b"]);
    expect(servicesMeetingAll(data, ["x", "y"]).map((service) => service.id)).toEqual(["b"]);
    expect(servicesMeetingAll(data, ["y", "z"])).toEqual([]);
    expect(needsMet(data, "a", ["x", "y", "z"])).toBe(2);
  });

  it("ticks a use case's needs in the table's order", () => {
    expect(needsOf(data, "Both")).toEqual(["x", "y"]);
    expect(needsOf(data, "Unknown")).toEqual([]);
  });

  it("says which services meet all, or which come closest", () => {
    expect(verdict(data, [])).toBe("Tick what you need, or start from a use case, to see which services meet all of it.");
    expect(verdict(data, ["x"])).toBe("1 need ticked. Alpha and Beta meet all of them.");
    expect(verdict(data, ["x", "y"])).toBe("2 needs ticked. Only Beta meets all of them.");
    expect(verdict(data, ["x", "y", "z"])).toBe("3 needs ticked. No single service meets all of them; Alpha and Beta meet 2 of 3. Combine services, or drop a need.");
  });

  it("refuses a table that contradicts itself or names what it does not have", () => {
    const props = (overrides: Partial<MdxComponentProps<"ServiceMatrix">>) => ({ caption: "c", offersCaption: "o", ...data, ...overrides });
    const contradiction = mdxComponentSpecs.ServiceMatrix.props.safeParse(props({ useCases: [{ name: "U", recommended: "Alpha", why: "w", needs: ["y"], services: ["a"] }] }));
    expect(contradiction.error?.issues.map((issue) => issue.message)).toEqual(['"U" recommends a, which does not meet y']);
    const missingCell = mdxComponentSpecs.ServiceMatrix.props.safeParse(props({ needs: [data.needs[0]!, { ...data.needs[1]!, cells: { a: { meets: true, note: "n" } } }] }));
    expect(missingCell.error?.issues.map((issue) => issue.message)).toContain("no cell for b, c");
    const unknownNeed = mdxComponentSpecs.ServiceMatrix.props.safeParse(props({ useCases: [{ name: "U", recommended: "r", why: "w", needs: ["q"], services: ["a"] }] }));
    expect(unknownNeed.error?.issues.map((issue) => issue.message)).toContain('unknown need "q"');
  });
});

describe("the chapter's use-case matrix", () => {
  let matrix: MdxComponentProps<"ServiceMatrix">;
  beforeAll(async () => {
    const course = await buildCourse();
    const section = course.chapters[0]!.sections.find((candidate) => candidate.slug === "choosing-a-service")!;
    expect(section.facts.serviceMatrices).toHaveLength(1);
    matrix = section.facts.serviceMatrices[0]!.props;
  });

  it("keeps the seed's nine use cases, and compares KMS and both Parameter Store tiers with Secrets Manager", () => {
    expect(matrix.useCases.map((useCase) => useCase.name)).toEqual([
      "Database credentials",
      "API keys",
      "Application configuration",
      "Encryption keys",
      "SSH keys",
      "TLS certificates",
      "Feature flags",
      "Connection strings",
      "Third-party tokens",
    ]);
    expect(matrix.services.map((service) => service.name)).toEqual(["AWS KMS", "Secrets Manager", "Parameter Store, Standard", "Parameter Store, Advanced"]);
  });

  it("answers the exam's classic combinations as the chapter teaches them", () => {
    const meeting = (...needs: string[]) => servicesMeetingAll(matrix, needs).map((service) => service.name);
    expect(meeting("value", "rotation")).toEqual(["Secrets Manager"]);
    expect(meeting("value", "hierarchy", "free")).toEqual(["Parameter Store, Standard"]);
    expect(meeting("value", "cross-account")).toEqual(["Secrets Manager", "Parameter Store, Advanced"]);
    expect(meeting("value", "over-8kb")).toEqual(["Secrets Manager"]);
    expect(meeting("crypto")).toEqual(["AWS KMS"]);
    expect(meeting("crypto", "value")).toEqual([]);
  });
});
