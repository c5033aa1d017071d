import type { MdxComponentProps } from "@/lib/content/registry";

const columns = { 2: "md:grid-cols-2", 3: "md:grid-cols-3", 4: "md:grid-cols-4" } as const;

/** One thing at the top splitting into two to four kinds below it. */
export function FanOutDiagram({ root, rootNote, branches }: MdxComponentProps<"FanOutDiagram">) {
  const cols = columns[branches.length as keyof typeof columns];
  return (
    <div className="text-sm [overflow-wrap:anywhere]">
      <div className="flex flex-col md:items-center">
        <div className="diagram-root w-fit rounded-lg px-5 py-3 text-center font-semibold shadow-sm">
          {root}
          {rootNote ? <span className="block text-xs font-normal opacity-90">{rootNote}</span> : null}
        </div>
        <div aria-hidden="true" className="ml-4 h-5 border-l-2 border-[var(--diagram-line)] md:ml-0" />
      </div>
      <ul className={`fanout-branches grid gap-4 md:mt-5 md:gap-5 ${cols}`} aria-label={`Kinds of ${root}`}>
        {branches.map((branch) => (
          <li key={branch.title} className="diagram-node rounded-lg p-3 shadow-sm">
            <p className="font-semibold text-slate-900 dark:text-slate-100">{branch.title}</p>
            {branch.subtitle ? <p className="text-xs text-slate-600 dark:text-slate-400">{branch.subtitle}</p> : null}
            <ul className="mt-2 list-disc space-y-1 pl-4 text-slate-700 dark:text-slate-300">
              {branch.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
