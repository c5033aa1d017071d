import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { examIdSchema } from "@/lib/quiz/practice-exam/schemas";
import { ExamRunner } from "@/app/_components/quiz/ExamRunner";

export const metadata: Metadata = { title: "Practice exam", robots: { index: false } };

type Params = { params: Promise<{ id: string }> };

/** The page carries no questions: the runner asks the server for them (without answers). */
export default async function PracticeExamPage({ params }: Params) {
  const id = examIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="mb-4 text-2xl font-bold tracking-tight">Practice exam</h1>
      <ExamRunner id={id.data} />
    </div>
  );
}
