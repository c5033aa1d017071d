/**
 * A problem in the course content, pinned to the file and line an author has
 * to open. The build and the content check print these as
 * `path:line:column: message`, the shape editors and CI logs link from.
 */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly reason: string,
  ) {
    super(formatLocation(file, line, column) + ": " + reason);
    this.name = "ContentError";
  }
}

/** Several content errors reported at once, so an author fixes them in one pass. */
export class ContentErrors extends Error {
  constructor(readonly errors: ContentError[]) {
    super(
      `${errors.length} content error${errors.length === 1 ? "" : "s"}:\n` +
        errors.map((e) => "  " + e.message).join("\n"),
    );
    this.name = "ContentErrors";
  }
}

export function formatLocation(file: string, line?: number, column?: number): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}
