import Link from "next/link";
import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { BrowserDashboard } from "@/app/_components/dashboard/BrowserDashboard";
import { LabsProgress } from "@/app/_components/labs/LabsProgress";
import { DashboardView } from "@/app/_components/dashboard/DashboardView";
import { TimeZoneCookie } from "@/app/_components/dashboard/TimeZoneCookie";
import { currentUser } from "@/lib/auth/session";
import { loadCourse } from "@/lib/content/course";
import { loadLabs } from "@/lib/labs/catalog";
import { summaryOf } from "@/lib/labs/lab";
import { courseOutline } from "@/lib/progress/course-outline";
import { validTimeZone } from "@/lib/progress/dashboard";
import { dashboardFor } from "@/lib/progress/dashboard-data";

// Rendered per request: the page carries a per-request CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your dashboard", robots: { index: false } };

/** Where the learner stands: computed on the server from the account, or in the browser from what it kept. */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What the sign-in form says it carried over from the browser (numbers only: nothing from the URL is shown as text). */
function mergeNotice(params: Record<string, string | string[] | undefined>) {
  const merged = typeof params.merged === "string" ? /^(\d{1,5})\.(\d{1,5})$/.exec(params.merged) : null;
  if (merged) return `Added to your account from this browser: ${merged[1]} attempt(s) and ${merged[2]} section(s) read.`;
  if (params["merge-failed"] !== undefined) return "Your progress from this browser could not be added to your account just now. It is still in this browser and will be added the next time you sign in here.";
  return null;
}

export default async function DashboardPage({ searchParams }: Props) {
  const user = await currentUser(await headers());
  const notice = mergeNotice(await searchParams);
  const heading = (
    <header>
      <h1 className="text-3xl font-bold tracking-tight">Your dashboard</h1>
      {user ? (
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Progress of {user.name}, kept on your account.{" "}
          <Link href="/classes" className="underline">
            Your classes
          </Link>
          {user.role === "instructor" ? (
            <>
              {" · "}
              <Link href="/instructor/classes" className="underline">
                Classes you teach
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="mt-3 rounded-md bg-emerald-50 p-3 text-sm dark:bg-emerald-950">
          {notice}
        </p>
      ) : null}
    </header>
  );
  const labs = (await loadLabs()).map(summaryOf);
  const labsSection = (
    <section aria-labelledby="labs-heading">
      <h2 id="labs-heading" className="mb-2 text-xl font-semibold">
        Labs
      </h2>
      <LabsProgress labs={labs} />
    </section>
  );
  if (!user) {
    const outline = courseOutline(await loadCourse());
    return (
      <div className="mx-auto max-w-5xl space-y-8">
        {heading}
        <BrowserDashboard outline={outline} />
        {labsSection}
      </div>
    );
  }
  const zone = validTimeZone(decodeURIComponent((await cookies()).get("keystone-tz")?.value ?? ""));
  const dashboard = await dashboardFor(user.id, zone);
  return (
    <div className="mx-auto max-w-5xl space-y-8">
      {heading}
      <TimeZoneCookie serverZone={zone} />
      <DashboardView dashboard={dashboard} where="account" />
      {labsSection}
    </div>
  );
}
