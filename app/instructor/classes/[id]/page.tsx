import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ClassDashboardView } from "@/app/_components/classes/ClassDashboardView";
import { currentUser } from "@/lib/auth/session";
import { classDashboard } from "@/lib/classes/class-dashboard-data";
import { idSchema } from "@/lib/classes/schemas";
import { loadCourse } from "@/lib/content/course";
import { loadLabs } from "@/lib/labs/catalog";

// Rendered per request: the page carries a per-request CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Class dashboard", robots: { index: false } };

/** A class's live dashboard for its instructor. */
export default async function ClassDashboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser(await headers());
  if (!user) redirect(`/sign-in?next=/instructor/classes/${encodeURIComponent(id)}`);
  if (user.role !== "instructor" || !idSchema.safeParse(id).success) notFound();
  const dashboard = await classDashboard(id, user.id);
  if (!dashboard) notFound();
  const [labs, course] = await Promise.all([loadLabs(), loadCourse()]);
  return (
    <div className="space-y-4 py-4">
      <p className="text-sm">
        <Link href="/instructor/classes" className="underline">
          Classes you teach
        </Link>
      </p>
      <ClassDashboardView
        initial={dashboard}
        labs={labs.map((lab) => ({ id: lab.id, title: lab.title }))}
        chapters={course.chapters.map((chapter) => ({ slug: chapter.slug, title: chapter.title }))}
      />
    </div>
  );
}
