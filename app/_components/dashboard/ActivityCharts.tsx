"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Dashboard } from "@/lib/progress/dashboard";

const shortDay = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * Answers per day (right and wrong stacked) and the share right over the
 * last seven days, for the last 30 days. The charts are pictures for sighted
 * readers, hidden from screen readers (recharts' keyboard layer is off), and
 * the table next to them (DashboardView) says the same in text.
 */
export default function ActivityCharts({ days }: { days: Dashboard["days"] }) {
  const rows = days.map((day, index) => {
    const week = days.slice(Math.max(0, index - 6), index + 1);
    const answered = week.reduce((sum, entry) => sum + entry.answered, 0);
    const correct = week.reduce((sum, entry) => sum + entry.correct, 0);
    return { label: shortDay(day.day), right: day.correct, wrong: day.answered - day.correct, accuracy: answered ? Math.round((correct / answered) * 100) : null };
  });
  return (
    <div className="grid gap-6 md:grid-cols-2" aria-hidden="true">
      <figure className="h-64">
        <figcaption className="mb-2 text-sm font-medium">Answers per day</figcaption>
        <ResponsiveContainer width="100%" height="90%">
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={6} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="right" name="Right" stackId="answers" fill="#059669" isAnimationActive={false} />
            <Bar dataKey="wrong" name="Wrong" stackId="answers" fill="#e11d48" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="h-64">
        <figcaption className="mb-2 text-sm font-medium">Share right over the last 7 days (%)</figcaption>
        <ResponsiveContainer width="100%" height="90%">
          <LineChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={6} />
            <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Line type="monotone" dataKey="accuracy" name="Right (%)" stroke="#4f46e5" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
