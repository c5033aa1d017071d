/**
 * Where the Key lifecycle pane draws a key's timeline: a time scale over the
 * key's simulated life (and what is scheduled ahead), the state bands, the
 * key material versions, and the events as ticks whose labels are stacked in
 * lanes so none overlaps another. Pure geometry in pixels for a given width,
 * so the drawing keeps legible text at any pane width; the page imports it
 * (only the timeline's types come from the engine side).
 */
import type { KeyTimeline } from "./timeline";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Font sizes the drawing uses (px), and a generous average glyph width for the sans-serif labels. */
export const LABEL_SIZE = 12;
export const TICK_LABEL_SIZE = 11;
export const TICK_LABEL_OFFSET = 3;
const GLYPH = 0.62;
const PAD_X = 8;
const LABEL_GAP = 8;

export function labelWidth(text: string, size = LABEL_SIZE): number {
  return Math.ceil(text.length * size * GLYPH);
}

/** The colour family a state is drawn in: AWS's KeyState (the top of the machine's state). */
export type StateTone = "enabled" | "disabled" | "pending-deletion" | "pending-import" | "deleted" | "other";

/** "PendingDeletion.WithKeyMaterial" -> "PendingDeletion", the KeyState AWS reports. */
export function keyStateOf(state: string): string {
  return state.split(".")[0] ?? state;
}

export function stateTone(state: string): StateTone {
  switch (keyStateOf(state)) {
    case "Enabled":
      return "enabled";
    case "Disabled":
      return "disabled";
    case "PendingDeletion":
      return "pending-deletion";
    case "PendingImport":
      return "pending-import";
    case "Deleted":
      return "deleted";
    default:
      return "other";
  }
}

export interface Band {
  x: number;
  width: number;
  state: string;
  tone: StateTone;
  /** Shown inside the band when it fits. */
  label?: string;
}

export interface MaterialBand {
  x: number;
  width: number;
  version: number;
  current: boolean;
  label?: string;
}

export interface EventMark {
  x: number;
  at: number;
  eventName: string;
  lane: number;
  labelX: number;
  anchor: "start" | "end";
  materialVersion?: number;
}

export interface Marker {
  x: number;
  at: number;
  label: string;
  anchor: "start" | "end";
  labelX: number;
  /** The row of labels above the bands it sits in. */
  lane: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  start: number;
  end: number;
  ticks: { x: number; label: string }[];
  bands: Band[];
  /** The current state continued ahead of now, up to the deletion date when one is scheduled. */
  ahead?: Band;
  materials: MaterialBand[];
  events: EventMark[];
  lanes: number;
  now: Marker;
  deletion?: Marker;
  nextRotation?: Marker;
  /** Baselines and tops (px): the date axis, the marker label lanes, the two bands, the first event label lane. */
  rows: { axis: number; markers: number; state: number; stateHeight: number; material: number; materialHeight: number; events: number; lane: number };
}

const LANE = 16;
const STATE_HEIGHT = 30;
const MATERIAL_HEIGHT = 22;

const TICK_STEPS = [HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 60 * DAY, 90 * DAY, 180 * DAY, 365 * DAY];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function tickLabel(at: number, step: number): string {
  const date = new Date(at);
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  if (step < DAY) return `${day} ${String(date.getUTCHours()).padStart(2, "0")}:00`;
  if (step >= 90 * DAY) return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return day;
}

/** Places a label at x, to the right when it fits in the drawing, else to the left. */
function place(x: number, text: string, width: number): { labelX: number; anchor: "start" | "end"; from: number; to: number } {
  const size = labelWidth(text);
  if (x + 3 + size <= width - PAD_X / 2) return { labelX: x + 3, anchor: "start", from: x, to: x + 3 + size };
  return { labelX: x - 3, anchor: "end", from: x - 3 - size, to: x };
}

/** Puts each label in the first lane where it keeps clear of the label before it; answers the lanes used. */
function laneOf(laneEnds: number[], spot: { from: number; to: number }): number {
  let lane = laneEnds.findIndex((endOfLane) => endOfLane + LABEL_GAP <= spot.from);
  if (lane === -1) lane = laneEnds.length;
  laneEnds[lane] = spot.to;
  return lane;
}

