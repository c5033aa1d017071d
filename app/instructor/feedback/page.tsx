import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ResolveReportButton } from "@/app/_components/account/ResolveReportButton";
import { currentUser } from "@/lib/auth/session";
import { feedbackKindLabels, feedbackKinds } from "@/lib/feedback/form";
import { listFeedback } from "@/lib/feedback/store";

// Rendered per request: the page carries a per-request CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Learners' reports", robots: { index: false } };

type Props = { searchParams: Promise<{ all?: string }> };

/** The reports learners sent from the pages, for instructors: open ones, or all with ?all=1. */
export default async function FeedbackReportsPage({ searchParams }: Props) {
  const user = await currentUser(await headers());
  if (!user) redirect("/sign-in?next=/instructor/feedback");
  if (user.role !== "instructor") notFound();
  const all = (await searchParams).all === "1";
  const reports = await listFeedback({ resolved: all });
  const kindLabel = (kind: string) => ((feedbackKinds as readonly string[]).includes(kind) ? feedbackKindLabels[kind as (typeof feedbackKinds)[number]] : kind);
  return (
    <div className="mx-auto max-w-5xl space-y-6 py-4">
      <h1 className="text-3xl font-bold">Learners&apos; reports</h1>
      <p>
        {reports.length} {all ? "report(s) in all" : "open report(s)"}.{" "}
        <Link href={all ? "/instructor/feedback" : "/instructor/feedback?all=1"} className="underline">
          {all ? "Show only open ones" : "Show dealt-with ones too"}
        </Link>
      </p>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left">
            <th scope="col" className="py-2 font-medium">Sent</th>
            <th scope="col" className="py-2 font-medium">Page</th>
            <th scope="col" className="py-2 font-medium">Kind</th>
            <th scope="col" className="py-2 font-medium">Report</th>
            <th scope="col" className="py-2 font-medium">
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.id} className="border-t border-slate-200 align-top dark:border-slate-700">
              <td className="py-2 pr-2 whitespace-nowrap">{report.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              <td className="py-2 pr-2">
                <Link href={report.pagePath} className="underline">
                  {report.pagePath}
                </Link>
              </td>
              <td className="py-2 pr-2">{kindLabel(report.kind)}</td>
              <td className="py-2 pr-2 whitespace-pre-wrap break-words">{report.message}</td>
              <td className="py-2">
                <ResolveReportButton id={report.id} resolved={report.resolvedAt !== null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
