import type { MdxComponentProps, TreeNode } from "@/lib/content/registry";

/** A hierarchy drawn with guide lines, like the `tree` command prints it. */
export function TreeDiagram({ root }: MdxComponentProps<"TreeDiagram">) {
  return (
    <ul className="text-sm" aria-label={`Hierarchy under ${root.name}`}>
      <TreeItem node={root} />
    </ul>
  );
}

function TreeItem({ node }: { node: TreeNode }) {
  return (
    <li className="py-1">
      <span className="diagram-node inline-flex max-w-full flex-wrap items-baseline gap-x-2 rounded-md px-2 py-1 shadow-sm [overflow-wrap:anywhere]">
        <code className="font-mono text-slate-900 dark:text-slate-100">{node.name}</code>
        {node.badge ? (
          <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">{node.badge}</span>
        ) : null}
        {node.note ? <span className="text-xs text-slate-600 dark:text-slate-400">{node.note}</span> : null}
      </span>
      {node.children ? (
        <ul className="tree-children mt-1">
          {node.children.map((child) => (
            <TreeItem key={child.name} node={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
