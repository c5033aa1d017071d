"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { AssignmentStatus, ClassDashboard } from "@/lib/classes/class-dashboard";
import type { ClassItem } from "@/lib/classes/class-items-data";
import { formatJoinCode } from "@/lib/classes/join-code";
import { postJson } from "../account/account-client";
import { Badge, buttonClass, type Tone } from "../workspace/ui";

/** How often the dashboard asks the server again while the tab is visible. */
const REFRESH_MS = 5_000;

const field = "rounded-md border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-500 dark:bg-slate-900";
const statusTone: Record<AssignmentStatus, Tone> = { done: "green", late: "amber", overdue: "red", open: "grey" };
const when = (iso: string) => iso.slice(0, 16).replace("T", " ") + " UTC";
const minutesSince = (iso: string, now: string) => Math.max(0, Math.round((Date.parse(now) - Date.parse(iso)) / 60_000));

interface Activity {
  student: { name: string; email: string };
  labs: { labId: string; stepsDone: number; solutionsShown: number; completedAt: string | null; lastActivityAt: string | null; resets: number; commands: string[] }[];
}

async function send(url: string, method: string, body?: unknown): Promise<void> {
  await postJson(url, body ?? {}, method);
}

/**
 * An instructor's live view of a class: who is where (and who is stuck),
 * each assignment's status per student against their own due date, share
 * right per exam point, the item analysis on request; assigning, extending, archiving,
 * a student's commands read-only and resetting their lab. It asks the
 * server again every few seconds while visible, so nobody reloads.
 */
