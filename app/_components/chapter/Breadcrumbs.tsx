import Link from "next/link";

export type Crumb = { label: string; href: string };

/** Where this page sits in the course: the linked trail, then the current page. */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
      <ol className="flex flex-wrap gap-1">
        {trail.map((crumb) => (
          <li key={crumb.href}>
            <Link href={crumb.href} className="underline underline-offset-2 hover:no-underline">
              {crumb.label}
            </Link>
            <span aria-hidden="true"> /</span>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
