import { stripAnsi } from "./render";

/**
 * Command output on its way to the screen. Programs write "\n"; a terminal
 * needs "\r\n" to return to the first column (a real tty's driver adds the
 * "\r", here we do).
 */
export function toTerminalText(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
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

/** Output as plain text for the accessible log: no escape sequences, no carriage returns. */
export function toPlainText(text: string): string {
  return stripAnsi(text).replace(/\r\n?/g, "\n");
}
