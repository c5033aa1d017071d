import type { DecisionNode, MdxComponentProps } from "@/lib/content/registry";
import { DecisionWalker } from "./DecisionWalker";

/**
 * A decision tree the learner walks one question at a time (DecisionWalker,
 * a small client island), over the whole tree laid out as an outline: each
 * question with its answers as branches, ending in recommendations. The
 * outline is drawn here on the server, so it is what readers without
 * JavaScript and printouts get, and the walker's text equivalent.
 */
export function DecisionTree({ root }: MdxComponentProps<"DecisionTree">) {
  return (
    <DecisionWalker root={root}>
      <div className="decision-tree-outline text-sm [overflow-wrap:anywhere]">
        <DecisionItem node={root} />
      </div>
    </DecisionWalker>
  );
}

function DecisionItem({ node }: { node: DecisionNode }) {
  if ("result" in node) {
    return (
      <div className="diagram-result inline-block rounded-lg px-3 py-2 shadow-sm">
        <p className="font-semibold text-slate-900 dark:text-slate-100">
          <span aria-hidden="true">→ </span>
          {node.result}
        </p>
        {node.note ? <p className="text-slate-700 dark:text-slate-300">{node.note}</p> : null}
      </div>
    );
  }
  return (
    <div>
      <p className="diagram-node inline-flex items-center gap-2 rounded-lg px-3 py-2 font-semibold text-slate-900 shadow-sm dark:text-slate-100">
        <span aria-hidden="true" className="inline-flex h-5 w-5 rotate-45 items-center justify-center rounded-sm bg-[var(--diagram-root-bg)] text-[0.65rem] text-[var(--diagram-root-fg)]">
          <span className="-rotate-45">?</span>
        </span>
        {node.question}
      </p>
      <ul className="tree-children mt-1">
        {node.options.map((option) => (
          <li key={option.label} className="py-1.5">
            <span className="mr-2 inline-block rounded-full border border-[var(--diagram-line)] px-2 py-0.5 text-xs font-semibold text-slate-800 dark:text-slate-200">
              {option.label}
            </span>
            <div className="mt-1">
              <DecisionItem node={option.then} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
