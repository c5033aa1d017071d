import { describe, expect, it } from "vitest";
import { parseKeys } from "@/lib/terminal/keys";

const kinds = (data: string) => parseKeys(data).map((key) => (key.kind === "text" ? `text:${key.text}` : key.kind));

describe("reading what xterm.js reports as typed", () => {
  it("groups printable characters into one text key", () => {
    expect(kinds("aws kms")).toEqual(["text:aws kms"]);
  });

  it("reads Enter, Backspace (DEL and Ctrl-H) and Tab", () => {
    expect(kinds("\r")).toEqual(["enter"]);
    expect(kinds("\x7f\b")).toEqual(["backspace", "backspace"]);
    expect(kinds("\t")).toEqual(["tab"]);
  });

  it("reads the readline control keys", () => {
    expect(kinds("\x01\x05\x03\x0c\x15\x0b\x17\x19\x04")).toEqual(["home", "end", "interrupt", "clearScreen", "killToStart", "killToEnd", "killWordBack", "yank", "eof"]);
  });

  it("reads arrows, Home, End and Delete in both CSI and SS3 forms", () => {
    expect(kinds("\x1b[A\x1b[B\x1b[C\x1b[D")).toEqual(["up", "down", "right", "left"]);
    expect(kinds("\x1bOA\x1bOH\x1bOF")).toEqual(["up", "home", "end"]);
    expect(kinds("\x1b[H\x1b[F\x1b[1~\x1b[4~\x1b[3~")).toEqual(["home", "end", "home", "end", "delete"]);
  });

  it("reads SS3 keys as one escape, its letter and nothing more: arrows, Home, End, keypad Enter and digits", () => {
    expect(kinds("\x1bOA\x1bOB\x1bOC\x1bODx")).toEqual(["up", "down", "right", "left", "text:x"]);
    expect(kinds("\x1bOH\x1bOF\x1bOM")).toEqual(["home", "end", "enter"]);
    expect(kinds("\x1bOq\x1bOp\x1bOk\x1bOn")).toEqual(["text:1", "text:0", "text:+", "text:."]);
    // F1-F4: nothing at a prompt; the text after them stays text.
    expect(kinds("\x1bOPls\x1bOS")).toEqual(["text:ls"]);
  });

  it("reads Ctrl- and Alt-arrows and Alt-b/f as word moves", () => {
    expect(kinds("\x1b[1;5D\x1b[1;5C\x1b[1;3D\x1bb\x1bf")).toEqual(["wordLeft", "wordRight", "wordLeft", "wordLeft", "wordRight"]);
  });

  it("ignores sequences that mean nothing at a prompt", () => {
    expect(kinds("a\x1b[15~b\x1b[Zc")).toEqual(["text:a", "text:b", "text:c"]);
  });

  it("splits a pasted block into lines, counting \\r\\n once", () => {
    expect(kinds("echo one\r\necho two\recho three\n")).toEqual(["text:echo one", "enter", "text:echo two", "enter", "text:echo three", "enter"]);
  });

  it("reads bracketed paste as the text it carries", () => {
    expect(kinds("\x1b[200~ls\rpwd\x1b[201~")).toEqual(["text:ls", "enter", "text:pwd"]);
  });

  it("reads a lone Escape", () => {
    expect(kinds("\x1b")).toEqual(["escape"]);
  });
});
