import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import GithubSlugger from "github-slugger";
import { parse } from "yaml";

/**
 * What the pages must show, read straight from the content files: the YAML
 * with a YAML parser, the MDX with a small scanner of its own (frontmatter,
 * headings outside code fences, component tags and their literal props). It
 * shares no code with lib/content, so a fault in the course build cannot hide
 * by shaping both the pages and the expectations (issue 12).
 */

const ROOT = path.resolve("content");

export interface CatalogueEntry {
  number: number;
  slug: string;
  title: string;
  status: "published" | "planned";
  /** The exams a published chapter prepares for. */
  exams?: string[];
}
export interface ExamPoint {
  id: string;
  title: string;
  statement: string;
}
export interface Correction {
  id: string;
  section: string;
  current: string;
}
export interface ComponentUse {
  name: string;
  /** Inside a <QuestionSet>: rendered only when the learner opens the set. */
  folded: boolean;
  // Literal MDX props, as written; each spec knows the component it reads.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  props: Record<string, any>;
}
export interface SectionData {
  slug: string;
  href: string;
  title: string;
  examPoints: string[];
  facts: {
    headings: { depth: 2 | 3; id: string; text: string }[];
    figures: ComponentUse[];
    quizzes: ComponentUse[];
    sandboxTasks: ComponentUse[];
    decisionTrees: ComponentUse["props"][];
    serviceMatrices: ComponentUse[];
    codeBlocks: { lang: string; code: string }[];
    commandBlocks: { lang: string; code: string }[];
  };
}
export interface ChapterData extends CatalogueEntry {
  href: string;
  sections: SectionData[];
}
export interface CourseData {
  catalogue: CatalogueEntry[];
  chapters: ChapterData[];
  examPoints: ExamPoint[];
  errata: { corrections: Correction[] };
}

let course: CourseData | undefined;

/** The course as its files describe it: the oracle for what every page must show. */
export async function courseData(): Promise<CourseData> {
  course ??= readCourse();
  return course;
}

function readYaml<T>(file: string): T {
  return parse(readFileSync(path.join(ROOT, file), "utf8")) as T;
}

function readCourse(): CourseData {
  const catalogue = readYaml<{ chapters: CatalogueEntry[] }>("catalogue.yaml").chapters;
  const chapters = catalogue
    .filter((entry) => entry.status === "published")
    .map((entry) => {
      const folder = path.join(ROOT, "chapters", entry.slug);
      const files = readdirSync(folder).filter((name) => /^\d\d-.+\.mdx$/.test(name)).sort();
      return { ...entry, href: `/chapters/${entry.slug}`, sections: files.map((name) => readSection(entry.slug, path.join(folder, name))) };
    });
  return {
    catalogue,
    chapters,
    examPoints: readYaml<ExamPoint[]>("exam-points.yaml"),
    errata: readYaml<{ corrections: Correction[] }>("errata.yaml"),
  };
}

function readSection(chapterSlug: string, file: string): SectionData {
  const source = readFileSync(file, "utf8");
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file}: no frontmatter`);
  const frontmatter = parse(match[1]!) as { title: string; examPoints: string[] };
  const slug = path.basename(file, ".mdx").replace(/^\d\d-/, "");
  const { prose, codeBlocks } = splitFences(match[2]!);
  const components = componentsIn(prose);
  const slugger = new GithubSlugger();
  const headings = [...prose.matchAll(/^(#{2,3}) (.+)$/gm)].map(([, hashes, raw]) => {
    const text = plainText(raw!);
    return { depth: hashes!.length as 2 | 3, id: slugger.slug(text), text };
  });
  const named = (name: string) => components.filter((use) => use.name === name);
  return {
    slug,
    href: `/chapters/${chapterSlug}/${slug}`,
    title: frontmatter.title,
    examPoints: frontmatter.examPoints,
    facts: {
      headings,
      figures: named("Figure"),
      quizzes: named("Quiz").map((use) => ({ ...use, props: { type: "single-choice", ...use.props } })),
      sandboxTasks: named("SandboxTask"),
      decisionTrees: named("DecisionTree").map((use) => use.props),
      serviceMatrices: named("ServiceMatrix"),
      codeBlocks,
      commandBlocks: codeBlocks.filter((block) => /^(bash|sh|shell)$/.test(block.lang) && /(^|[\s$(|;&])aws\s/m.test(block.code)),
    },
  };
}

/** The MDX with its fenced code blocks blanked out, and the blocks themselves. */
function splitFences(body: string): { prose: string; codeBlocks: { lang: string; code: string }[] } {
  const codeBlocks: { lang: string; code: string }[] = [];
  const out: string[] = [];
  let open: { fence: string; lang: string; lines: string[] } | undefined;
  for (const line of body.split("\n")) {
    if (open) {
      if (line.trim() === open.fence) {
        codeBlocks.push({ lang: open.lang, code: open.lines.join("\n") });
        open = undefined;
      } else open.lines.push(line);
      out.push("");
      continue;
    }
    const start = /^\s*(`{3,}|~{3,})(\S*)/.exec(line);
    if (start) {
      open = { fence: start[1]!, lang: start[2]!, lines: [] };
      out.push("");
    } else out.push(line);
  }
  return { prose: out.join("\n"), codeBlocks };
}

