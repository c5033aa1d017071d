/**
 * `--output table` (awscli/formatter.py TableFormatter and awscli/table.py):
 * a box titled with the operation name, one section per nested value, column
 * headers sorted, widths scaled to the terminal (80 columns when output is
 * not a terminal) and switched to two-column rows when too wide.
 */
import { isDict, pyStr, PyException, roundHalfEven, sortedStrings, type PyDict, type PyValue } from "../python/values";
import { isWide } from "./east-asian-width";

export function textLength(text: string): number {
  let length = 0;
  for (const char of text) length += isWide(char.codePointAt(0)!) ? 2 : 1;
  return length;
}

function centerText(text: string, length: number, left = "|", right = "|", textLen = textLength(text)): string {
  const charStart = Math.floor(length / 2) - Math.floor(textLen / 2) - 1;
  const lengthSoFar = textLength(left) + charStart + textLen;
  const rightSpaces = length - textLength(right) - lengthSoFar;
  return left + " ".repeat(Math.max(0, charStart)) + text + " ".repeat(Math.max(0, rightSpaces)) + right;
}

function alignLeft(text: string, length: number, left = "|", right = "|", textLen = textLength(text), leftPadding = 2): string {
  const computed = textLen + leftPadding + textLength(left) + textLength(right);
  const padding = length - computed >= 0 ? leftPadding : 0;
  const lengthSoFar = left.length + padding + textLen;
  return left + " ".repeat(padding) + text + " ".repeat(Math.max(0, length - lengthSoFar - right.length)) + right;
}

class Section {
  title = "";
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private numCols: number | null = null;
  private maxWidths: number[] = [];

  calculateColumnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((width) => width + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((sum, width) => sum + width, 0);
    const scaled = unscaled.map((width) => roundHalfEven(scale * width));
    let offBy = scaled.reduce((sum, width) => sum + width, 0) - maxWidth;
    while (offBy !== 0) {
      const order = [...scaled.keys()];
      if (offBy < 0) order.reverse();
      for (const index of order) {
        if (offBy > 0) {
          scaled[index]! -= 1;
          offBy -= 1;
        } else {
          scaled[index]! += 1;
          offBy += 1;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding = 0, withBorder = false, outerPadding = 0): number {
    let total = 0;
    for (const width of this.calculateColumnWidths()) total += width + padding;
    if (withBorder) total += 2;
    total += outerPadding * 2;
    return Math.max(textLength(this.title) + 2 + outerPadding * 2, total);
  }

  addHeader(headers: string[]): void {
    this.updateMaxWidths(headers);
    if (this.numCols === null) this.numCols = headers.length;
    this.headers = headers;
  }

  addRow(row: PyValue[]): void {
    if (this.numCols === null) this.numCols = row.length;
    if (row.length !== this.numCols) throw new PyException("ValueError", `Row should have ${this.numCols} elements, instead it has ${row.length}`);
    const formatted = row.map((element) => pyStr(element));
    this.rows.push(formatted);
    this.updateMaxWidths(formatted);
  }

  private updateMaxWidths(row: string[]): void {
    if (this.maxWidths.length === 0) this.maxWidths = row.map(textLength);
    else row.forEach((element, index) => (this.maxWidths[index] = Math.max(textLength(element), this.maxWidths[index] ?? 0)));
  }
}

const RESET = "\x1b[0m";

class MultiTable {
  private sections: Section[] = [];
  private current: Section | null = null;

  constructor(
    private readonly terminalWidth: number,
    private readonly color: boolean,
  ) {}

  newSection(title: string, indentLevel = 0): void {
    this.current = new Section();
    this.sections.push(this.current);
    this.current.title = title;
    this.current.indentLevel = indentLevel;
  }

  addRowHeader(headers: string[]): void {
    this.section().addHeader(headers);
  }

  addRow(row: PyValue[]): void {
    this.section().addRow(row);
  }

  private section(): Section {
    // MultiTable(initial_section=False): adding to no section fails in Python too.
    if (!this.current) throw new PyException("AttributeError", "'NoneType' object has no attribute 'add_row'");
    return this.current;
  }

  render(): string {
    let maxWidth = this.calculateMaxWidth();
    if (maxWidth > this.terminalWidth) {
      this.convertToVertical();
      maxWidth = this.calculateMaxWidth();
    }
    const out: string[] = [];
    this.rawWrite(out, "-".repeat(maxWidth) + "\n");
    for (const section of this.sections) this.renderSection(section, maxWidth, out);
    return out.join("");
  }

  /** One write to the terminal; with --color on, colorama's autoreset follows every write with a reset. */
  private rawWrite(out: string[], text: string): void {
    out.push(text);
    if (this.color) out.push(RESET);
  }

  private convertToVertical(): void {
    this.sections = this.sections.map((section) => {
      if (section.rows.length !== 1 || section.headers.length === 0) return section;
      const vertical = new Section();
      vertical.title = section.title;
      vertical.indentLevel = section.indentLevel;
      section.headers.forEach((header, index) => {
        const element = section.rows[0]![index];
        if (element !== undefined) vertical.addRow([header, element]);
      });
      return vertical;
    });
  }

  private calculateMaxWidth(): number {
    return Math.max(...this.sections.map((section) => section.totalWidth(4, true, section.indentLevel)));
  }

  private styleRow(text: string): string {
    return this.color ? `\x1b[1m\x1b[34m${text}${RESET}` : text;
  }

  private styleIndent(text: string): string {
    return this.color ? `\x1b[2m\x1b[33m${text}${RESET}` : text;
  }

  private renderSection(section: Section, maxWidth: number, out: string[]): void {
    const indentChar = this.styleIndent("|");
    // IndentedStream: the indent, the line, the indent again, the newline, each its own write.
    const write = (text: string) => {
      this.rawWrite(out, indentChar.repeat(section.indentLevel));
      if (text.endsWith("\n")) {
        this.rawWrite(out, text.slice(0, -1));
        this.rawWrite(out, indentChar.repeat(section.indentLevel));
        this.rawWrite(out, "\n");
      } else this.rawWrite(out, text);
    };
    const width = maxWidth - section.indentLevel * 2;
    if (section.title) {
      write(centerText(section.title, width, "|", "|", textLength(section.title)) + "\n");
      if (section.headers.length === 0 && section.rows.length === 0) write(`+${"-".repeat(width - 2)}+\n`);
    }
    if (section.headers.length) {
      const widths = section.calculateColumnWidths(4, width);
      let current = "";
      section.headers.forEach((header, index) => {
        if (index >= widths.length) return;
        current += centerText(header, widths[index]!, index === 0 ? "|" : "", "|", textLength(header));
      });
      this.lineBreak(write, widths);
      write(current + "\n");
    }
    if (section.rows.length) {
      const widths = section.calculateColumnWidths(4, width);
      if (widths.length === 0) return;
      this.lineBreak(write, widths);
      for (const row of section.rows) {
        let current = "";
        row.forEach((element, index) => {
          if (index >= widths.length) return;
          current += alignLeft(this.styleRow(element), widths[index]!, index === 0 ? "|" : "", "|", textLength(element));
        });
        write(current + "\n");
      }
      this.lineBreak(write, widths);
    }
  }

  private lineBreak(write: (text: string) => void, widths: number[]): void {
    const parts = widths.map((width, index) => (index === 0 ? `+${"-".repeat(Math.max(0, width - 2))}+` : `${"-".repeat(Math.max(0, width - 1))}+`));
    write(parts.join("") + "\n");
  }
}

function isScalar(value: PyValue | undefined): boolean {
  return !(Array.isArray(value) || isDict(value));
}

function truthy(value: PyValue): boolean {
  if (value === null || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isDict(value)) return value.size > 0;
  return true;
}

/** The table for a response (after --query), or "" when Python prints nothing. */
export function formatTable(title: string, data: PyValue, options: { terminalWidth: number; color: boolean }): string {
  const table = new MultiTable(options.terminalWidth, options.color);

  function groupScalarKeys(current: PyDict): [string[], string[]] {
    const headers: string[] = [];
    const more: string[] = [];
    for (const [key, value] of current) (isScalar(value) ? headers : more).push(key);
    return [sortedStrings(headers), sortedStrings(more)];
  }

  function buildTable(sectionTitle: string | null, current: PyValue, indentLevel = 0): boolean {
    if (!truthy(current)) return false;
    if (sectionTitle !== null) table.newSection(sectionTitle, indentLevel);
    if (Array.isArray(current)) {
      if (isDict(current[0])) buildFromList(current, indentLevel, sectionTitle);
      else {
        for (const item of current) {
          if (isScalar(item)) table.addRow([item]);
          else if (iterate(item).every(isScalar)) table.addRow(iterate(item));
          else buildTable(null, item);
        }
      }
    }
    if (isDict(current)) buildFromDict(current, indentLevel);
    return true;
  }

  /** Iterating a dict in Python yields its keys. */
  function iterate(value: PyValue): PyValue[] {
    return isDict(value) ? [...value.keys()] : (value as PyValue[]);
  }

  function buildFromDict(current: PyDict, indentLevel: number): void {
    const [headers, more] = groupScalarKeys(current);
    if (headers.length === 1) table.addRow([headers[0]!, current.get(headers[0]!)!]);
    else if (headers.length) {
      table.addRowHeader(headers);
      table.addRow(headers.map((key) => current.get(key)!));
    }
    for (const key of more) buildTable(key, current.get(key)!, indentLevel + 1);
  }

  function buildFromList(current: PyValue[], indentLevel: number, sectionTitle: string | null): void {
    const headerSet = new Set<string>();
    const moreSet = new Set<string>();
    for (const item of current) {
      if (!isDict(item)) throw new PyException("AttributeError", `'${item === null ? "NoneType" : Array.isArray(item) ? "list" : typeof item === "string" ? "str" : typeof item === "boolean" ? "bool" : "int"}' object has no attribute 'items'`);
      const [headers, more] = groupScalarKeys(item);
      headers.forEach((header) => headerSet.add(header));
      more.forEach((key) => moreSet.add(key));
    }
    const headers = sortedStrings(headerSet);
    const more = sortedStrings(moreSet);
    table.addRowHeader(headers);
    let first = true;
    for (const element of current as PyDict[]) {
      if (!first && more.length) {
        table.newSection(sectionTitle ?? "", indentLevel);
        table.addRowHeader(headers);
      }
      first = false;
      table.addRow(headers.map((header) => (element.has(header) ? element.get(header)! : "")));
      for (const key of more) if (element.has(key)) buildTable(key, element.get(key)!, indentLevel + 1);
    }
  }

  if (!buildTable(title, data)) return "";
  return table.render();
}
