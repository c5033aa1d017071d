/**
 * Reads and compiles the labs in content/labs/: each file's frontmatter
 * (lab.ts), its guide through the course's MDX checks, and its <LabStep>
 * elements as the steps, in the order written. Problems are ContentErrors
 * at their file and line, as for chapters; prove-lab.ts then plays each lab.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { compileMdxBody } from "@/lib/content/compile-section";
import { ContentError, ContentErrors } from "@/lib/content/content-error";
import { splitFrontmatter } from "@/lib/content/frontmatter";
import { displayPath } from "@/lib/content/paths";
import { labFrontmatterSchema, labHref, labIdSchema, type Lab } from "./lab";

export async function compileLab(input: { file: string; source: string; examPointIds: ReadonlySet<string>; errataIds: ReadonlySet<string> }): Promise<Lab> {
  const { file } = input;
  const id = path.basename(file, ".mdx");
  const { frontmatter, body } = splitFrontmatter(input.source, file, labFrontmatterSchema, "title, order, summary, minutes, scenario, seed, examPoints");
  const { code, facts, errors } = await compileMdxBody({ file, body, examPointIds: input.examPointIds, errataIds: input.errataIds });
  if (!labIdSchema.safeParse(id).success) errors.push(new ContentError(file, 1, 1, `the file name "${id}" is the lab's id and its URL: use lower-case words joined by hyphens`));
  for (const point of frontmatter.examPoints) {
    if (!input.examPointIds.has(point)) errors.push(new ContentError(file, undefined, undefined, `examPoints: unknown exam point "${point}" (not in content/exam-points.yaml)`));
  }
  if (facts.labSteps.length === 0) errors.push(new ContentError(file, undefined, undefined, "a lab needs at least one <LabStep>"));
  const seen = new Set<string>();
  for (const step of facts.labSteps) {
    if (seen.has(step.props.id)) errors.push(new ContentError(file, step.line, step.column, `<LabStep id="${step.props.id}"> is used twice in this lab`));
    seen.add(step.props.id);
  }
  if (errors.length > 0) throw new ContentErrors(errors);
  return { id, href: labHref(id), file, code, ...frontmatter, steps: facts.labSteps.map(({ props }) => ({ ...props })) };
}

/** Every lab under `directory`, in their frontmatter order. */
export async function compileLabs(directory: string, ids: { examPointIds: ReadonlySet<string>; errataIds: ReadonlySet<string> }): Promise<Lab[]> {
  const names = (await readdir(directory).catch(() => [] as string[])).filter((name) => name.endsWith(".mdx")).sort();
  const labs: Lab[] = [];
  const errors: ContentError[] = [];
  for (const name of names) {
    const absolute = path.join(directory, name);
    try {
      labs.push(await compileLab({ file: displayPath(absolute), source: await readFile(absolute, "utf8"), ...ids }));
    } catch (error) {
      if (error instanceof ContentErrors) errors.push(...error.errors);
      else if (error instanceof ContentError) errors.push(error);
      else throw error;
    }
  }
  const orders = new Map<number, string>();
  for (const lab of labs) {
    const other = orders.get(lab.order);
    if (other) errors.push(new ContentError(lab.file, undefined, undefined, `order ${lab.order} is also the order of ${other}`));
    orders.set(lab.order, lab.file);
  }
  if (errors.length > 0) throw new ContentErrors(errors);
  return labs.sort((a, b) => a.order - b.order);
}
