import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { ContentError, ContentErrors } from "./content-error";
import { splitSection, type SectionFrontmatter } from "./frontmatter";
import { rehypeHeadings } from "./rehype-headings";
import { remarkContentChecks } from "./remark-content-checks";
import { emptySectionFacts, type SectionFacts } from "./section-facts";

export interface CompileInput {
  /** Path shown in messages, relative to the project root. */
  file: string;
  source: string;
  examPointIds: ReadonlySet<string>;
  errataIds: ReadonlySet<string>;
}

export interface CompiledSection {
  frontmatter: SectionFrontmatter;
  /** The function body mdx-bundler produces; app/ turns it into a component. */
  code: string;
  facts: SectionFacts;
}

/**
 * Validates and compiles one section file. Every problem (bad frontmatter,
 * MDX syntax, unknown component or id, invalid props) is thrown as
 * ContentErrors pointing at the file and line.
 */
export async function compileSection(input: CompileInput): Promise<CompiledSection> {
  const { file } = input;
  const { frontmatter, body } = splitSection(input.source, file);
  const { code, facts, errors } = await compileMdxBody({ file, body, examPointIds: input.examPointIds, errataIds: input.errataIds });

  for (const step of facts.labSteps) errors.push(new ContentError(file, step.line, step.column, "<LabStep> belongs in a lab (content/labs/), not in a chapter"));
  for (const id of frontmatter.examPoints) {
    if (!input.examPointIds.has(id)) {
      errors.push(new ContentError(file, lineOfFrontmatterValue(input.source, id), undefined, `examPoints: unknown exam point "${id}" (not in content/exam-points.yaml)`));
    } else if (!facts.markers.some((marker) => marker.id === id)) {
      errors.push(new ContentError(file, lineOfFrontmatterValue(input.source, id), undefined, `examPoints lists "${id}" but the body has no <ExamPoint id="${id}" /> where it is taught`));
    }
  }
  for (const marker of facts.markers) {
    if (input.examPointIds.has(marker.id) && !frontmatter.examPoints.includes(marker.id)) {
      errors.push(new ContentError(file, marker.line, marker.column, `<ExamPoint id="${marker.id}" /> is not listed in the frontmatter's examPoints`));
    }
  }
  if (errors.length > 0) throw new ContentErrors(errors);
  return { frontmatter, code, facts };
}

/**
 * Compiles an MDX body (frontmatter already taken off, its lines kept blank)
 * with the course's checks. MDX that does not compile throws ContentErrors;
 * problems the checks found in MDX that does are returned, so the caller can
 * add its own before throwing them together.
 */
export async function compileMdxBody(input: { file: string; body: string; examPointIds: ReadonlySet<string>; errataIds: ReadonlySet<string> }): Promise<{ code: string; facts: SectionFacts; errors: ContentError[] }> {
  const { file, body } = input;
  const facts = emptySectionFacts();
  const errors: ContentError[] = [];
  let code: string;
  try {
    const result = await bundleMDX({
      source: body,
      cwd: path.dirname(path.resolve(file)),
      // Errors are rethrown as ContentErrors below; esbuild's own log would repeat them.
      esbuildOptions(options) {
        options.logLevel = "silent";
        return options;
      },
      mdxOptions(options) {
        options.remarkPlugins = [
          ...(options.remarkPlugins ?? []),
          remarkGfm,
          remarkContentChecks({ file, examPointIds: input.examPointIds, errataIds: input.errataIds, facts, errors }),
        ];
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          rehypeHeadings(facts.headings),
          [rehypeHighlight, { detect: false, plainText: ["text", "txt", "output"] }],
        ];
        return options;
      },
    });
    code = result.code;
  } catch (error) {
    // The checks run before esbuild links the output, so their findings (an
    // import, say) explain a failed build better than esbuild's own message.
    throw new ContentErrors(errors.length > 0 ? errors : errorsFromBuild(error, file));
  }
  return { code, facts, errors };
}

interface EsbuildMessage {
  text: string;
  location?: { line: number; column: number } | null;
  detail?: unknown;
}

interface VFileLikeMessage {
  reason?: string;
  line?: number | null;
  column?: number | null;
  cause?: unknown;
}

/**
 * esbuild wraps MDX syntax errors from @mdx-js/esbuild; unwrap them into
 * file:line messages. micromark sometimes reports the real place only in
 * the reason text ("... (10:1-10:21)"), so that is read as a fallback.
 */
function errorsFromBuild(error: unknown, file: string): ContentError[] {
  const messages = (error as { errors?: EsbuildMessage[] } | null)?.errors;
  if (!Array.isArray(messages) || messages.length === 0) {
    return [new ContentError(file, undefined, undefined, error instanceof Error ? error.message : String(error))];
  }
  return messages.map((message) => {
    const detail = message.detail as VFileLikeMessage | undefined;
    const cause = (detail?.cause ?? detail) as VFileLikeMessage | undefined;
    const reason = cause?.reason ?? message.text;
    const inText = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(reason);
    let line = cause?.line ?? undefined;
    let column = cause?.column ?? undefined;
    if (inText && (!line || line <= 1)) {
      line = Number(inText[1]);
      column = Number(inText[2]);
    }
    if (!line && message.location && message.location.line > 0) {
      line = message.location.line;
      column = message.location.column + 1;
    }
    return new ContentError(file, line || undefined, column || undefined, "MDX syntax: " + reason.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, ""));
  });
}

function lineOfFrontmatterValue(source: string, value: string): number | undefined {
  const index = source.split("\n").findIndex((line) => line.includes(value));
  return index === -1 ? undefined : index + 1;
}
