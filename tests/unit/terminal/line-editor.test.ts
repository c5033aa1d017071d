import { describe, expect, it } from "vitest";
import * as edit from "@/lib/terminal/line-editor";

const at = (text: string, cursor: number) => edit.lineOf(text, cursor);
const show = (state: edit.LineState) => `${state.text.slice(0, state.cursor)}|${state.text.slice(state.cursor)}`;

describe("editing the line at the prompt", () => {
  it("inserts at the cursor", () => {
    expect(show(edit.insert(at("aws  list-keys", 4), "kms"))).toBe("aws kms| list-keys");
  });

  it("deletes behind (Backspace) and under (Delete) the cursor", () => {
    expect(show(edit.backspace(at("aws kms", 3)))).toBe("aw| kms");
    expect(show(edit.deleteForward(at("aws kms", 3)))).toBe("aws|kms");
    expect(show(edit.backspace(at("aws", 0)))).toBe("|aws");
    expect(show(edit.deleteForward(at("aws", 3)))).toBe("aws|");
  });

  it("treats an emoji (a surrogate pair) as one character", () => {
    const line = at("a😀b", 3);
    expect(show(edit.moveLeft(line))).toBe("a|😀b");
    expect(show(edit.backspace(line))).toBe("a|b");
    expect(show(edit.moveRight(at("a😀b", 1)))).toBe("a😀|b");
  });

  it("moves home, end, and by words", () => {
    expect(show(edit.moveHome(at("aws kms", 5)))).toBe("|aws kms");
    expect(show(edit.moveEnd(at("aws kms", 1)))).toBe("aws kms|");
    expect(show(edit.moveWordLeft(at("aws kms list-keys", 17)))).toBe("aws kms list-|keys");
    expect(show(edit.moveWordRight(at("aws kms list-keys", 0)))).toBe("aws| kms list-keys");
  });

  it("kills to the start (Ctrl-U), to the end (Ctrl-K) and the word behind (Ctrl-W), and yanks it back (Ctrl-Y)", () => {
    expect(show(edit.killToStart(at("aws kms list-keys", 8)))).toBe("|list-keys");
    expect(show(edit.killToEnd(at("aws kms list-keys", 8)))).toBe("aws kms |");
    const killed = edit.killWordBack(at("aws kms --key-id alias/x  ", 26));
    expect(show(killed)).toBe("aws kms --key-id |");
    expect(show(edit.yank(edit.moveHome(killed)))).toBe("alias/x  |aws kms --key-id ");
  });
});
