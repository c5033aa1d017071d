import type { Root, RootContent, Code, Heading as MdHeading, Nodes } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import type {} from "mdast-util-mdx";
import type {} from "mdast-util-to-hast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { ContentError } from "./content-error";
import { evaluateLiteral, NotALiteralError, type LiteralValue } from "./estree-literal";
import { allowedHtmlElements, isMdxComponentName, mdxComponentSpecs } from "./registry";
import type { SectionFacts, SourcePosition } from "./section-facts";
import { awsCommandLines } from "./shell-commands";

export interface ContentCheckContext {
  /** Path shown in error messages (relative to the project root). */
  file: string;
  examPointIds: ReadonlySet<string>;
  errataIds: ReadonlySet<string>;
  /** Receives everything learned about the section. */
  facts: SectionFacts;
  /** Receives every problem found; the compiler throws them together afterwards. */
  errors: ContentError[];
}

const shellLanguages = new Set(["bash", "sh", "shell", "console"]);

/**
 * A remark plugin that checks a section against the course's rules (closed
 * component set, valid props, resolvable exam-point and errata ids, no
 * imports, sane heading levels) and gathers the section's facts. It records
 * problems instead of throwing so that an author sees all of them at once.
 */
export function remarkContentChecks(context: ContentCheckContext) {
  return () => (tree: Root) => {
    const { facts, errors, file } = context;
    const fail = (node: Nodes | undefined, reason: string) => {
      const { line, column } = positionOf(node);
      errors.push(new ContentError(file, line, column, reason));
    };

    let previousDepth = 1;
    visit(tree, (node, _index, parent) => {
      switch (node.type) {
        case "mdxjsEsm":
          // mdx-bundler's own frontmatter export has no position; only authored imports do.
          if (node.position) fail(node, "imports and exports are not allowed in chapters; use the components in lib/content/registry.ts");
          return;
        case "heading":
          previousDepth = checkHeading(node, previousDepth, fail);
          return;
        case "code":
          collectCode(node, facts);
          return;
        case "link":
          // "#anchor" is a link within the same page: the course check resolves it against this section's own headings.
          if (node.url.startsWith("/") || node.url.startsWith("#")) facts.internalLinks.push({ url: node.url, ...positionOf(node) });
          return;
        case "text":
          facts.words += countWords(node.value);
          return;
        case "mdxJsxFlowElement":
        case "mdxJsxTextElement":
          checkJsxElement(node, context, fail, parent?.type === "mdxJsxFlowElement" && parent.name === "QuestionSet");
          return;
        default:
          return;
      }
    });
  };
}

function checkHeading(
  node: MdHeading,
  previousDepth: number,
  fail: (node: Nodes, reason: string) => void,
): number {
  if (node.depth === 1) {
    fail(node, "a section must not contain a level-1 heading (#); its title comes from the frontmatter");
  } else if (node.depth > previousDepth + 1) {
    fail(node, `heading level jumps from ${previousDepth} to ${node.depth}; use ${"#".repeat(previousDepth + 1)}`);
  } else if (node.depth > 3) {
    fail(node, "headings deeper than ### are not used in chapters");
  }
  if (toString(node).trim() === "") fail(node, "empty heading");
  return node.depth;
}

function collectCode(node: Code, facts: SectionFacts) {
  const lang = node.lang ?? "";
  facts.codeBlocks.push({ lang, code: node.value, ...positionOf(node) });
  const data = (node.data ??= {});
  const properties: Record<string, string> = {};
  const title = /(?:^|\s)title="([^"]*)"/.exec(node.meta ?? "")?.[1];
  if (title) properties["data-title"] = title;
  if (shellLanguages.has(lang)) {
    const awsCommands = awsCommandLines(node.value);
    if (awsCommands.length > 0) {
      properties["data-aws-command"] = "true";
      facts.commandBlocks.push({ lang, code: node.value, awsCommands, ...positionOf(node) });
    }
  }
  data.hProperties = { ...(data.hProperties ?? {}), ...properties };
}

