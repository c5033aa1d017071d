import { stripAnsi } from "./render";

/**
 * Command output on its way to the screen. The terminal is the learner's
 * page, not a program's: output may colour text, move the cursor and erase
 * (progress lines, `clear`), but nothing else reaches xterm.js. Sequences
 * that make a terminal answer (device status and attribute reports, mode
 * and setting queries, colour queries: xterm.js would send the answer
 * through onData, where it would be typed at the prompt) and sequences
 * that switch on a mode that outlives the command (application cursor
 * keys, bracketed paste, mouse reporting, the alternate screen, insert
 * mode, a hidden cursor, scroll regions, other character sets, keypad
 * modes, titles, tab stops...) are dropped.
 */

/** CSI finals kept: cursor movement (A-H, a, d, e, f, `) and erasing (J, K, X); none of them sets a mode. */
const CURSOR_AND_ERASE = new Set(["A", "B", "C", "D", "E", "F", "G", "H", "a", "d", "e", "f", "`", "J", "K", "X"]);

/** What `clear` writes (the shell's CLEAR_SCREEN): a full reset (ESC c) from a program becomes this. */
const CLEAR_SEQUENCE = "\x1b[H\x1b[2J\x1b[3J";

const ESC = "\x1b";
const BEL = "\x07";
const C1_ST = "\x9c";

/** Where the string control sequence (OSC, DCS, APC, PM, SOS) starting with its introducer at `start` ends: after BEL or ST, or at the end of the text. */
function skipString(text: string, start: number, bellEnds: boolean): number {
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (char === BEL && bellEnds) return index + 1;
    if (char === C1_ST) return index + 1;
    if (char === ESC && text[index + 1] === "\\") return index + 2;
  }
  return text.length;
}

/**
 * The CSI at `start` (the index of its first parameter byte): its end, and
 * whether it may pass. Parameters, intermediates, final byte, as ECMA-48
 * defines them; a sequence broken by another character ends there.
 */
function readCsi(text: string, start: number): { end: number; keep: boolean } {
  let index = start;
  // Plain numeric parameters only: private ones (?, >, =, <) are modes and queries. ":" only in SGR.
  let plain = true;
  let colon = false;
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x3f) break;
    if (code === 0x3a) colon = true;
    else if (code > 0x3b) plain = false;
  }
  const intermediatesStart = index;
  while (index < text.length && text.charCodeAt(index) >= 0x20 && text.charCodeAt(index) <= 0x2f) index++;
  if (index > intermediatesStart) plain = false;
  const code = text.charCodeAt(index);
  if (index >= text.length || code < 0x40 || code > 0x7e) return { end: index, keep: false };
  const final = text[index] as string;
  const keep = plain && (final === "m" || (CURSOR_AND_ERASE.has(final) && !colon));
  return { end: index + 1, keep };
}

/** Control characters other than \b \t \n \r: where a run of plain text ends. */
const SPECIAL = /[\x00-\x07\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;

/** Command output with only text, \n \r \t \b, colours (SGR), cursor movement and erasing left. */
export function sanitizeOutput(text: string): string {
  let out = "";
  let index = 0;
  while (index < text.length) {
    // Plain text goes through in one piece, up to the next control character.
    SPECIAL.lastIndex = index;
    const special = SPECIAL.exec(text);
    const stop = special ? special.index : text.length;
    if (stop > index) {
      out += text.slice(index, stop);
      index = stop;
      continue;
    }
    const char = text[index] as string;
    const code = char.charCodeAt(0);
    if (char === ESC) {
      const next = text[index + 1];
      if (next === undefined) {
        index += 1;
        continue;
      }
      if (next === "[") {
        const csi = readCsi(text, index + 2);
        if (csi.keep) out += text.slice(index, csi.end);
        index = csi.end;
        continue;
      }
      if (next === "]") {
        index = skipString(text, index + 2, true);
        continue;
      }
      if (next === "P" || next === "_" || next === "^" || next === "X") {
        index = skipString(text, index + 2, false);
        continue;
      }
      if (next === "c") {
        out += CLEAR_SEQUENCE;
        index += 2;
        continue;
      }
      // Any other escape: intermediates (ESC ( 0, ESC # 8 ...) and a final byte, all dropped.
      let end = index + 1;
      while (end < text.length && text.charCodeAt(end) >= 0x20 && text.charCodeAt(end) <= 0x2f) end++;
      if (end < text.length && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x7e) end++;
      index = end;
      continue;
    }
    // C1 controls (U+0080-U+009F): xterm.js reads U+009B as CSI, U+009D as OSC, U+0090 as DCS...
    if (code >= 0x80 && code <= 0x9f) {
      if (code === 0x9b) index = readCsi(text, index + 1).end;
      else if (code === 0x9d) index = skipString(text, index + 1, true);
      else if (code === 0x90 || code === 0x98 || code === 0x9e || code === 0x9f) index = skipString(text, index + 1, false);
      else index += 1;
      continue;
    }
    // C0 controls other than \b \t \n \r (BEL, SO and SI that switch character sets, VT, FF...) and DEL.
    index += 1;
  }
  return out;
}

/**
 * Output as the terminal writes it: sanitized, and "\n" made "\r\n" (a real
 * tty's driver adds the "\r", here we do).
 */
export function toTerminalText(text: string): string {
  return sanitizeOutput(text).replace(/\r?\n/g, "\r\n");
}

/**
 * The sequences `clear` writes (tput clear: home + erase display, and
 * erase scrollback as xterm's E3 extension) or a full reset (ESC c).
 */
const CLEAR = /\x1b\[[23]J|\x1bc/g;

export function clearsScreen(text: string): boolean {
  CLEAR.lastIndex = 0;
  return CLEAR.test(text);
}

/** What is left visible after the last screen clear in `text`. */
export function afterLastClear(text: string): string {
  let last = -1;
  for (const match of text.matchAll(CLEAR)) last = (match.index ?? 0) + match[0].length;
  return last === -1 ? text : text.slice(last);
}

/** Output as plain text for the accessible log: no escape or control sequences, no carriage returns. */
export function toPlainText(text: string): string {
  return stripAnsi(sanitizeOutput(text)).replace(/\r\n?/g, "\n");
}
