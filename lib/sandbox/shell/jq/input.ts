import { parseJsonValues, type JV, type ParsedValue } from "./json";

/**
 * jq's input: the files (or standard input) read as one stream, one line
 * at a time as jq 1.6's util.c reads them with fgets. What has been read so
 * far decides where jq says an error happened: "(at <stdin>:3)" is the file
 * being read and how many of its lines have been read, "<unknown>" once the
 * last file has been closed (or before the first is opened).
 */

export interface InputFile {
  /** "<stdin>" for standard input. */
  name: string;
  text: string;
  /** Why the file could not be opened: jq says so when it gets to it, and goes on with the next. */
  missing?: string;
}

interface Chunk {
  file: number;
  /** Index in the whole stream just after this line. */
  end: number;
  newline: boolean;
}

export class InputReader {
  private readonly values: ParsedValue[];
  /** The parse error after the last good value (JSON input only). */
  readonly parseError: string | undefined;
  private readonly chunks: Chunk[] = [];
  private next = 0;
  /** The first line that may hold the next value's end (values come in order). */
  private chunkSearch = 0;
  // The state of util.c's reader.
  private file = -1;
  private open = false;
  private atEof = false;
  private chunkRead = -1;
  private line = 0;

  /** The parse error has been handed to the filter (by `input`): the main loop no longer reports it. */
  parseErrorTaken = false;

  constructor(
    private readonly files: readonly InputFile[],
    private readonly mode: { raw: boolean; slurp: boolean },
    private readonly onMissing: (name: string, problem: string) => void,
  ) {
    let offset = 0;
    files.forEach((file, index) => {
      for (const line of file.text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
        offset += line.length;
        this.chunks.push({ file: index, end: offset, newline: line.endsWith("\n") });
      }
    });
    const text = files.map((file) => file.text).join("");
    if (mode.raw) {
      const lines = this.chunks.map((chunk, index) => ({ value: text.slice(index === 0 ? 0 : (this.chunks[index - 1] as Chunk).end, chunk.end).replace(/\n$/, ""), end: chunk.end }));
      this.values = mode.slurp ? [{ value: text, end: text.length }] : lines;
      this.parseError = undefined;
    } else {
      const parsed = parseJsonValues(text);
      // Slurping never ends with bad JSON in the input: there is no array then.
      this.values = !mode.slurp ? parsed.values : parsed.error === undefined ? [{ value: parsed.values.map((entry) => entry.value), end: text.length }] : [];
      this.parseError = parsed.error;
    }
  }

  /** util.c's jq_util_input_read_more: close a file at its end, open the next, read one line. Returns whether this was the last. */
  private readMore(): boolean {
    if (this.open && this.atEof) {
      this.open = false;
      this.line = 0;
    }
    while (!this.open && this.file + 1 < this.files.length) {
      this.file += 1;
      const file = this.files[this.file] as InputFile;
      this.line = 0;
      if (file.missing !== undefined) {
        this.onMissing(file.name, file.missing);
        continue;
      }
      this.open = true;
      this.atEof = false;
    }
    if (this.open) {
      const chunk = this.chunks[this.chunkRead + 1];
      if (chunk && chunk.file === this.file) {
        this.chunkRead += 1;
        if (chunk.newline) this.line += 1;
        else this.atEof = true;
      } else this.atEof = true;
    }
    return this.file + 1 >= this.files.length && (!this.open || this.atEof);
  }

  /** The next value, or undefined at the end. */
  read(): JV | undefined {
    const entry = this.values[this.next];
    if (entry === undefined) {
      // No more values: jq reads on until the last file's end.
      while (!this.readMore());
      return undefined;
    }
    this.next += 1;
    if (this.mode.slurp) {
      while (!this.readMore());
      return entry.value;
    }
    // jq has read the line holding the character that completed the value (the last line for a value ended by the end of the input).
    while (this.chunkSearch < this.chunks.length - 1 && (this.chunks[this.chunkSearch] as Chunk).end < entry.end) this.chunkSearch += 1;
    while (this.chunkRead < this.chunkSearch && !this.readMore());
    return entry.value;
  }

  /** Where jq would say an error happened. */
  position(): string {
    if (!this.open) return "<unknown>";
    return `${this.files[this.file]?.name}:${this.line}`;
  }

  /** input_filename: the file being read ("<stdin>" too), null before the first and after the last. */
  filename(): JV {
    return this.open ? (this.files[this.file]?.name ?? null) : null;
  }
}