/** The drawing of a key's timeline `width` pixels wide. */
export function layoutTimeline(timeline: KeyTimeline, width: number): ChartLayout {
  const start = timeline.segments[0]?.from ?? timeline.createdAt;
  const last = Math.max(timeline.now, timeline.deletionDate ?? 0, timeline.nextRotationAt ?? 0, ...timeline.events.map((event) => event.at));
  const span = Math.max(last - start, DAY);
  // Room after the last moment for its marker's label.
  const end = start + span * 1.08;
  const plot = Math.max(1, width - 2 * PAD_X);
  const x = (at: number) => PAD_X + ((Math.min(Math.max(at, start), end) - start) / (end - start)) * plot;

  const step = TICK_STEPS.find((candidate) => (end - start) / candidate <= Math.max(1, Math.floor(plot / 78))) ?? 365 * DAY;
  const ticks: ChartLayout["ticks"] = [];
  for (let at = Math.ceil(start / step) * step; at <= end; at += step) {
    const label = tickLabel(at, step);
    // A tick's label is drawn to its right (TICK_LABEL_OFFSET, TICK_LABEL_SIZE): a tick too near the end to hold it is left out.
    if (x(at) + TICK_LABEL_OFFSET + labelWidth(label, TICK_LABEL_SIZE) > width) break;
    ticks.push({ x: x(at), label });
  }

  const bandLabel = (from: number, to: number, text: string) => (to - from >= labelWidth(text) + 8 ? { label: text } : {});
  const bands: Band[] = timeline.segments.map((segment) => {
    const from = x(segment.from);
    const to = x(segment.to ?? timeline.now);
    const state = keyStateOf(segment.state);
    return { x: from, width: Math.max(to - from, 2), state: segment.state, tone: stateTone(segment.state), ...bandLabel(from, to, state) };
  });
  let ahead: Band | undefined;
  if (timeline.deletionDate !== undefined && timeline.deletionDate > timeline.now) {
    const from = x(timeline.now);
    const to = x(timeline.deletionDate);
    ahead = { x: from, width: Math.max(to - from, 2), state: timeline.state, tone: stateTone(timeline.state), ...bandLabel(from, to, "waiting period") };
  }

  // Key material exists until now, or until the key was deleted.
  const materialEnd = timeline.state === "Deleted" ? (timeline.segments.at(-1)?.from ?? timeline.now) : timeline.now;
  const materials: MaterialBand[] = timeline.materials.map((material, index) => {
    const from = x(material.createdAt);
    const next = timeline.materials[index + 1];
    const to = x(next ? next.createdAt : materialEnd);
    const text = `v${material.version}${material.current ? " (current)" : ""}`;
    const short = `v${material.version}`;
    const fits = to - from >= labelWidth(text) + 8 ? text : to - from >= labelWidth(short) + 6 ? short : undefined;
    return { x: from, width: Math.max(to - from, 2), version: material.version, current: material.current, ...(fits ? { label: fits } : {}) };
  });

  // Event labels in lanes: each goes in the first lane where it does not touch the label before it.
  const eventLanes: number[] = [];
  const events: EventMark[] = [...timeline.events]
    .sort((a, b) => a.at - b.at)
    .map((event) => {
      const at = x(event.at);
      const text = event.materialVersion === undefined ? event.eventName : `${event.eventName} → v${event.materialVersion}`;
      const spot = place(at, text, width);
      return { x: at, at: event.at, eventName: event.eventName, lane: laneOf(eventLanes, spot), labelX: spot.labelX, anchor: spot.anchor, ...(event.materialVersion === undefined ? {} : { materialVersion: event.materialVersion }) };
    });
  const lanes = Math.max(1, eventLanes.length);

  // Now, the deletion date and the next rotation: labelled above the bands, in lanes of their own.
  const markerLanes: number[] = [];
  const marks = [
    { at: timeline.now, label: "now", kind: "now" as const },
    ...(timeline.deletionDate === undefined ? [] : [{ at: timeline.deletionDate, label: "deletion", kind: "deletion" as const }]),
    ...(timeline.nextRotationAt === undefined ? [] : [{ at: timeline.nextRotationAt, label: "next rotation", kind: "nextRotation" as const }]),
  ]
    .sort((a, b) => a.at - b.at)
    .map((mark) => {
      const spot = place(x(mark.at), mark.label, width);
      return { kind: mark.kind, marker: { x: x(mark.at), at: mark.at, label: mark.label, anchor: spot.anchor, labelX: spot.labelX, lane: laneOf(markerLanes, spot) } satisfies Marker };
    });
  const markerOf = (kind: "now" | "deletion" | "nextRotation") => marks.find((mark) => mark.kind === kind)?.marker;

  const axis = 14;
  const markers = axis + LANE + 2;
  const state = markers + (markerLanes.length - 1) * LANE + 8;
  const material = state + STATE_HEIGHT + 6;
  const eventsRow = material + MATERIAL_HEIGHT + 18;
  return {
    width,
    height: eventsRow + (lanes - 1) * LANE + 8,
    start,
    end,
    ticks,
    bands,
    ...(ahead ? { ahead } : {}),
    materials,
    events,
    lanes,
    now: markerOf("now")!,
    ...(markerOf("deletion") ? { deletion: markerOf("deletion")! } : {}),
    ...(markerOf("nextRotation") ? { nextRotation: markerOf("nextRotation")! } : {}),
    rows: { axis, markers, state, stateHeight: STATE_HEIGHT, material, materialHeight: MATERIAL_HEIGHT, events: eventsRow, lane: LANE },
  };
}
