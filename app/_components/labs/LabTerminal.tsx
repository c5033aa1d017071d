"use client";

import { lazy, Suspense } from "react";
import { TerminalSkeleton } from "../terminal/TerminalSkeleton";
import { useLab } from "./lab-context";

const LabWorkspace = lazy(() => import("./LabWorkspace"));

/** The lab's terminal and read-only panes, beside its guide: loaded after the page, once the lab's own sandbox exists. */
export function LabTerminal() {
  const lab = useLab();
  if (!lab?.host) return <TerminalSkeleton label="Loading the lab's sandbox…" />;
  return (
    <Suspense fallback={<TerminalSkeleton label="Loading the lab's sandbox…" />}>
      <LabWorkspace labKey={`lab:${lab.definition.id}`} title={lab.definition.title} host={lab.host} onHandle={lab.setConsole} />
    </Suspense>
  );
}
