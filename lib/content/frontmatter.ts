import * as z from "zod";
import { ContentError } from "./content-error";
import { parseYamlWithSchema } from "./yaml-source";

/** The frontmatter every section file starts with. */
export const sectionFrontmatterSchema = z.strictObject({
  title: z.string().trim().min(3).max(90),
  /** Position in the chapter, 1-based; must match the file's numeric prefix. */
  order: z.number().int().positive(),
  summary: z.string().trim().min(20).max(300),
  /** Estimated reading time, checked against the text by the content tests. */
  minutes: z.number().int().min(1).max(60),
  /** Exam points this section teaches; each must also be marked with <ExamPoint> in the body. */
  examPoints: z.array(z.string().trim().min(1)).default([]),
});

export type SectionFrontmatter = z.output<typeof sectionFrontmatterSchema>;

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits a section file into validated frontmatter and its MDX body. The body
 * keeps the frontmatter's lines as blank lines so that every position the
 * MDX compiler reports is a line of the real file.
 */
export function splitSection(source: string, file: string): { frontmatter: SectionFrontmatter; body: string } {
  return splitFrontmatter(source, file, sectionFrontmatterSchema, "title, order, summary, minutes, examPoints");
}

/** The same for any MDX file with a frontmatter schema of its own (labs); `fields` names them in the error for a missing block. */
export function splitFrontmatter<S extends z.ZodType>(source: string, file: string, schema: S, fields: string): { frontmatter: z.output<S>; body: string } {
  const match = FRONTMATTER.exec(source);
  if (!match) throw new ContentError(file, 1, 1, `missing frontmatter: the file must start with a --- block (${fields})`);
  const frontmatter = parseYamlWithSchema(match[1] ?? "", schema, file, 1);
  const blankLines = "\n".repeat(match[0].split("\n").length - 1);
  return { frontmatter, body: blankLines + source.slice(match[0].length) };
}
