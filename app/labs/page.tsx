import type { Metadata } from "next";
import Link from "next/link";
import { LabsProgress } from "@/app/_components/labs/LabsProgress";
import { loadLabs } from "@/lib/labs/catalog";
import { summaryOf } from "@/lib/labs/lab";

export const metadata: Metadata = {
  title: "Labs",
  description: "Guided labs in the sandbox: each step is checked as you work, with hints and solutions when you are stuck.",
};

/** The labs, in order: what each one practises and how long it takes. */
export default async function LabsPage() {
  const labs = await loadLabs();
  return (
    <div className="max-w-3xl pb-12">
      <h1 className="text-3xl font-bold tracking-tight">Labs</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Each lab gives you a sandbox of its own and a guide beside the terminal. Every step is checked on the sandbox as you type; hints and
        the solution are there when you are stuck (a shown solution is recorded as such). Signed in, the server replays your commands to
        record what you completed.
      </p>
      <section aria-labelledby="your-labs" className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        <h2 id="your-labs" className="mb-2 text-lg font-semibold">
          Where you are
        </h2>
        <LabsProgress labs={labs.map(summaryOf)} />
      </section>
      <ol className="mt-6 space-y-4">
        {labs.map((lab) => (
          <li key={lab.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
            <h2 className="m-0 text-lg font-semibold">
              <Link href={lab.href} className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
                {lab.title}
              </Link>
            </h2>
            <p className="mt-1 text-slate-700 dark:text-slate-300">{lab.summary}</p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {lab.steps.length} steps · about {lab.minutes} minutes
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
