"use client";

import { lazy, Suspense } from "react";
import { TerminalSkeleton } from "../terminal/TerminalSkeleton";
import { useLab } from "./lab-context";

const SandboxConsole = lazy(() => import("../terminal/SandboxConsole").then((module) => ({ default: module.SandboxConsole })));

/** The lab's terminal, beside its guide: loaded after the page, once the lab's own sandbox exists. */
export function LabTerminal() {
  const lab = useLab();
  if (!lab?.host) return <TerminalSkeleton label="Loading the lab's sandbox…" />;
  return (
    <Suspense fallback={<TerminalSkeleton label="Loading the lab's sandbox…" />}>
      <SandboxConsole scenario={`lab:${lab.definition.id}`} title={`Lab sandbox · ${lab.definition.title}`} autoFocus onHandle={lab.setConsole} />
    </Suspense>
  );
}
