"use client";

import { lazy, type ComponentType } from "react";
import type { SidePaneId } from "@/lib/workspace/pane-ids";
import { ActivityPane } from "./ActivityPane";
import { ClockPane } from "./ClockPane";
import { ResourcesPane } from "./ResourcesPane";

/**
 * Every pane the workspace can show beside the terminal: one closed list,
 * so a saved layout that names anything else is cleaned up on load. The
 * visualisers load when first shown (they bring diagrams and a layout
 * library the terminal does not need).
 */
const EnvelopePane = lazy(() => import("./EnvelopePane").then((module) => ({ default: module.EnvelopePane })));
const MachinesPane = lazy(() => import("./MachinesPane").then((module) => ({ default: module.MachinesPane })));
const RotationPane = lazy(() => import("./RotationPane").then((module) => ({ default: module.RotationPane })));
const KeyLifecyclePane = lazy(() => import("./KeyLifecyclePane").then((module) => ({ default: module.KeyLifecyclePane })));

export const PANES = {
  resources: { title: "Resources", description: "Keys, secrets and parameters you have made", component: ResourcesPane },
  activity: { title: "Activity", description: "Every call, with why access was denied", component: ActivityPane },
  clock: { title: "Clock", description: "Simulated time and what is scheduled", component: ClockPane },
  envelope: { title: "Envelope encryption", description: "Encrypt your own data with a data key, step by step", component: EnvelopePane },
  machines: { title: "State machines", description: "Where the selected resource stands in its lifecycle", component: MachinesPane },
  rotation: { title: "Secret rotation", description: "A secret rotated step by step, failures and recovery", component: RotationPane },
  "key-lifecycle": { title: "Key lifecycle", description: "A key's states over time, rotations, old ciphertexts", component: KeyLifecyclePane },
} satisfies Record<SidePaneId, { title: string; description: string; component: ComponentType }>;

export type PaneId = keyof typeof PANES | "terminal";

export function isPaneId(value: unknown): value is PaneId {
  return value === "terminal" || (typeof value === "string" && value in PANES);
}

export function paneTitle(id: PaneId): string {
  return id === "terminal" ? "Terminal" : PANES[id].title;
}

export const SIDE_PANES = Object.keys(PANES) as Exclude<PaneId, "terminal">[];
