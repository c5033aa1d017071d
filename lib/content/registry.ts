import * as z from "zod";
import { scenarios } from "../terminal/scenarios";
import { paneIds } from "../workspace/pane-ids";
import { machineGraph } from "../visualize/machine-graph";
import { machineNames, machines } from "../visualize/machines";
import { needsMet } from "./service-matrix";
import { QuizProps, SandboxTaskProps as SandboxTaskSchema } from "../quiz/question-schema";

/**
 * The closed set of components an MDX chapter may use, with the props each
 * accepts. The content compiler rejects any other component, and any props
 * that fail these schemas, at the file and line where they are written. The
 * React side (app/_components/mdx/mdx-components.tsx) is typed from this
 * file, so a component cannot be added on one side only.
 *
 * Props are plain data (strings, numbers, arrays, objects): authors write
 * literals, never expressions, so the compiler can check them before render.
 */

const text = z.string().trim().min(1, "must not be empty");

export const calloutKinds = ["note", "tip", "warning", "exam"] as const;

const CalloutProps = z.strictObject({
  kind: z.enum(calloutKinds).default("note"),
  title: text.optional(),
});

const ExamPointProps = z.strictObject({ id: text });

const CorrectionProps = z.strictObject({ id: text });

const FigureProps = z.strictObject({
  /** Shown under the figure. */
  caption: text,
  /** The text alternative: what the picture shows, for screen readers and anyone who prefers text. */
  description: text.min(40, "a text alternative should describe the figure in at least a sentence"),
});

const FanOutBranch = z.strictObject({
  title: text,
  subtitle: text.optional(),
  items: z.array(text).min(1).max(6),
});
const FanOutDiagramProps = z.strictObject({
  root: text,
  rootNote: text.optional(),
  branches: z.array(FanOutBranch).min(2).max(4),
});

const FlowStep = z.strictObject({ title: text, detail: text.optional(), actor: text.optional() });
const FlowDiagramProps = z.strictObject({
  steps: z.array(FlowStep).min(2).max(8),
  /** Draw an arrow from the last step back to the first (a cycle, e.g. rotation). */
  cycle: z.boolean().default(false),
});

const SequenceMessage = z.strictObject({
  from: text,
  to: text,
  label: text,
  note: text.optional(),
});
const SequenceDiagramProps = z
  .strictObject({
    actors: z.array(text).min(2).max(5),
    messages: z.array(SequenceMessage).min(1).max(12),
  })
  .superRefine((value, ctx) => {
    value.messages.forEach((message, index) => {
      for (const end of ["from", "to"] as const) {
        if (!value.actors.includes(message[end])) {
          ctx.addIssue({
            code: "custom",
            path: ["messages", index, end],
            message: `"${message[end]}" is not one of the actors (${value.actors.join(", ")})`,
          });
        }
      }
    });
  });

export interface TreeNode {
  name: string;
  note?: string | undefined;
  badge?: string | undefined;
  children?: TreeNode[] | undefined;
}
const TreeNodeSchema: z.ZodType<TreeNode> = z.lazy(() =>
  z.strictObject({
    name: text,
    note: text.optional(),
    badge: text.optional(),
    children: z.array(TreeNodeSchema).min(1).optional(),
  }),
);
const TreeDiagramProps = z.strictObject({ root: TreeNodeSchema });

export interface DecisionOutcome {
  result: string;
  note?: string | undefined;
}
export interface DecisionQuestion {
  question: string;
  options: { label: string; then: DecisionNode }[];
}
export type DecisionNode = DecisionQuestion | DecisionOutcome;
const DecisionNodeSchema: z.ZodType<DecisionNode> = z.lazy(() =>
  z.union([
    z.strictObject({
      question: text,
      options: z.array(z.strictObject({ label: text, then: DecisionNodeSchema })).min(2).max(4),
    }),
    z.strictObject({ result: text, note: text.optional() }),
  ]),
);
const DecisionTreeProps = z.strictObject({ root: DecisionNodeSchema });

