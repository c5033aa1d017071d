import { describe, expect, it } from "vitest";
import { applyCompletion, commonPrefix, formatColumns } from "@/lib/terminal/completion";
import { lineOf } from "@/lib/terminal/line-editor";

describe("tab completion as bash presents it", () => {
  it("completes a single candidate and adds a space", () => {
    const outcome = applyCompletion(lineOf("aws km"), { start: 4, end: 6, candidates: ["kms"] });
    expect(outcome.kind).toBe("completed");
    expect(outcome.line.text).toBe("aws kms ");
    expect(outcome.line.cursor).toBe(8);
  });

  it("adds no space after a directory or an option's =", () => {
    expect(applyCompletion(lineOf("cd di"), { start: 3, end: 5, candidates: ["dir/"] }).line.text).toBe("cd dir/");
  });

  it("steps over a space that already follows the word", () => {
    const outcome = applyCompletion(lineOf("aws km list-keys", 6), { start: 4, end: 6, candidates: ["kms"] });
    expect(outcome.line.text).toBe("aws kms list-keys");
    expect(outcome.line.cursor).toBe(8);
  });

  it("extends to what several candidates share", () => {
    const outcome = applyCompletion(lineOf("aws kms list-"), { start: 8, end: 13, candidates: ["list-keys", "list-key-policies", "list-key-rotations"] });
    expect(outcome).toMatchObject({ kind: "completed", line: { text: "aws kms list-key" } });
  });

  it("lists the candidates, sorted, when they share nothing more", () => {
    const outcome = applyCompletion(lineOf("aws s"), { start: 4, end: 5, candidates: ["ssm", "secretsmanager", "sts"] });
    expect(outcome).toMatchObject({ kind: "list", candidates: ["secretsmanager", "ssm", "sts"], line: { text: "aws s" } });
  });

  it("does nothing without candidates", () => {
    expect(applyCompletion(lineOf("xyz"), { start: 0, end: 3, candidates: [] }).kind).toBe("none");
    expect(applyCompletion(lineOf("xyz"), undefined).kind).toBe("none");
  });

  it("finds the common prefix", () => {
    expect(commonPrefix(["encrypt", "enable-key", "enable-key-rotation"])).toBe("en");
    expect(commonPrefix([])).toBe("");
  });

  it("lays candidates out top to bottom, then left to right, within the width", () => {
    expect(formatColumns(["a", "bb", "c", "dd", "e"], 12)).toEqual(["a   c   e", "bb  dd"]);
    expect(formatColumns(["alpha", "beta"], 6)).toEqual(["alpha", "beta"]);
  });
});
