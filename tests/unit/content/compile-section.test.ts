import { describe, expect, it } from "vitest";
import { compileSection } from "@/lib/content/compile-section";
import { ContentErrors } from "@/lib/content/content-error";

const header = (examPoints: string[] = []) => `---
title: Test section
order: 1
summary: A section used to test the content compiler.
minutes: 1
examPoints: [${examPoints.join(", ")}]
---
`;

const ids = { examPointIds: new Set(["kms.envelope-encryption", "kms.key-types"]), errataIds: new Set(["aws-managed-key-rotation"]) };

async function compile(body: string, examPoints: string[] = []) {
  return compileSection({ file: "content/test.mdx", source: header(examPoints) + body, ...ids });
}

async function errorsOf(body: string, examPoints: string[] = []): Promise<string[]> {
  try {
    await compile(body, examPoints);
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  throw new Error("expected the section to be rejected");
}

// The frontmatter above takes lines 1-7, so the body starts on line 8.
describe("compiling a section", () => {
  it("compiles registered components, records facts and gives headings stable ids", async () => {
    const { code, facts } = await compile(
      [
        "## Envelope encryption",
        "",
        "Data keys encrypt data. <ExamPoint id=\"kms.envelope-encryption\" />",
        "",
        "### Why",
        "",
        '<Callout kind="exam" title="Trap">Four KB.</Callout>',
        "",
        '<Correction id="aws-managed-key-rotation" />',
        "",
        '<Figure caption="Envelope" description="A data key encrypts the data and KMS encrypts the data key, and both are stored together.">',
        '  <FlowDiagram steps={[{ title: "Ask KMS" }, { title: "Encrypt locally" }]} />',
        "</Figure>",
        "",
        '<Quiz id="t-one" examPoints={["kms.envelope-encryption"]} difficulty="easy" question="Why?" choices={[{ text: "a", why: "x" }, { text: "b", why: "y" }, { text: "c", why: "z" }]} answer={1} explanation="Because." />',
        "",
        '```bash title="Make a key"',
        "aws kms create-key \\",
        '    --description "k"',
        "```",
        "",
        "See [the index](/exam-points#kms.key-types).",
      ].join("\n"),
      ["kms.envelope-encryption"],
    );
    expect(code).toContain("return Component");
    expect(facts.headings).toEqual([
      { depth: 2, id: "envelope-encryption", text: "Envelope encryption" },
      { depth: 3, id: "why", text: "Why" },
    ]);
    expect(facts.markers).toEqual([{ id: "kms.envelope-encryption", line: 10, column: 25 }]);
    expect(facts.corrections.map((c) => c.id)).toEqual(["aws-managed-key-rotation"]);
    expect(facts.figures).toEqual([{ caption: "Envelope", line: 18, column: 1 }]);
    expect(facts.quizzes[0]).toMatchObject({ line: 22, props: { id: "t-one", answer: 1 } });
    expect(facts.commandBlocks[0]).toMatchObject({ line: 24, awsCommands: ['aws kms create-key --description "k"'] });
    expect(facts.internalLinks).toEqual([{ url: "/exam-points#kms.key-types", line: 29, column: 5 }]);
  });

  it("rejects an unknown component at its line", async () => {
    expect(await errorsOf("Text.\n\n<Sandbox />")).toEqual([
      expect.stringMatching(/^content\/test\.mdx:10:1: unknown component <Sandbox>; the registry has: Callout, /),
    ]);
  });

  it("rejects an unknown exam point in a marker, in a quiz and in the frontmatter", async () => {
    const messages = await errorsOf(
      '<ExamPoint id="kms.no-such-point" />\n\n<Quiz id="q" examPoints={["kms.nope"]} difficulty="easy" question="Q" choices={[{ text: "a", why: "x" }, { text: "b", why: "y" }, { text: "c", why: "z" }]} answer={0} explanation="E" />',
      ["kms.missing"],
    );
    expect(messages).toContain('content/test.mdx:8:1: unknown exam point "kms.no-such-point" (not in content/exam-points.yaml)');
    expect(messages).toContain('content/test.mdx:10:1: <Quiz examPoints>: unknown exam point "kms.nope"');
    expect(messages).toContain('content/test.mdx:6: examPoints: unknown exam point "kms.missing" (not in content/exam-points.yaml)');
  });

  it("requires frontmatter exam points and markers to agree", async () => {
    const messages = await errorsOf('<ExamPoint id="kms.key-types" />', ["kms.envelope-encryption"]);
    expect(messages).toContain('content/test.mdx:6: examPoints lists "kms.envelope-encryption" but the body has no <ExamPoint id="kms.envelope-encryption" /> where it is taught');
    expect(messages).toContain('content/test.mdx:8:1: <ExamPoint id="kms.key-types" /> is not listed in the frontmatter\'s examPoints');
  });

  it("rejects invalid props with the prop's name", async () => {
    const messages = await errorsOf(
      [
        '<Callout kind="danger">x</Callout>',
        "",
        '<Quiz id="Bad Id" examPoints={["kms.key-types"]} difficulty="easy" question="Q" choices={[{ text: "a", why: "x" }, { text: "a", why: "y" }, { text: "c", why: "z" }]} answer={3} explanation="E" />',
        "",
        '<ComparisonTable caption="T" columns={["a", "b"]} rows={[["only one"]]} />',
        "",
        "<FlowDiagram steps={someVariable} />",
      ].join("\n"),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content\/test\.mdx:8:1: <Callout kind>: Invalid option/),
        expect.stringMatching(/^content\/test\.mdx:10:1: <Quiz id>: question ids are kebab-case/),
        "content/test.mdx:10:1: <Quiz answer>: answer 3 is out of range: there are 3 choices (0-based)",
        "content/test.mdx:10:1: <Quiz choices>: choices must be distinct",
        "content/test.mdx:12:1: <ComparisonTable rows.0>: row has 1 cells but the table has 2 columns",
        "content/test.mdx:14:1: <FlowDiagram steps>: the name `someVariable` is not allowed; write plain data (strings, numbers, arrays, objects)",
      ]),
    );
  });

  it("rejects imports, level-1 headings and skipped heading levels", async () => {
    const messages = await errorsOf('import x from "./x"\n\n# Title\n\n## Fine\n\n#### Too deep');
    expect(messages).toEqual(
      expect.arrayContaining([
        "content/test.mdx:8:1: imports and exports are not allowed in chapters; use the components in lib/content/registry.ts",
        "content/test.mdx:10:1: a section must not contain a level-1 heading (#); its title comes from the frontmatter",
        "content/test.mdx:14:1: heading level jumps from 2 to 4; use ###",
      ]),
    );
  });

  it("reports broken MDX syntax at the line where it is", async () => {
    expect(await errorsOf("Fine.\n\n<Callout>\n\nnever closed\n")).toEqual(["content/test.mdx:10:1: MDX syntax: Expected a closing tag for `<Callout>`"]);
    const [message] = await errorsOf("A { broken expression\n");
    expect(message).toMatch(/^content\/test\.mdx:8:\d+: MDX syntax: /);
  });

  it("reports an unknown errata id", async () => {
    expect(await errorsOf('<Correction id="no-such-fix" />')).toEqual(['content/test.mdx:8:1: unknown correction "no-such-fix" (not in content/errata.yaml)']);
  });
});
