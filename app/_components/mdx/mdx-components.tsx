import type { ComponentType, ReactNode } from "react";
import type { MdxComponentName, MdxComponentProps } from "@/lib/content/registry";
import { DecisionTree } from "../diagrams/DecisionTree";
import { FanOutDiagram } from "../diagrams/FanOutDiagram";
import { Figure } from "../diagrams/Figure";
import { FlowDiagram } from "../diagrams/FlowDiagram";
import { SequenceDiagram } from "../diagrams/SequenceDiagram";
import { StateMachineDiagram } from "../diagrams/StateMachineDiagram";
import { TreeDiagram } from "../diagrams/TreeDiagram";
import { SandboxTerminal } from "../terminal/SandboxTerminal";
import { Callout } from "./Callout";
import { Cards } from "./Cards";
import { CodeBlock } from "./CodeBlock";
import { ComparisonTable } from "./ComparisonTable";
import { CorrectionNote } from "./CorrectionNote";
import { ExamPointMarker } from "./ExamPointMarker";
import { H2, H3 } from "./Heading";
import { MarkdownTable } from "./MarkdownTable";
import { OpenInSandbox } from "./OpenInSandbox";
import { QuestionSet, QuizBlock, SandboxTaskBlock } from "./QuizBlock";
import { ServiceMatrix } from "./ServiceMatrix";

type Registered = {
  [N in MdxComponentName]: ComponentType<MdxComponentProps<N> & { children?: ReactNode }>;
};

/**
 * A <LabStep> outside a lab: the content check refuses it in chapters, so a
 * section page never renders one. Keeping the lab's client code (and its zod
 * schemas) out of this map keeps it out of every section page's JavaScript.
 */
function LabStepOutsideLab(): never {
  throw new Error("<LabStep> is only rendered in labs (app/_components/labs/lab-mdx-components.ts)");
}

/**
 * The one, closed map from MDX component names to React components for the
 * chapters. Its type comes from lib/content/registry.ts, so every registered
 * name must be implemented here with the props the compiler validated; labs
 * use the same map with their steps (lab-mdx-components.ts).
 */
export const registeredComponents: Registered = {
  Callout,
  ExamPoint: ExamPointMarker,
  Correction: CorrectionNote,
  Figure,
  FanOutDiagram,
  FlowDiagram,
  SequenceDiagram,
  TreeDiagram,
  DecisionTree,
  MachineDiagram: StateMachineDiagram,
  Cards,
  ComparisonTable,
  ServiceMatrix,
  Quiz: QuizBlock,
  SandboxTask: SandboxTaskBlock,
  QuestionSet,
  SandboxTerminal,
  OpenInSandbox,
  LabStep: LabStepOutsideLab,
};

/** Overrides for the HTML that Markdown itself produces. */
export const markdownElements = {
  h2: H2,
  h3: H3,
  pre: CodeBlock,
  table: MarkdownTable,
};
