"use client";

import { lazy, Suspense } from "react";
import type { StateMachineDiagramProps } from "../diagrams/StateMachineDiagram";
import { Empty } from "./ui";

// The diagram brings dagre and the machines' definitions: loaded when a pane first draws one, not with the workspace.
const StateMachineDiagram = lazy(() => import("../diagrams/StateMachineDiagram").then((module) => ({ default: module.StateMachineDiagram })));

/** An engine machine drawn in a pane, loaded on first use. */
export function LazyMachineDiagram(props: StateMachineDiagramProps) {
  return (
    <Suspense fallback={<Empty>Drawing the state diagram…</Empty>}>
      <StateMachineDiagram {...props} />
    </Suspense>
  );
}
