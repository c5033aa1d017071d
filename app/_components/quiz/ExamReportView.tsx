"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { ExamReport } from "@/lib/quiz/practice-exam/grade-exam";
import { examServiceNames, type ExamService } from "@/lib/content/exam-services";
import { emptyResponse } from "@/lib/quiz/presentation";
import { ResponseInput } from "./ResponseInput";
import { recordProgress } from "./record";

function Row({ label, correct, total }: { label: string; correct: number; total: number }) {
  const share = total === 0 ? 0 : correct / total;
  return (
    <tr className="border-t border-slate-200 dark:border-slate-700">
      <th scope="row" className="py-1.5 pr-3 text-left font-normal">
        {label}
      </th>
      <td className="w-1/3 py-1.5">
        <span className="block h-2.5 overflow-hidden rounded bg-slate-200 dark:bg-slate-700" aria-hidden="true">
          <span className={`block h-full ${share >= 0.75 ? "bg-emerald-600" : share >= 0.5 ? "bg-amber-500" : "bg-rose-600"}`} style={{ width: `${Math.round(share * 100)}%` }} />
        </span>
      </td>
      <td className="py-1.5 pl-3 text-right font-mono text-sm">
        {correct}/{total}
      </td>
    </tr>
  );
}

/**
 * The graded exam: the score as AWS counts it (each question right or wrong
 * as a whole), the breakdown by service and by exam point (weakest first),
 * then every question for review with the right answer, each option's reason
 * and the explanation. The answers also go into the learner's memory here.
 */
export function ExamReportView({ examId, report }: { examId: string; report: ExamReport }) {
  const [onlyWrong, setOnlyWrong] = useState(false);
  const [saveNote, setSaveNote] = useState<string | null>(null);
  const percent = Math.round(report.score.fraction * 100);

  useEffect(() => {
    // The exam's id is the attempt's id: recording it again (a reload of the report) changes nothing.
    void recordProgress({
      id: `exam-${examId}`,
      mode: "practice-exam",
      at: new Date().toISOString(),
      context: `/practice/exam/${examId}`,
      items: report.items.map((item) => ({ questionId: item.questionId, examPoints: item.examPoints, correct: item.correct, answered: item.answered, confidence: item.answered ? item.confidence : "unsure" })),
    }).then((outcome) => setSaveNote(outcome.saved ? null : `The result could not be added to your progress: ${outcome.problem}`));
  }, [examId, report]);

  const shown = report.items.filter((item) => !onlyWrong || !item.correct);
  return (
    <div className="space-y-8">
      <section aria-labelledby="score-heading" className="rounded-xl border border-slate-300 p-4 dark:border-slate-600">
        <h2 id="score-heading" className="text-2xl font-bold">
          <span data-testid="exam-score">
            {report.score.correct} of {report.score.total}
          </span>{" "}
          right ({percent}%)
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          {report.score.answered} answered. As in the real exam, a question counts only when all of it is right (no part marks for “choose two”, ordering or matching), and there is no penalty for guessing.
        </p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          AWS reports a scaled score from 100 to 1,000 (720 to pass most associate exams, 750 for the Specialty). The scaling is not public, so this percentage is a guide, not a prediction: aim for a comfortable margin above 75%.
        </p>
        {report.withdrawn.length > 0 ? <p className="mt-2 text-sm">{report.withdrawn.length} question(s) were withdrawn from the course after this exam started and are not counted.</p> : null}
        {saveNote ? <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">{saveNote}</p> : null}
      </section>

      <section aria-labelledby="by-service">
        <h2 id="by-service" className="text-xl font-semibold">
          By service
        </h2>
        <table className="mt-2 w-full text-sm">
          <tbody>
            {report.byService.map((entry) => (
              <Row key={entry.key} label={examServiceNames[entry.key as ExamService] ?? entry.key} correct={entry.correct} total={entry.total} />
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="by-point">
        <h2 id="by-point" className="text-xl font-semibold">
          By exam point, weakest first
        </h2>
        <table className="mt-2 w-full text-sm">
          <tbody>
            {report.byExamPoint.map((entry) => (
              <Row key={entry.key} label={entry.key} correct={entry.correct} total={entry.total} />
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="review">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="review" className="text-xl font-semibold">
            Review
          </h2>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={onlyWrong} onChange={(event) => setOnlyWrong(event.target.checked)} />
            Only the questions I got wrong
          </label>
        </div>
        <ol className="mt-3 space-y-6">
          {shown.map((item) => (
            <li key={item.questionId} className="rounded-xl border border-slate-300 p-4 dark:border-slate-600" data-question-id={item.questionId} data-correct={item.correct}>
              <p className={`text-sm font-semibold ${item.correct ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}>
                Question {report.items.indexOf(item) + 1}: {item.correct ? "right" : item.answered ? "wrong" : "not answered"}
                {item.answered && item.confidence === "unsure" ? " (you were guessing)" : ""}
              </p>
              <p className="mt-1 font-medium">{item.view.question}</p>
              <ResponseInput view={item.view} value={item.response ?? emptyResponse(item.view)} review={{ correctResponse: item.correctResponse, reasons: item.reasons }} />
              <p className="mt-3 rounded-lg bg-slate-50 px-3 py-2 dark:bg-slate-800">{item.explanation}</p>
              <p className="mt-2 text-sm">
                Taught in{" "}
                <Link href={item.section.href} className="underline underline-offset-2">
                  {item.section.title}
                </Link>
              </p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
