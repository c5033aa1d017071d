/**
 * The VT sequences that draw the prompt and the line being edited, for a
 * line that may wrap over several rows of the terminal. The terminal only
 * has to remember on which row (counted from the prompt's first row) it
 * left the cursor; everything else is recomputed from the line itself.
 */

/** Columns a string takes on screen: one per code point, escape sequences none. */
export function displayWidth(text: string): number {
  return Array.from(stripAnsi(text)).length;
}

export function stripAnsi(text: string): string {
  return text
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, "") // OSC (titles, links)
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, "") // CSI (colours, cursor moves, clears)
    .replace(/\x1b[@-Z\\-_]/g, ""); // two-byte escapes (ESC c)
}

const up = (rows: number) => (rows > 0 ? `\x1b[${rows}A` : "");
const right = (columns: number) => (columns > 0 ? `\x1b[${columns}C` : "");

export interface Drawn {
  /** What to write to the terminal. */
  sequence: string;
  /** The cursor's row after writing, counted from the prompt's first row. */
  cursorRow: number;
}

/** Where (row, column) the character at offset `width` from the prompt's start lands. */
function position(width: number, columns: number): { row: number; column: number } {
  return { row: Math.floor(width / columns), column: width % columns };
}

/**
 * Redraws prompt + text from the prompt's first row and puts the cursor at
 * `cursor` (an index into text). `fromRow` is where the cursor was left.
 */
export function drawLine(prompt: string, text: string, cursor: number, columns: number, fromRow: number): Drawn {
  const cols = Math.max(1, columns);
  const promptWidth = displayWidth(prompt);
  const total = promptWidth + displayWidth(text);
  let sequence = `${up(fromRow)}\r\x1b[J${prompt}${text}`;
  // After exactly filling a row, the terminal holds the cursor at the last column until
  // the next character: write a space to wrap onto the next row, go back and erase it
  // with ECH (EL would also clear the row's "wrapped" mark and split the line in two).
  if (total > 0 && total % cols === 0) sequence += " \r\x1b[X";
  const end = position(total, cols);
  const target = position(promptWidth + displayWidth(text.slice(0, cursor)), cols);
  sequence += `${up(end.row - target.row)}\r${right(target.column)}`;
  return { sequence, cursorRow: target.row };
}

/** Moves the cursor from row `fromRow` to just after the end of the line (where output or ^C goes). */
export function moveToLineEnd(prompt: string, text: string, columns: number, fromRow: number): string {
  const cols = Math.max(1, columns);
  const total = displayWidth(prompt) + displayWidth(text);
  const end = position(total, cols);
  const down = end.row - fromRow;
  return `${down > 0 ? `\x1b[${down}B` : up(-down)}\r${right(end.column)}`;
}
