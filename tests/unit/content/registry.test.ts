import { describe, expect, it } from "vitest";
import { isMdxComponentName, mdxComponentSpecs } from "@/lib/content/registry";
import { registeredComponents } from "@/app/_components/mdx/mdx-components";

describe("the MDX component registry", () => {
  it("has a React component for every registered name, and nothing else", () => {
    expect(Object.keys(registeredComponents).sort()).toEqual(Object.keys(mdxComponentSpecs).sort());
    for (const component of Object.values(registeredComponents)) expect(typeof component).toBe("function");
  });

  it("knows its own names and nothing more", () => {
    expect(isMdxComponentName("Callout")).toBe(true);
    expect(isMdxComponentName("toString")).toBe(false);
    expect(isMdxComponentName("Sandbox")).toBe(false);
  });

  it("applies defaults when validating props", () => {
    expect(mdxComponentSpecs.Callout.props.parse({})).toEqual({ kind: "note" });
    expect(mdxComponentSpecs.FlowDiagram.props.parse({ steps: [{ title: "a" }, { title: "b" }] })).toEqual({ steps: [{ title: "a" }, { title: "b" }], cycle: false });
  });

  it("checks sequence diagram messages against the actors", () => {
    const result = mdxComponentSpecs.SequenceDiagram.props.safeParse({ actors: ["App", "KMS"], messages: [{ from: "App", to: "S3", label: "PutObject" }] });
    expect(result.error?.issues[0]).toMatchObject({ path: ["messages", 0, "to"], message: '"S3" is not one of the actors (App, KMS)' });
  });

  it("validates nested decision trees and trees", () => {
    const tree = { root: { question: "Rotate?", options: [{ label: "Yes", then: { result: "Secrets Manager" } }, { label: "No", then: { result: "Parameter Store" } }] } };
    expect(mdxComponentSpecs.DecisionTree.props.safeParse(tree).success).toBe(true);
    const badLeaf = { root: { question: "Rotate?", options: [{ label: "Yes", then: { answer: "x" } }, { label: "No", then: { result: "y" } }] } };
    expect(mdxComponentSpecs.DecisionTree.props.safeParse(badLeaf).success).toBe(false);
    expect(mdxComponentSpecs.TreeDiagram.props.safeParse({ root: { name: "/", children: [] } }).success).toBe(false);
  });

  it("accepts only registered machines, and only their own states as the highlighted one", () => {
    expect(mdxComponentSpecs.MachineDiagram.props.parse({ machine: "kms-key" })).toEqual({ machine: "kms-key", compact: false });
    expect(mdxComponentSpecs.MachineDiagram.props.safeParse({ machine: "kms-key", current: "PendingDeletion.AwaitingImport" }).success).toBe(true);
    expect(mdxComponentSpecs.MachineDiagram.props.safeParse({ machine: "kms-alias" }).success).toBe(false);
    const wrongState = mdxComponentSpecs.MachineDiagram.props.safeParse({ machine: "secret-lifecycle", current: "Enabled" });
    expect(wrongState.error?.issues[0]).toMatchObject({ path: ["current"], message: '"Enabled" is not a state of secret-lifecycle (Active, PendingDeletion, Deleted)' });
  });
});
