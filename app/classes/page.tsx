import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { JoinClassForm } from "@/app/_components/classes/JoinClassForm";
import { currentUser } from "@/lib/auth/session";
import { classesJoined } from "@/lib/classes/classes";
import { loadCourse } from "@/lib/content/course";
import { loadLabs } from "@/lib/labs/catalog";

// Rendered per request: the page carries a per-request CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your classes", robots: { index: false } };

type Props = { searchParams: Promise<{ join?: string }> };

const when = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** A student's classes: what each assigns and by when (their own date when extended), and joining one by its code. */
export default async function ClassesPage({ searchParams }: Props) {
  const code = (await searchParams).join ?? "";
  const user = await currentUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/classes${code ? `?join=${code}` : ""}`)}`);
  const [joined, labs, course] = await Promise.all([classesJoined(user.id), loadLabs(), loadCourse()]);
  const title = (kind: string, itemId: string) =>
    kind === "lab" ? { text: labs.find((lab) => lab.id === itemId)?.title ?? itemId, href: `/labs/${itemId}` } : { text: `Chapter quiz: ${course.chapters.find((chapter) => chapter.slug === itemId)?.title ?? itemId}`, href: `/chapters/${itemId}/quiz` };
  return (
    <div className="mx-auto max-w-3xl space-y-6 py-4">
      <h1 className="text-3xl font-bold">Your classes</h1>
      {user.role === "instructor" ? (
        <p>
          <Link href="/instructor/classes" className="underline">
            The classes you teach
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="join" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        <h2 id="join" className="text-lg font-semibold">
          Join a class
        </h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Your instructor gives you a code of 8 letters and digits, or a link that fills it in.</p>
        <JoinClassForm initialCode={code} />
      </section>
      {joined.length === 0 ? <p>You have not joined a class yet.</p> : null}
      {joined.map((joinedClass) => (
        <section key={joinedClass.id} aria-label={joinedClass.name} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
          <h2 className="text-xl font-semibold">{joinedClass.name}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Taught by {joinedClass.instructor}
            {joinedClass.archivedAt ? " · archived" : ""}
          </p>
          {joinedClass.assignments.length === 0 ? (
            <p className="mt-2">Nothing assigned yet.</p>
          ) : (
            <ul className="mt-2 space-y-1">
              {joinedClass.assignments.map((assignment) => {
                const item = title(assignment.kind, assignment.itemId);
                return (
                  <li key={assignment.id}>
                    <Link href={item.href} className="underline">
                      {item.text}
                    </Link>{" "}
                    <span className="text-sm text-slate-600 dark:text-slate-400">
                      due {when(assignment.dueAt)}
                      {assignment.extended ? " (your extension)" : ""}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
