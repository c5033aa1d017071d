/**
 * What a lab is once compiled: its frontmatter, the MDX of its guide and its
 * steps in order. Plain data, so the page, the sandbox's worker and the
 * server's replay all read the same definition.
 */
import * as z from "zod";
import { SCENARIOS } from "@/lib/sandbox/scenarios";

export const labFrontmatterSchema = z.strictObject({
  title: z.string().trim().min(3).max(90),
  /** Position in the list of labs, 1-based. */
  order: z.number().int().positive(),
  summary: z.string().trim().min(20).max(300),
  minutes: z.number().int().min(5).max(120),
  /** The sandbox it starts from, with this seed, so the server's replay starts from the same state. */
  scenario: z.enum(SCENARIOS.map((scenario) => scenario.name) as [string, ...string[]]),
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  /** Exam points the lab practises. */
  examPoints: z.array(z.string().trim().min(1)).min(1),
});

export type LabFrontmatter = z.output<typeof labFrontmatterSchema>;

export interface LabStep {
  id: string;
  title: string;
  /** A command line run on a copy of the learner's sandbox: the step is done when it exits 0. */
  check: string;
  hints: string[];
  /** Commands that do the step from where the previous one left off. */
  solution: string[];
}

/** What the browser and the server need to run and check a lab (no guide text). */
export interface LabDefinition extends LabFrontmatter {
  id: string;
  steps: LabStep[];
}

export interface Lab extends LabDefinition {
  href: string;
  /** Source file, relative to the project root. */
  file: string;
  /** The guide, compiled by mdx-bundler. */
  code: string;
}

export const labIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80);

export function labHref(id: string): string {
  return `/labs/${id}`;
}

/** What lists of labs show: a lab's name, page and size. */
export interface LabSummary {
  id: string;
  title: string;
  href: string;
  steps: number;
}

export function summaryOf(lab: Lab): LabSummary {
  return { id: lab.id, title: lab.title, href: lab.href, steps: lab.steps.length };
}

/** The lab without its guide and source: what the browser's checks and the server's replay need. */
export function definitionOf({ href: _href, file: _file, code: _code, ...definition }: Lab): LabDefinition {
  return definition;
}