export function ClassDashboardView({ initial, labs, chapters }: { initial: ClassDashboard; labs: { id: string; title: string }[]; chapters: { slug: string; title: string }[] }) {
  const [dashboard, setDashboard] = useState(initial);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | undefined>();
  const [activity, setActivity] = useState<{ userId: string; data: Activity } | undefined>();
  const [extending, setExtending] = useState<{ assignmentId: string; title: string; studentId: string; name: string } | undefined>();
  const [origin, setOrigin] = useState("");
  const ids = { item: useId(), due: useId() };
  const classId = dashboard.class.id;
  const archived = dashboard.class.archivedAt !== null;

  const refresh = useCallback(async () => {
    const response = await fetch(`/api/classes/${classId}/dashboard`, { cache: "no-store", credentials: "same-origin" }).catch(() => undefined);
    if (response?.ok) setDashboard((await response.json()) as ClassDashboard);
  }, [classId]);

  useEffect(() => {
    setOrigin(window.location.origin);
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const act = async (work: () => Promise<void>, done: string) => {
    try {
      await work();
      setMessage({ kind: "ok", text: done });
      await refresh();
    } catch (error) {
      setMessage({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    }
  };

  const assign = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [kind, itemId] = String(form.get("item")).split(":") as ["lab" | "quiz", string];
    const due = String(form.get("due"));
    void act(() => send(`/api/classes/${classId}/assignments`, "POST", { kind, itemId, dueAt: new Date(due).toISOString() }), "Assigned.");
  };

  /** A student's labs and commands, read again after a reset. */
  const loadActivity = async (userId: string) => {
    const response = await fetch(`/api/classes/${classId}/students/${userId}`, { cache: "no-store" });
    if (response.ok) setActivity({ userId, data: (await response.json()) as Activity });
  };

  const joinLink = `${origin}/classes?join=${dashboard.class.joinCode}`;
  const labTitle = (id: string) => labs.find((lab) => lab.id === id)?.title ?? id;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">
          {dashboard.class.name}
          {archived ? <span className="ml-3 align-middle text-base font-normal text-slate-600 dark:text-slate-400">(archived)</span> : null}
        </h1>
        <p>
          Join code <strong className="font-mono text-lg" data-testid="join-code">{formatJoinCode(dashboard.class.joinCode)}</strong>
          {origin ? (
            <>
              {" "}
              · join link <code className="break-all">{joinLink}</code>{" "}
              <button type="button" className={buttonClass} onClick={() => void navigator.clipboard?.writeText(joinLink).then(() => setMessage({ kind: "ok", text: "Join link copied." }))}>
                Copy
              </button>
            </>
          ) : null}
        </p>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span role="status" aria-live="polite" data-testid="dashboard-updated">
            Live: updated {when(dashboard.generatedAt)} · {dashboard.students.length} student{dashboard.students.length === 1 ? "" : "s"} ·{" "}
            <strong>{dashboard.stuck} stuck</strong> (no step done for {dashboard.class.stuckMinutes} min)
          </span>
          <a href={`/api/classes/${classId}/export`} className={buttonClass}>
            Export CSV
          </a>
          {!archived ? (
            <button type="button" className={buttonClass} onClick={() => window.confirm("Archive this class? Students can no longer join it and nothing more can be assigned; its results stay.") && void act(() => send(`/api/classes/${classId}`, "PATCH", { archived: true }), "The class is archived.")}>
              Archive class
            </button>
          ) : null}
        </div>
        <p role="status" aria-live="polite" className={`min-h-5 text-sm ${message?.kind === "error" ? "text-rose-700 dark:text-rose-300" : "text-emerald-800 dark:text-emerald-300"}`}>
          {message?.text ?? ""}
        </p>
      </header>

      <section aria-labelledby="assignments">
        <h2 id="assignments" className="text-xl font-semibold">
          Assignments
        </h2>
        {dashboard.assignments.length === 0 ? <p className="mt-2">Nothing assigned yet.</p> : null}
        <ul className="mt-2 space-y-1">
          {dashboard.assignments.map((assignment) => (
            <li key={assignment.id}>
              {assignment.title}: due {when(assignment.dueAt)} · {assignment.done} of {dashboard.students.length} done
            </li>
          ))}
        </ul>
        {!archived ? (
          <form onSubmit={assign} className="mt-3 flex flex-wrap items-end gap-3">
            {/* The options are long (a chapter's title): on a phone the picker takes the width it has, no more. */}
            <div className="min-w-0 max-w-full">
              <label htmlFor={ids.item} className="block text-sm font-medium">
                Lab or quiz
              </label>
              <select id={ids.item} name="item" className={`${field} max-w-full`} required>
                {labs.map((lab) => (
                  <option key={lab.id} value={`lab:${lab.id}`}>
                    Lab: {lab.title}
                  </option>
                ))}
                {chapters.map((chapter) => (
                  <option key={chapter.slug} value={`quiz:${chapter.slug}`}>
                    Chapter quiz: {chapter.title}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={ids.due} className="block text-sm font-medium">
                Due (your time)
              </label>
              <input id={ids.due} name="due" type="datetime-local" required className={field} />
            </div>
            <button type="submit" className={buttonClass}>
              Assign
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="students">
        <h2 id="students" className="text-xl font-semibold">
          Students
        </h2>
        {dashboard.students.length === 0 ? <p className="mt-2">Nobody has joined yet: give your students the code or the link above.</p> : null}
        {dashboard.students.length > 0 ? (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-sm" data-testid="students">
              <thead>
                <tr className="text-left">
                  <th scope="col" className="py-2 pr-3">Student</th>
                  <th scope="col" className="py-2 pr-3">Now</th>
                  {dashboard.assignments.map((assignment) => (
                    <th key={assignment.id} scope="col" className="py-2 pr-3">
                      {assignment.title}
                    </th>
                  ))}
                  <th scope="col" className="py-2">
                    <span className="sr-only">Activity</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {dashboard.students.map((student) => (
                  <tr key={student.id} data-student={student.email} className="border-t border-slate-200 align-top dark:border-slate-700">
                    <th scope="row" className="py-2 pr-3 text-left font-normal">
                      {student.name}
                      <span className="block text-xs text-slate-600 dark:text-slate-400">{student.email}</span>
                    </th>
                    <td className="py-2 pr-3" data-testid="now">
                      {student.current ? (
                        <>
                          {student.current.labTitle}: step {student.current.step} of {student.current.steps}
                          <span className="block text-xs">{student.current.stepTitle}</span>
                          {student.current.stuck ? (
                            <span className="mt-1 block">
                              <Badge tone="red">stuck {minutesSince(student.current.since, dashboard.generatedAt)} min</Badge>
                            </span>
                          ) : null}
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                    {dashboard.assignments.map((assignment) => {
                      const cell = student.assignments[assignment.id]!;
                      return (
                        <td key={assignment.id} className="py-2 pr-3" data-assignment={assignment.itemId}>
                          <Badge tone={statusTone[cell.status]}>{cell.status}</Badge>
                          <span className="block text-xs">{cell.detail}</span>
                          {cell.extended ? <span className="block text-xs">extended to {when(cell.dueAt)}</span> : null}
                          {!archived ? (
                            <button type="button" className="block text-xs underline" onClick={() => setExtending({ assignmentId: assignment.id, title: assignment.title, studentId: student.id, name: student.name })}>
                              Extend<span className="sr-only"> {assignment.title} for {student.name}</span>
                            </button>
                          ) : null}
                        </td>
                      );
                    })}
                    <td className="py-2">
                      <button type="button" className={buttonClass} onClick={() => void loadActivity(student.id)}>
                        Activity
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      {activity ? (
        <section aria-labelledby="activity" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
          <h2 id="activity" className="text-xl font-semibold">
            {activity.data.student.name}: lab activity (read-only)
          </h2>
          {activity.data.labs.length === 0 ? <p className="mt-2">No lab started.</p> : null}
          {activity.data.labs.map((lab) => (
            <div key={lab.labId} className="mt-3">
              <h3 className="font-semibold">
                {labTitle(lab.labId)}: {lab.stepsDone} steps done{lab.completedAt ? " (complete)" : ""}
                {lab.solutionsShown ? `, ${lab.solutionsShown} solution(s) shown` : ""}
              </h3>
              <p className="text-xs text-slate-600 dark:text-slate-400">{lab.lastActivityAt ? `Last command sent ${when(lab.lastActivityAt)}` : ""}</p>
              <ol className="mt-1 max-h-64 list-decimal overflow-y-auto pl-8 font-mono text-xs" aria-label={`Commands run in ${labTitle(lab.labId)}`}>
                {lab.commands.map((command, index) => (
                  <li key={index} className="whitespace-pre-wrap break-all">
                    {command}
                  </li>
                ))}
              </ol>
              <button
                type="button"
                className={`${buttonClass} mt-2`}
                onClick={() =>
                  window.confirm(`Reset ${labTitle(lab.labId)} for ${activity.data.student.name}? Their steps are unticked and their lab's sandbox starts again when they next open it.`) &&
                  void act(async () => {
                    await send(`/api/classes/${classId}/students/${activity.userId}/labs/${lab.labId}/reset`, "POST");
                    await loadActivity(activity.userId);
                  }, `The lab was reset for ${activity.data.student.name}.`)
                }
              >
                Reset this lab
              </button>
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="points">
        <h2 id="points" className="text-xl font-semibold">
          Share right per exam point
        </h2>
        {dashboard.examPoints.length === 0 ? (
          <p className="mt-2">No answers yet.</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="text-xs">
              <thead>
                <tr>
                  <th scope="col" className="py-1 pr-3 text-left">Student</th>
                  {dashboard.examPoints.map((point) => (
                    <th key={point.id} scope="col" className="px-1 py-1 text-left font-medium" title={point.title}>
                      {point.id}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {dashboard.students.map((student) => (
                  <tr key={student.id} className="border-t border-slate-200 dark:border-slate-700">
                    <th scope="row" className="py-1 pr-3 text-left font-normal">
                      {student.name}
                    </th>
                    {dashboard.examPoints.map((point) => {
                      const tally = student.examPoints[point.id];
                      const share = tally ? tally.right / tally.answered : undefined;
                      return (
                        <td key={point.id} className={`px-1 py-1 text-center ${share === undefined ? "" : share >= 0.8 ? "bg-emerald-100 dark:bg-emerald-900/40" : share >= 0.5 ? "bg-amber-100 dark:bg-amber-900/40" : "bg-rose-100 dark:bg-rose-900/40"}`}>
                          {tally ? `${Math.round(share! * 100)}% (${tally.answered})` : "–"}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ItemAnalysis classId={classId} />
      <ExtendDialog
        target={extending}
        onClose={() => setExtending(undefined)}
        onExtend={(dueAt) => (extending ? act(() => send(`/api/classes/${classId}/assignments/${extending.assignmentId}/extensions/${extending.studentId}`, "PUT", { dueAt }), `Extended for ${extending.name}.`) : Promise.resolve())}
      />
    </div>
  );
}

/** A later due date for one student: one dialog for the whole table. */
function ExtendDialog({ target, onClose, onExtend }: { target: { title: string; name: string } | undefined; onClose(): void; onExtend(dueAt: string): Promise<void> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    if (target && !dialog.current?.open) dialog.current?.showModal();
    if (!target && dialog.current?.open) dialog.current.close();
  }, [target]);
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby={`${id}-title`} className="rounded-lg p-4 backdrop:bg-black/40 dark:bg-slate-900 dark:text-slate-100">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Extend {target?.title} for {target?.name}
      </h2>
      <form
        className="mt-3 flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const value = String(new FormData(event.currentTarget).get("due"));
          void onExtend(new Date(value).toISOString()).then(onClose);
        }}
      >
        <div>
          <label htmlFor={id} className="block text-sm font-medium">
            New due date (your time)
          </label>
          <input id={id} name="due" type="datetime-local" required className={field} />
        </div>
        <button type="submit" className={buttonClass}>
          Save
        </button>
        <button type="button" className={buttonClass} onClick={onClose}>
          Cancel
        </button>
      </form>
    </dialog>
  );
}

/** The item analysis, read when asked for (it reads every first answer of the class). */
function ItemAnalysis({ classId }: { classId: string }) {
  const [items, setItems] = useState<ClassItem[] | undefined>();
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const load = async () => {
    setState("loading");
    const response = await fetch(`/api/classes/${classId}/items`, { cache: "no-store" }).catch(() => undefined);
    if (!response?.ok) return setState("error");
    setItems(((await response.json()) as { items: ClassItem[] }).items);
    setState("idle");
  };
  return (
    <section aria-labelledby="items">
      <h2 id="items" className="text-xl font-semibold">
        Item analysis
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-700 dark:text-slate-300">
        From each student&apos;s first answer to each question. Facility is the share who got it right; discrimination is the correlation
        between getting it right and doing well on the other questions (shown from 5 students). Below 0.2, the question does not separate
        students who know the material from those who do not: read it again.
      </p>
      <button type="button" className={`${buttonClass} mt-2`} onClick={() => void load()} disabled={state === "loading"}>
        {items ? "Compute again" : "Compute the item analysis"}
      </button>
      <span role="status" aria-live="polite" className="ml-2 text-sm">
        {state === "loading" ? "Reading the class's answers…" : state === "error" ? "The analysis could not be read; try again." : ""}
      </span>
      {items && items.length === 0 ? <p className="mt-2">No answers yet.</p> : null}
      {items && items.length > 0 ? (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-sm" data-testid="items">
            <thead>
              <tr className="text-left">
                <th scope="col" className="py-1 pr-3">Question</th>
                <th scope="col" className="py-1 pr-3">Students</th>
                <th scope="col" className="py-1 pr-3">Facility</th>
                <th scope="col" className="py-1">Discrimination</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.questionId} className="border-t border-slate-200 align-top dark:border-slate-700">
                  <td className="py-1 pr-3">
                    {item.text.length > 140 ? `${item.text.slice(0, 140)}…` : item.text}
                    <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">{item.questionId}</span>
                  </td>
                  <td className="py-1 pr-3">{item.students}</td>
                  <td className="py-1 pr-3">{Math.round(item.facility * 100)}%</td>
                  <td className="py-1">{item.discrimination === null ? "–" : `${item.discrimination.toFixed(2)}${item.discrimination < 0.2 ? " (review)" : ""}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
