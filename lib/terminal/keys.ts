/**
 * Turns what xterm.js reports as typed (its onData strings: printable text,
 * control characters and VT escape sequences) into the keys the line editor
 * understands. Typing gives one key per call; a paste gives a whole block,
 * whose line breaks become Enter keys so that it runs line by line.
 */

export type Key =
  | { kind: "text"; text: string }
  | { kind: "enter" }
  | { kind: "backspace" }
  | { kind: "delete" }
  | { kind: "left" }
  | { kind: "right" }
  | { kind: "wordLeft" }
  | { kind: "wordRight" }
  | { kind: "home" }
  | { kind: "end" }
  | { kind: "up" }
  | { kind: "down" }
  | { kind: "tab" }
  | { kind: "interrupt" } // Ctrl-C
  | { kind: "eof" } // Ctrl-D
  | { kind: "clearScreen" } // Ctrl-L
  | { kind: "killToStart" } // Ctrl-U
  | { kind: "killToEnd" } // Ctrl-K
  | { kind: "killWordBack" } // Ctrl-W
  | { kind: "yank" } // Ctrl-Y
  | { kind: "escape" };

type SimpleKey = Exclude<Key, { kind: "text" }>;
const key = (kind: SimpleKey["kind"]): Key => ({ kind }) as Key;

const controlKeys: Record<number, SimpleKey["kind"]> = {
  0x01: "home", // Ctrl-A
  0x02: "left", // Ctrl-B
  0x03: "interrupt",
  0x04: "eof",
  0x05: "end", // Ctrl-E
  0x06: "right", // Ctrl-F
  0x08: "backspace", // Ctrl-H
  0x09: "tab",
  0x0a: "enter", // a pasted \n
  0x0b: "killToEnd",
  0x0c: "clearScreen",
  0x0d: "enter",
  0x0e: "down", // Ctrl-N
  0x10: "up", // Ctrl-P
  0x15: "killToStart",
  0x17: "killWordBack",
  0x19: "yank",
  0x7f: "backspace",
};

/** CSI and SS3 sequences by their final bytes (parameters stripped), and the `~` forms by number. */
const cursorKeys: Record<string, SimpleKey["kind"]> = { A: "up", B: "down", C: "right", D: "left", H: "home", F: "end" };
const tildeKeys: Record<string, SimpleKey["kind"]> = { "1": "home", "7": "home", "4": "end", "8": "end", "3": "delete" };

const BRACKETED_PASTE_START = "\x1b[200~";
const BRACKETED_PASTE_END = "\x1b[201~";

export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = "";
  const flushText = () => {
    if (text) keys.push({ kind: "text", text });
    text = "";
  };
  let index = 0;
  while (index < data.length) {
    if (data.startsWith(BRACKETED_PASTE_START, index)) {
      // Only reached if a program turned bracketed paste on; the pasted text is handled like any paste.
      flushText();
      const end = data.indexOf(BRACKETED_PASTE_END, index);
      const body = data.slice(index + BRACKETED_PASTE_START.length, end === -1 ? undefined : end);
      keys.push(...parseKeys(body.replace(/\x1b/g, "")));
      index = end === -1 ? data.length : end + BRACKETED_PASTE_END.length;
      continue;
    }
    const char = data[index]!;
    const code = char.charCodeAt(0);
    if (char === "\x1b") {
      flushText();
      const [parsed, length] = parseEscape(data, index);
      if (parsed) keys.push(parsed);
      index += length;
      continue;
    }
    if (code < 0x20 || code === 0x7f) {
      flushText();
      const kind = controlKeys[code];
      // A pasted "\r\n" is one line break, not two.
      if (kind === "enter" && char === "\n" && data[index - 1] === "\r") {
        index++;
        continue;
      }
      if (kind) keys.push(key(kind));
      index++;
      continue;
    }
    text += char;
    index++;
  }
  flushText();
  return keys;
}

/** SS3 keypad keys (application keypad mode), by their final byte: what they type. */
const keypadText: Record<string, string> = { j: "*", k: "+", l: ",", m: "-", n: ".", o: "/", p: "0", q: "1", r: "2", s: "3", t: "4", u: "5", v: "6", w: "7", x: "8", y: "9", X: "=" };

/**
 * SS3 (ESC O and one final byte): what a terminal in application cursor or
 * keypad mode sends for arrows, Home, End and the keypad. The page never
 * turns those modes on (output.ts drops the sequences), but a terminal may
 * send them anyway. F1-F4 (ESC O P..S) mean nothing here.
 */
function parseSs3(data: string, start: number): [Key | undefined, number] {
  const final = data[start + 2];
  if (final === undefined) return [undefined, data.length - start];
  const cursor = cursorKeys[final];
  if (cursor) return [key(cursor), 3];
  if (final === "M") return [key("enter"), 3];
  const text = keypadText[final];
  return [text === undefined ? undefined : { kind: "text", text }, 3];
}

/** Parses the escape sequence at `start`; returns the key (or undefined when it means nothing here) and its length. */
function parseEscape(data: string, start: number): [Key | undefined, number] {
  const next = data[start + 1];
  if (next === undefined) return [key("escape"), 1];
  if (next === "O") return parseSs3(data, start);
  if (next === "[") {
    // CSI: parameters and intermediates, then one final byte in @..~.
    let end = start + 2;
    while (end < data.length && !/[@-~]/.test(data[end]!)) end++;
    if (end >= data.length) return [undefined, data.length - start];
    const final = data[end]!;
    const params = data.slice(start + 2, end);
    const length = end - start + 1;
    if (final === "~") {
      const kind = tildeKeys[params.split(";")[0] ?? ""];
      return [kind ? key(kind) : undefined, length];
    }
    const kind = cursorKeys[final];
    if (!kind) return [undefined, length];
    // Ctrl- or Alt-arrows (modifier 3, 5 or 7) move by words, as in bash.
    const modifier = Number(params.split(";")[1] ?? "1");
    if ((kind === "left" || kind === "right") && modifier > 1 && (modifier - 1) & 0b110) {
      return [key(kind === "left" ? "wordLeft" : "wordRight"), length];
    }
    return [key(kind), length];
  }
  // Alt-b / Alt-f (Meta sends ESC first).
  if (next === "b") return [key("wordLeft"), 2];
  if (next === "f") return [key("wordRight"), 2];
  if (next === "\x7f") return [key("killWordBack"), 2];
  return [key("escape"), 1];
}
