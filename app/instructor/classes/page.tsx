import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CreateClassForm } from "@/app/_components/classes/CreateClassForm";
import { currentUser } from "@/lib/auth/session";
import { classesTaught } from "@/lib/classes/classes";
import { formatJoinCode } from "@/lib/classes/join-code";

// Rendered per request: the page carries a per-request CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your classes (instructor)", robots: { index: false } };

/** An instructor's classes, and a new one. */
export default async function InstructorClassesPage() {
  const user = await currentUser(await headers());
  if (!user) redirect("/sign-in?next=/instructor/classes");
  if (user.role !== "instructor") notFound();
  const classes = await classesTaught(user.id);
  return (
    <div className="mx-auto max-w-4xl space-y-6 py-4">
      <h1 className="text-3xl font-bold">Classes you teach</h1>
      <section aria-labelledby="new-class" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        <h2 id="new-class" className="mb-3 text-lg font-semibold">
          New class
        </h2>
        <CreateClassForm />
      </section>
      {classes.length === 0 ? (
        <p>No classes yet.</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-2">Class</th>
              <th scope="col" className="py-2">Join code</th>
              <th scope="col" className="py-2">Students</th>
              <th scope="col" className="py-2">Created</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((taught) => (
              <tr key={taught.id} className="border-t border-slate-200 dark:border-slate-700">
                <td className="py-2">
                  <Link href={`/instructor/classes/${taught.id}`} className="underline">
                    {taught.name}
                  </Link>
                  {taught.archivedAt ? <span className="ml-2 text-slate-600 dark:text-slate-400">(archived)</span> : null}
                </td>
                <td className="py-2 font-mono">{formatJoinCode(taught.joinCode)}</td>
                <td className="py-2">{taught.students}</td>
                <td className="py-2">{taught.createdAt.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
