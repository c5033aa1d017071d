/**
 * The class dashboard as CSV (RFC 4180, by csv-stringify), one row per
 * student: who, where they are, each assignment's status and detail, and
 * their share right per exam point. Cells that a spreadsheet would run as a
 * formula (starting with =, +, - or @) are quoted with a leading apostrophe.
 */
import { stringify } from "csv-stringify/sync";
import type { ClassDashboard } from "./class-dashboard";

function cell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function dashboardCsv(dashboard: ClassDashboard): string {
  const header = [
    "Student",
    "Email",
    "Joined",
    "Last lab activity",
    "Current lab",
    "Current step",
    "Stuck",
    ...dashboard.assignments.flatMap((assignment) => [`${assignment.title} (due ${assignment.dueAt.slice(0, 10)})`, `${assignment.title}: detail`]),
    ...dashboard.examPoints.map((point) => `${point.id} % right`),
  ];
  const rows = dashboard.students.map((student) => [
    student.name,
    student.email,
    student.joinedAt,
    student.lastActivityAt ?? "",
    student.current?.labTitle ?? "",
    student.current ? `${student.current.step} of ${student.current.steps}` : "",
    student.current?.stuck ? "yes" : "no",
    ...dashboard.assignments.flatMap((assignment) => {
      const status = student.assignments[assignment.id]!;
      return [status.status + (status.extended ? ` (extended to ${status.dueAt.slice(0, 10)})` : ""), status.detail];
    }),
    ...dashboard.examPoints.map((point) => {
      const tally = student.examPoints[point.id];
      return tally ? String(Math.round((tally.right / tally.answered) * 100)) : "";
    }),
  ]);
  return stringify([header, ...rows].map((row) => row.map(cell)), { record_delimiter: "\r\n" });
}
