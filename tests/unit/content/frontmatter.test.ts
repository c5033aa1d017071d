import { describe, expect, it } from "vitest";
import { ContentError, ContentErrors } from "@/lib/content/content-error";
import { splitSection } from "@/lib/content/frontmatter";

const valid = `---
title: AWS KMS
order: 2
summary: Keys, key policies and envelope encryption in practice.
minutes: 12
examPoints: [kms.envelope-encryption]
---

## Keys
`;

function messagesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors.map((e) => e.message);
    if (error instanceof ContentError) return [error.message];
    throw error;
  }
  throw new Error("expected the frontmatter to be rejected");
}

describe("section frontmatter", () => {
  it("accepts a complete frontmatter block and keeps body lines where they are in the file", () => {
    const { frontmatter, body } = splitSection(valid, "x.mdx");
    expect(frontmatter).toEqual({
      title: "AWS KMS",
      order: 2,
      summary: "Keys, key policies and envelope encryption in practice.",
      minutes: 12,
      examPoints: ["kms.envelope-encryption"],
    });
    expect(body.split("\n")[8]).toBe("## Keys");
    expect(valid.split("\n")[8]).toBe("## Keys");
  });

  it("defaults examPoints to none", () => {
    const { frontmatter } = splitSection(valid.replace("examPoints: [kms.envelope-encryption]\n", ""), "x.mdx");
    expect(frontmatter.examPoints).toEqual([]);
  });

  it("rejects a file without frontmatter at line 1", () => {
    expect(messagesOf(() => splitSection("## Just a heading\n", "x.mdx"))).toEqual([
      "x.mdx:1:1: missing frontmatter: the file must start with a --- block (title, order, summary, minutes, examPoints)",
    ]);
  });

  it("reports a wrong type at the line and column of the value", () => {
    const [message] = messagesOf(() => splitSection(valid.replace("order: 2", "order: second"), "x.mdx"));
    expect(message).toMatch(/^x\.mdx:3:8: order: Invalid input: expected number/);
  });

  it("reports a missing field and an unknown field, each at a line", () => {
    const source = valid.replace("minutes: 12\n", "").replace("title: AWS KMS", "title: AWS KMS\nauthor: someone");
    const messages = messagesOf(() => splitSection(source, "x.mdx"));
    expect(messages).toContainEqual(expect.stringMatching(/^x\.mdx:\d+:\d+: minutes: Invalid input: expected number, received undefined$/));
    expect(messages).toContainEqual('x.mdx:3:1: Unrecognized key: "author"');
  });

  it("reports YAML syntax errors with their line", () => {
    const [message] = messagesOf(() => splitSection(valid.replace("minutes: 12", "minutes: [12"), "x.mdx"));
    expect(message).toMatch(/^x\.mdx:\d+:\d+: invalid YAML: /);
  });

  it("rejects out-of-range values", () => {
    const messages = messagesOf(() => splitSection(valid.replace("minutes: 12", "minutes: 0").replace("order: 2", "order: -1"), "x.mdx"));
    expect(messages.some((m) => m.startsWith("x.mdx:5:") && m.includes("minutes"))).toBe(true);
    expect(messages.some((m) => m.startsWith("x.mdx:3:") && m.includes("order"))).toBe(true);
  });
});
