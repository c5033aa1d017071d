import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from "yaml";
import type * as z from "zod";
import { ContentError, ContentErrors } from "./content-error";

/**
 * Parses YAML text and validates it with a zod schema, reporting every
 * problem at the line of the offending key or value. `lineOffset` shifts the
 * reported lines when the YAML is embedded in a larger file (MDX frontmatter).
 */
export function parseYamlWithSchema<S extends z.ZodType>(
  text: string,
  schema: S,
  file: string,
  lineOffset = 0,
): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { line: lineOffset + 1, col: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, col };
  };
  if (doc.errors.length > 0) {
    throw new ContentErrors(
      doc.errors.map((error) => {
        const { line, col } = at(error.pos[0]);
        return new ContentError(file, line, col, "invalid YAML: " + firstLine(error.message));
      }),
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new ContentErrors(
    result.error.issues.map((issue) => {
      // An unknown key is best shown at the key itself, not at its parent.
      const path = issue.code === "unrecognized_keys" && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
      const { line, col } = at(offsetOfPath(doc, path, issue.code === "unrecognized_keys"));
      const where = issue.path.length > 0 ? issue.path.join(".") + ": " : "";
      // YAML reads 2021 or 27.10 as numbers; say how to keep them as text.
      const hint = issue.code === "invalid_type" && issue.expected === "string" ? ' (put the value in quotes, e.g. "2021")' : "";
      return new ContentError(file, line, col, where + issue.message + hint);
    }),
  );
}

/** The source offset of the deepest node along `path` that exists in the document. */
function offsetOfPath(doc: Document, path: readonly PropertyKey[], wantKey = false): number | undefined {
  if (wantKey && path.length > 0) {
    const parent: unknown = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
    }
  }
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
