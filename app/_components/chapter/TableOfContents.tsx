import type { Heading } from "@/lib/content/section-facts";

/** Links to the headings of the current section. */
export function TableOfContents({ headings, collapsible = false }: { headings: Heading[]; collapsible?: boolean }) {
  if (headings.length === 0) return null;
  const list = (
    <ol className="space-y-1 text-sm">
      {headings.map((heading) => (
        <li key={heading.id} className={heading.depth === 3 ? "pl-3" : ""}>
          <a href={`#${heading.id}`} className="block rounded px-1 py-0.5 text-slate-700 hover:text-brand-700 hover:underline dark:text-slate-300 dark:hover:text-brand-300">
            {heading.text}
          </a>
        </li>
      ))}
    </ol>
  );
  if (collapsible) {
    return (
      <nav aria-label="On this page (compact)" className="mt-6">
        <details className="rounded-lg border border-slate-200 dark:border-slate-700">
          <summary className="cursor-pointer px-3 py-2 text-sm font-semibold">On this page</summary>
          <div className="px-2 pb-2">{list}</div>
        </details>
      </nav>
    );
  }
  return (
    <nav aria-label="On this page">
      <p className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">On this page</p>
      {list}
    </nav>
  );
}