const MachineDiagramProps = z
  .strictObject({
    /** A lifecycle machine of the engine, drawn from its own definition (lib/visualize/machines.ts). */
    machine: z.enum(machineNames),
    /** State names only in the boxes. */
    compact: z.boolean().default(false),
    /** A state to highlight, as the machine names it ("PendingDeletion.WithKeyMaterial"). */
    current: text.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.current === undefined) return;
    const states = machineGraph(machines[value.machine].machine).states.map((state) => state.id);
    if (!states.includes(value.current)) {
      ctx.addIssue({ code: "custom", path: ["current"], message: `"${value.current}" is not a state of ${value.machine} (${states.join(", ")})` });
    }
  });

const CardsProps = z.strictObject({
  items: z
    .array(z.strictObject({ title: text, badge: text.optional(), points: z.array(text).min(1).max(8) }))
    .min(1)
    .max(6),
});

const ComparisonTableProps = z
  .strictObject({
    caption: text,
    columns: z.array(text).min(2).max(6),
    rows: z.array(z.array(z.string().trim())).min(1),
  })
  .superRefine((value, ctx) => {
    value.rows.forEach((row, index) => {
      if (row.length !== value.columns.length) {
        ctx.addIssue({
          code: "custom",
          path: ["rows", index],
          message: `row has ${row.length} cells but the table has ${value.columns.length} columns`,
        });
      }
    });
  });

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "ids are kebab-case, e.g. secrets-manager");

const ServiceMatrixProps = z
  .strictObject({
    /** The use-case table's caption. */
    caption: text,
    /** The caption of the table of needs by service. */
    offersCaption: text,
    services: z.array(z.strictObject({ id: kebab, name: text })).min(2).max(5),
    needs: z
      .array(
        z.strictObject({
          id: kebab,
          label: text,
          short: text,
          cells: z.record(z.string(), z.strictObject({ meets: z.boolean(), note: text })),
        }),
      )
      .min(2)
      .max(12),
    useCases: z
      .array(z.strictObject({ name: text, recommended: text, why: text, needs: z.array(kebab).min(1), services: z.array(kebab).min(1) }))
      .min(1),
  })
  .superRefine((value, ctx) => {
    const serviceIds = value.services.map((service) => service.id);
    const needIds = value.needs.map((need) => need.id);
    const duplicates = (ids: string[]) => ids.filter((id, index) => ids.indexOf(id) !== index);
    for (const id of duplicates(serviceIds)) ctx.addIssue({ code: "custom", path: ["services"], message: `service id "${id}" is used twice` });
    for (const id of duplicates(needIds)) ctx.addIssue({ code: "custom", path: ["needs"], message: `need id "${id}" is used twice` });
    for (const name of duplicates(value.useCases.map((useCase) => useCase.name))) ctx.addIssue({ code: "custom", path: ["useCases"], message: `use case "${name}" is listed twice` });
    value.needs.forEach((need, index) => {
      const cells = Object.keys(need.cells);
      const missing = serviceIds.filter((id) => !cells.includes(id));
      const unknown = cells.filter((id) => !serviceIds.includes(id));
      if (missing.length > 0) ctx.addIssue({ code: "custom", path: ["needs", index, "cells"], message: `no cell for ${missing.join(", ")}` });
      if (unknown.length > 0) ctx.addIssue({ code: "custom", path: ["needs", index, "cells"], message: `cells for unknown services ${unknown.join(", ")}` });
    });
    value.useCases.forEach((useCase, index) => {
      for (const id of useCase.needs.filter((need) => !needIds.includes(need))) ctx.addIssue({ code: "custom", path: ["useCases", index, "needs"], message: `unknown need "${id}"` });
      for (const id of useCase.services.filter((service) => !serviceIds.includes(service))) ctx.addIssue({ code: "custom", path: ["useCases", index, "services"], message: `unknown service "${id}"` });
      // The table must not contradict itself: a recommended service meets every need of its use case.
      for (const id of useCase.services.filter((service) => serviceIds.includes(service))) {
        if (needsMet(value, id, useCase.needs) < useCase.needs.length) {
          const unmet = useCase.needs.filter((need) => value.needs.find((candidate) => candidate.id === need)?.cells[id]?.meets !== true);
          ctx.addIssue({ code: "custom", path: ["useCases", index, "services"], message: `"${useCase.name}" recommends ${id}, which does not meet ${unmet.join(", ")}` });
        }
      }
    });
  });

