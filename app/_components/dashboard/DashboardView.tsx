"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import type { Dashboard } from "@/lib/progress/dashboard";

// recharts is loaded after the page, behind a skeleton of the charts' size, so the numbers show at once.
const ActivityCharts = dynamic(() => import("./ActivityCharts"), {
  ssr: false,
  loading: () => <div className="h-64 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-hidden="true" />,
});

const percent = (value: number) => `${Math.round(value * 100)}%`;

function Meter({ value, label }: { value: number; label: string }) {
  const colour = value >= 0.9 ? "bg-emerald-600" : value >= 0.7 ? "bg-amber-500" : "bg-rose-600";
  return (
    <span className="block h-2.5 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700" role="img" aria-label={`${label}: ${percent(value)}`}>
      <span className={`block h-full ${colour}`} style={{ width: percent(value) }} />
    </span>
  );
}

function Stat({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-2xl font-bold" data-testid={testId}>
        {value}
      </dd>
      {detail ? <dd className="text-xs text-slate-600 dark:text-slate-400">{detail}</dd> : null}
    </div>
  );
}

/** The dashboard, the same whether its numbers come from the account or from this browser. */
export function DashboardView({ dashboard, where }: { dashboard: Dashboard; where: "account" | "browser" }) {
  const { totals, streak } = dashboard;
  const lastWeek = dashboard.days.slice(-7);
  return (
    <div className="space-y-10">
      {where === "browser" ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          This progress is kept in this browser only. <Link href="/sign-up" className="font-semibold underline">Create an account</Link> or{" "}
          <Link href="/sign-in" className="font-semibold underline">sign in</Link> to keep it on the server and see it on any device; it is carried over when you do.
        </p>
      ) : null}

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Streak" value={`${streak.current} day${streak.current === 1 ? "" : "s"}`} detail={`${streak.activeToday ? "Studied today" : "Not yet today"}; longest ${streak.longest}`} testId="streak" />
        <Stat label="Answers" value={String(totals.answers)} detail={totals.answers ? `${percent(totals.correct / totals.answers)} right` : "None yet"} testId="answers-total" />
        <Stat label="Sections read" value={`${totals.sectionsRead} of ${totals.sections}`} testId="sections-read" />
        <Stat label="Exam points practised" value={`${totals.pointsPractised} of ${totals.points}`} detail={dashboard.examDate ? `Exam on ${dashboard.examDate} (${dashboard.daysToExam} days)` : "Set your exam date on Practice"} />
      </dl>

      <section aria-labelledby="due-heading">
        <h2 id="due-heading" className="text-xl font-semibold">
          Due for review: <span data-testid="due-total">{dashboard.due.count}</span>
        </h2>
        {dashboard.due.count ? (
          <>
            <ul className="mt-2 list-disc pl-6 text-sm">
              {dashboard.due.points.map((point) => (
                <li key={point.id}>{point.title}</li>
              ))}
            </ul>
            <Link href="/practice/drill" className="mt-3 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
              Review them in the drill
            </Link>
          </>
        ) : (
          <p className="mt-2 text-sm">Nothing is due: everything you practised is still fresh.</p>
        )}
      </section>

      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading" className="mb-4 text-xl font-semibold">
          Progress over time
        </h2>
        <ActivityCharts days={dashboard.days} />
        <table className="mt-4 w-full text-sm">
          <caption className="text-left text-slate-600 dark:text-slate-400">The last seven days</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 font-medium">Day</th>
              <th scope="col" className="py-1 font-medium">Answered</th>
              <th scope="col" className="py-1 font-medium">Right</th>
            </tr>
          </thead>
          <tbody>
            {lastWeek.map((day) => (
              <tr key={day.day} className="border-t border-slate-200 dark:border-slate-700">
                <td className="py-1">{day.day}</td>
                <td className="py-1">{day.answered}</td>
                <td className="py-1">{day.correct}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="mastery-heading">
        <h2 id="mastery-heading" className="text-xl font-semibold">
          Mastery by chapter and exam point
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Mastery is the chance you would recall a point today (FSRS, from your answers and when you gave them); a point never practised counts 0.</p>
        {dashboard.chapters.map((chapter) => (
          <details key={chapter.slug} open className="mt-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
            <summary className="cursor-pointer">
              <span className="font-semibold">{chapter.title}</span>{" "}
              <span className="text-sm text-slate-600 dark:text-slate-400">
                · mastery <span data-testid={`mastery-${chapter.slug}`}>{percent(chapter.mastery)}</span> · {chapter.sectionsRead} of {chapter.sections} sections read
              </span>
            </summary>
            <div className="mt-2">
              <Meter value={chapter.mastery} label={`${chapter.title} mastery`} />
            </div>
            {chapter.nextSection ? (
              <p className="mt-3 text-sm">
                Next to read: <Link href={chapter.nextSection.href} className="text-brand-700 underline dark:text-brand-300">{chapter.nextSection.title}</Link>
              </p>
            ) : null}
            <table className="mt-3 w-full text-sm">
              <caption className="sr-only">Exam points of {chapter.title}, weakest first</caption>
              <thead>
                <tr className="text-left">
                  <th scope="col" className="py-1 font-medium">Exam point</th>
                  <th scope="col" className="w-1/3 py-1 font-medium">Recall today</th>
                </tr>
              </thead>
              <tbody>
                {chapter.points.map((point) => (
                  <tr key={point.id} className="border-t border-slate-200 dark:border-slate-700">
                    <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                      {point.title} <span className="text-xs text-slate-600 dark:text-slate-400">({point.serviceName}{point.due ? ", due" : ""}{point.practised ? "" : ", not practised"})</span>
                    </th>
                    <td className="py-1.5">
                      <div className="flex items-center gap-2">
                        <Meter value={point.recall} label={point.title} />
                        <span className="w-10 text-right font-mono text-xs" aria-hidden="true">
                          {percent(point.recall)}
                        </span>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ))}
      </section>

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="text-xl font-semibold">
          Recent attempts
        </h2>
        {dashboard.recentAttempts.length ? (
          <table className="mt-2 w-full text-sm" data-testid="recent-attempts">
            <thead>
              <tr className="text-left">
                <th scope="col" className="py-1 font-medium">When</th>
                <th scope="col" className="py-1 font-medium">What</th>
                <th scope="col" className="py-1 font-medium">Score</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.recentAttempts.map((attempt, index) => (
                <tr key={`${attempt.at}-${index}`} className="border-t border-slate-200 dark:border-slate-700">
                  <td className="py-1">{new Date(attempt.at).toLocaleString()}</td>
                  <td className="py-1">
                    {attempt.context.startsWith("/") ? <Link href={attempt.context} className="underline">{attempt.modeName}</Link> : attempt.modeName}
                  </td>
                  <td className="py-1">
                    {attempt.correct} of {attempt.total}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2 text-sm">
            No attempts yet. <Link href="/practice" className="underline">Start practising</Link>.
          </p>
        )}
      </section>
    </div>
  );
}
