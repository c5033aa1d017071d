import type { MdxComponentProps } from "@/lib/content/registry";

const columns = ["", "sm:grid-cols-1", "sm:grid-cols-2", "md:grid-cols-3", "md:grid-cols-2", "md:grid-cols-3", "md:grid-cols-3"] as const;

/** Side-by-side summaries, one card per item. */
export function Cards({ items }: MdxComponentProps<"Cards">) {
  return (
    <ul className={`not-prose my-6 grid gap-4 ${columns[items.length] ?? ""}`}>
      {items.map((item) => (
        <li key={item.title} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
          <p className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="font-semibold text-slate-900 dark:text-slate-100">{item.title}</span>
            {item.badge ? (
              <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700 dark:bg-slate-800 dark:text-brand-300">{item.badge}</span>
            ) : null}
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-[0.95rem] text-slate-700 dark:text-slate-300">
            {item.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