/** A task graded by the sandbox state it leaves; its scenario is one the terminal knows. */
const SandboxTaskProps = SandboxTaskSchema.safeExtend({
  scenario: z.enum(scenarios.map((scenario) => scenario.name) as [string, ...string[]]).default("chapter-27"),
});

/** Further questions on a section, folded (loaded when opened); only `<Quiz>` elements inside. */
const QuestionSetProps = z.strictObject({ title: text.default("More questions on this section") });

const SandboxTerminalProps = z.strictObject({
  /** The sandbox's starting state; the terminal shares its saved state with /sandbox. */
  scenario: z.enum(scenarios.map((scenario) => scenario.name) as [string, ...string[]]).default("chapter-27"),
});

const OpenInSandboxProps = z.strictObject({
  /** The workspace pane to show beside the terminal (a visualiser). */
  pane: z.enum(paneIds),
  scenario: z.enum(scenarios.map((scenario) => scenario.name) as [string, ...string[]]).default("chapter-27"),
});

/**
 * A step of a lab (content/labs/): what to do in the prose it wraps, and a
 * check (a command line run on a copy of the learner's sandbox, done when it
 * exits 0), hints in the order to show them, and the commands that solve it.
 */
const LabStepProps = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "step ids are lower-case words joined by hyphens"),
  title: text,
  check: z.string().trim().min(1),
  hints: z.array(text).min(1),
  solution: z.array(z.string().trim().min(1)).min(1),
});

/** Every component an author may write in MDX, with its props schema and whether it takes children. */
export const mdxComponentSpecs = {
  Callout: { props: CalloutProps, children: true },
  ExamPoint: { props: ExamPointProps, children: false },
  Correction: { props: CorrectionProps, children: false },
  Figure: { props: FigureProps, children: true },
  FanOutDiagram: { props: FanOutDiagramProps, children: false },
  FlowDiagram: { props: FlowDiagramProps, children: false },
  SequenceDiagram: { props: SequenceDiagramProps, children: false },
  TreeDiagram: { props: TreeDiagramProps, children: false },
  DecisionTree: { props: DecisionTreeProps, children: false },
  MachineDiagram: { props: MachineDiagramProps, children: false },
  Cards: { props: CardsProps, children: false },
  ComparisonTable: { props: ComparisonTableProps, children: false },
  ServiceMatrix: { props: ServiceMatrixProps, children: false },
  Quiz: { props: QuizProps, children: false },
  SandboxTask: { props: SandboxTaskProps, children: false },
  QuestionSet: { props: QuestionSetProps, children: true },
  SandboxTerminal: { props: SandboxTerminalProps, children: false },
  OpenInSandbox: { props: OpenInSandboxProps, children: true },
  LabStep: { props: LabStepProps, children: true },
} as const satisfies Record<string, { props: z.ZodType; children: boolean }>;

export type MdxComponentName = keyof typeof mdxComponentSpecs;

/** The props a component receives after validation (defaults applied). */
export type MdxComponentProps<N extends MdxComponentName> = z.output<(typeof mdxComponentSpecs)[N]["props"]>;

export type QuizBlockProps = MdxComponentProps<"Quiz">;

export function isMdxComponentName(name: string): name is MdxComponentName {
  return Object.hasOwn(mdxComponentSpecs, name);
}

/** Plain HTML elements an author may write as JSX where Markdown has no syntax for them. */
export const allowedHtmlElements = new Set(["br", "kbd", "abbr", "sub", "sup"]);