/** Heading source to the text a reader sees: no code ticks, emphasis or link targets. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(\*|_)(.+?)\1/g, "$2")
    .replace(/\\(.)/g, "$1")
    .trim();
}

/** Every capitalised JSX element in the prose, with its props and whether a QuestionSet folds it. */
function componentsIn(prose: string): ComponentUse[] {
  const uses: ComponentUse[] = [];
  let depth = 0;
  let index = 0;
  for (;;) {
    const tag = prose.indexOf("<", index);
    const code = prose.indexOf("`", index);
    if (tag === -1) break;
    if (code !== -1 && code < tag) {
      // An inline code span (`AWS::SSM::Parameter::Value<...>`) holds text, never components.
      const fence = /^`+/.exec(prose.slice(code))![0];
      const close = prose.indexOf(fence, code + fence.length);
      index = close === -1 ? code + fence.length : close + fence.length;
      continue;
    }
    index = tag;
    const closing = /^<\/([A-Z][A-Za-z]*)\s*>/.exec(prose.slice(index));
    if (closing) {
      if (closing[1] === "QuestionSet") depth -= 1;
      index += closing[0].length;
      continue;
    }
    const opening = /^<([A-Z][A-Za-z]*)/.exec(prose.slice(index));
    if (!opening) {
      index += 1;
      continue;
    }
    const name = opening[1]!;
    const { props, end, selfClosing } = readProps(prose, index + opening[0].length);
    uses.push({ name, folded: depth > 0, props });
    if (name === "QuestionSet" && !selfClosing) depth += 1;
    index = end;
  }
  return uses;
}

/** Reads `name="text"`, `name={expression}` and bare `name` up to the tag's end. */
function readProps(text: string, from: number): { props: Record<string, unknown>; end: number; selfClosing: boolean } {
  const props: Record<string, unknown> = {};
  let at = from;
  for (;;) {
    while (/\s/.test(text[at]!)) at += 1;
    if (text.startsWith("/>", at)) return { props, end: at + 2, selfClosing: true };
    if (text[at] === ">") return { props, end: at + 1, selfClosing: false };
    const name = /^[A-Za-z][\w-]*/.exec(text.slice(at))?.[0];
    if (!name) throw new Error(`unexpected ${JSON.stringify(text.slice(at, at + 30))} in a component tag`);
    at += name.length;
    if (text[at] !== "=") {
      props[name] = true;
      continue;
    }
    at += 1;
    const quote = text[at];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, at + 1);
      props[name] = text.slice(at + 1, close);
      at = close + 1;
    } else if (quote === "{") {
      const close = matchingBrace(text, at);
      // Evaluated in a fresh context, then copied into this one's plain objects and arrays.
      props[name] = JSON.parse(JSON.stringify(vm.runInNewContext(`(${text.slice(at + 1, close)})`)));
      at = close + 1;
    } else throw new Error(`prop ${name} has no value`);
  }
}

/** The index of the brace closing the one at `open`, skipping braces inside JavaScript strings. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    const char = text[at]!;
    if (char === '"' || char === "'" || char === "`") {
      at += 1;
      while (text[at] !== char) at += text[at] === "\\" ? 2 : 1;
    } else if (char === "{") depth += 1;
    else if (char === "}" && --depth === 0) return at;
  }
  throw new Error("unclosed brace in a component prop");
}
