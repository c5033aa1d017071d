import type { DecisionNode, MdxComponentProps, QuizBlockProps } from "./registry";

/** Where in a content file something was written (1-based). */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface ExamPointMarker extends SourcePosition {
  id: string;
}

export interface QuizBlock extends SourcePosition {
  props: QuizBlockProps;
  /** Written inside a <QuestionSet>: folded at the section's end, not part of the reading. */
  folded: boolean;
}

export interface SandboxTaskBlock extends SourcePosition {
  props: MdxComponentProps<"SandboxTask">;
  folded: boolean;
}

/** A fenced shell block that runs `aws` commands; the sandbox will offer to run these. */
export interface CommandBlock extends SourcePosition {
  lang: string;
  code: string;
  /** Logical lines (continuations joined) that invoke the `aws` CLI. */
  awsCommands: string[];
}

export interface Heading {
  depth: 2 | 3;
  id: string;
  text: string;
}

/** What the compiler learns about one section while it checks and compiles it. */
export interface SectionFacts {
  markers: ExamPointMarker[];
  corrections: (SourcePosition & { id: string })[];
  quizzes: QuizBlock[];
  sandboxTasks: SandboxTaskBlock[];
  commandBlocks: CommandBlock[];
  internalLinks: (SourcePosition & { url: string })[];
  headings: Heading[];
  /** Captions of the section's figures and comparison tables, where they are written. */
  figures: (SourcePosition & { caption: string })[];
  tables: (SourcePosition & { caption: string })[];
  /** The decision trees and use-case matrices, with their data (the oracle for browser tests). */
  decisionTrees: (SourcePosition & { root: DecisionNode })[];
  serviceMatrices: (SourcePosition & { props: MdxComponentProps<"ServiceMatrix"> })[];
  /** Every fenced code block, as written. */
  codeBlocks: (SourcePosition & { lang: string; code: string })[];
  /** The steps of a lab, in order (labs only). */
  labSteps: (SourcePosition & { props: MdxComponentProps<"LabStep"> })[];
  /** Words of prose and of component text, for the reading time. */
  words: number;
}

export function emptySectionFacts(): SectionFacts {
  return {
    labSteps: [],
    markers: [],
    corrections: [],
    quizzes: [],
    sandboxTasks: [],
    commandBlocks: [],
    internalLinks: [],
    headings: [],
    figures: [],
    tables: [],
    decisionTrees: [],
    serviceMatrices: [],
    words: 0,
    codeBlocks: [],
  };
}