function checkJsxElement(
  node: MdxJsxFlowElement | MdxJsxTextElement,
  context: ContentCheckContext,
  fail: (node: Nodes, reason: string) => void,
  folded: boolean,
) {
  const name = node.name;
  if (name === null) {
    fail(node, "fragments (<>...</>) are not allowed; write the content directly");
    return;
  }
  if (!isMdxComponentName(name)) {
    if (allowedHtmlElements.has(name)) return;
    const known = Object.keys(mdxComponentSpecs).join(", ");
    fail(node, `unknown component <${name}>; the registry has: ${known}`);
    return;
  }
  const spec = mdxComponentSpecs[name];
  if (!spec.children && node.children.length > 0) {
    fail(node, `<${name}> takes no children; pass its content as props`);
  }

  const raw: Record<string, LiteralValue> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === "mdxJsxExpressionAttribute") {
      fail(node, `<${name}>: spread props ({...x}) are not allowed`);
      continue;
    }
    const value = attribute.value;
    if (value === null || value === undefined) {
      raw[attribute.name] = true;
    } else if (typeof value === "string") {
      raw[attribute.name] = value;
    } else {
      try {
        const program = value.data?.estree;
        if (!program) throw new NotALiteralError("empty expression");
        raw[attribute.name] = evaluateLiteral(program);
      } catch (error) {
        if (!(error instanceof NotALiteralError)) throw error;
        fail(node, `<${name} ${attribute.name}>: ${error.message}`);
      }
    }
  }

  const parsed = spec.props.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.length > 0 ? " " + issue.path.join(".") : "";
      fail(node, `<${name}${where}>: ${issue.message}`);
    }
    return;
  }

  const at = positionOf(node);
  const { facts } = context;
  switch (name) {
    case "ExamPoint": {
      const { id } = parsed.data as { id: string };
      if (!context.examPointIds.has(id)) fail(node, `unknown exam point "${id}" (not in content/exam-points.yaml)`);
      facts.markers.push({ id, ...at });
      break;
    }
    case "Correction": {
      const { id } = parsed.data as { id: string };
      if (!context.errataIds.has(id)) fail(node, `unknown correction "${id}" (not in content/errata.yaml)`);
      facts.corrections.push({ id, ...at });
      break;
    }
    case "Quiz":
    case "SandboxTask": {
      const props = parsed.data as unknown as { examPoints: string[] };
      for (const id of props.examPoints) {
        if (!context.examPointIds.has(id)) fail(node, `<${name} examPoints>: unknown exam point "${id}"`);
      }
      if (name === "Quiz") facts.quizzes.push({ props: mdxComponentSpecs.Quiz.props.parse(raw), folded, ...at });
      else facts.sandboxTasks.push({ props: mdxComponentSpecs.SandboxTask.props.parse(raw), folded, ...at });
      // Folded questions are practice, not reading: they do not lengthen the reading time.
      if (!folded) facts.words += countWords(stringsIn(raw).join(" "));
      break;
    }
    case "LabStep":
      facts.labSteps.push({ props: mdxComponentSpecs.LabStep.props.parse(raw), ...at });
      break;
    case "QuestionSet": {
      // Sandbox tasks stay in the text: a folded set loads its questions from the bank when opened.
      const strays = node.children.filter((child) => child.type !== "mdxJsxFlowElement" || child.name !== "Quiz");
      for (const stray of strays) fail(stray, "<QuestionSet> holds only <Quiz> elements (put a <SandboxTask> in the text)");
      break;
    }
    case "Figure": {
      const { caption } = parsed.data as { caption: string };
      facts.figures.push({ caption, ...at });
      break;
    }
    case "ComparisonTable": {
      const { caption } = parsed.data as { caption: string };
      facts.tables.push({ caption, ...at });
      facts.words += countWords(stringsIn(raw).join(" "));
      break;
    }
    case "DecisionTree": {
      const props = mdxComponentSpecs.DecisionTree.props.parse(raw);
      facts.decisionTrees.push({ root: props.root, ...at });
      facts.words += countWords(stringsIn(raw).join(" "));
      break;
    }
    case "ServiceMatrix": {
      const props = mdxComponentSpecs.ServiceMatrix.props.parse(raw);
      facts.serviceMatrices.push({ props, ...at });
      facts.tables.push({ caption: props.caption, ...at }, { caption: props.offersCaption, ...at });
      facts.words += countWords(stringsIn(raw).join(" "));
      break;
    }
    default:
      facts.words += countWords(stringsIn(raw).join(" "));
  }
}

function stringsIn(value: LiteralValue): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function positionOf(node: Nodes | RootContent | undefined): SourcePosition {
  const start = node?.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
}
