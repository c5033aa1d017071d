import Link from "next/link";
import { Children, isValidElement, type ReactNode } from "react";
import { courseForRequest } from "@/app/_components/mdx/course";
import { mdxComponentSpecs, type MdxComponentProps } from "@/lib/content/registry";
import { FoldedQuestions } from "../quiz/FoldedQuestions";
import { PracticeQuestion } from "../quiz/PracticeQuestion";
import { SandboxTaskCard } from "../quiz/SandboxTaskCard";

async function ChecksLine({ examPoints }: { examPoints: readonly string[] }) {
  const course = await courseForRequest();
  const titles = examPoints.map((id) => ({ id, title: course.examPoints.find((point) => point.id === id)?.title ?? id }));
  return (
    <p className="-mt-6 mb-8 px-1 text-xs text-slate-600 dark:text-slate-400">
      Checks:{" "}
      {titles.map((point, index) => (
        <span key={point.id}>
          {index > 0 ? ", " : ""}
          <Link href={`/exam-points#${point.id}`} className="underline underline-offset-2 hover:no-underline">
            {point.title}
          </Link>
        </span>
      ))}
    </p>
  );
}

/** A question of the section (any type) with the exam points it checks listed under it. */
export async function QuizBlock(props: MdxComponentProps<"Quiz">) {
  // MDX passes the props as written; the schema fills in the defaults (a question's type is single choice unless it says otherwise).
  const question = mdxComponentSpecs.Quiz.props.parse(props);
  return (
    <div className="quiz-block">
      <PracticeQuestion question={question} mode="section-check" />
      <ChecksLine examPoints={question.examPoints} />
    </div>
  );
}

/** A job to do in the sandbox, checked by the state it leaves. */
export async function SandboxTaskBlock(props: MdxComponentProps<"SandboxTask">) {
  const task = mdxComponentSpecs.SandboxTask.props.parse(props);
  const { solution: _solution, ...shown } = task;
  return (
    <div className="quiz-block">
      <SandboxTaskCard task={shown} />
      <ChecksLine examPoints={task.examPoints} />
    </div>
  );
}

/**
 * Further questions on the section, folded so that they do not get in the way
 * of reading. The page carries only their ids: they load when the set is opened.
 */
export function QuestionSet({ title, children }: MdxComponentProps<"QuestionSet"> & { children?: ReactNode }) {
  // The content check allows only <Quiz> children, so every child's props hold a question id.
  const ids = Children.toArray(children).flatMap((child) => (isValidElement<{ id?: unknown }>(child) && typeof child.props.id === "string" ? [child.props.id] : []));
  return (
    <details className="question-set not-prose my-8 rounded-xl border border-slate-300 px-4 py-2 dark:border-slate-600">
      <summary className="cursor-pointer py-1 font-semibold text-brand-700 dark:text-brand-300">
        {title} <span className="font-normal text-slate-600 dark:text-slate-300">({ids.length} questions)</span>
      </summary>
      <FoldedQuestions ids={ids} />
    </details>
  );
}
