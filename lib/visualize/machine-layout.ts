import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from "@dagrejs/dagre";
import type { GraphState, MachineGraph } from "./machine-graph";

/**
 * Places a machine graph on a plane with dagre (top to bottom): a box per
 * state sized to its text, nested states inside their parent's box, edges as
 * smooth paths with an arrowhead and a label listing their events. The
 * result is plain numbers and strings, drawn by any renderer (the React SVG
 * component on the server or in the browser).
 *
 * Text is set in the monospace font at the sizes below, so widths are
 * computed from character counts without measuring in a browser.
 */

export const TITLE_SIZE = 14;
export const TEXT_SIZE = 13;
/** Advance of a monospace character, in em (DejaVu/Liberation Mono 0.60, SF Mono 0.60, Consolas 0.55) with a margin. */
const CHAR_EM = 0.62;
const LINE = 17;
const PAD_X = 12;
const PAD_Y = 9;
const MIN_NODE_WIDTH = 96;
const ARROW_LENGTH = 9;
const ARROW_HALF_WIDTH = 4.5;
const START_RADIUS = 6;
const MARGIN = 4;
/** Half the height of a cluster's title on its border (the renderer draws a 20 px pill). */
export const LEGEND_HALF_HEIGHT = 11;

export interface LayoutInput {
  graph: MachineGraph;
  /** Titles only: no facts and no accepted events in the boxes (for small panels). */
  compact: boolean;
  /** The text of one event on an edge or in a box. */
  eventLabel: (ref: GraphState["accepts"][number]) => string;
  /** The facts drawn under a state's title, already worded ("KeyState: Enabled"). */
  factLines: (state: GraphState) => string[];
  /** Where resources come into being: the initial state, and any other, with what creates them. */
  starts: readonly { state: string; label?: string | undefined }[];
}

export interface LaidOutState {
  id: string;
  /** Top-left corner and size. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** A box drawn around nested states, its title at the top. */
  cluster: boolean;
  final: boolean;
  title: string;
  /** Where the title's centre is, from the box's top-left corner (a cluster's at its top left). */
  titleX: number;
  titleY: number;
  facts: string[];
  /** The events the state handles without leaving it, one list item per event, wrapped. */
  accepts: AcceptLine[];
}

/** A line of a box's "accepts" list: the first line of an item, or the continuation of a wrapped one. */
export interface AcceptLine {
  text: string;
  continued: boolean;
}

export interface LaidOutLabel {
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** One event per item: several events on one edge are listed, each wrapped under its bullet. */
  lines: AcceptLine[];
  listed: boolean;
}

export interface LaidOutEdge {
  /** The graph transition's id, or `start:<state>` for the arrow that creates a resource. */
  id: string;
  from: string | null;
  to: string;
  /** SVG path data, ending where the arrowhead starts. */
  path: string;
  /** SVG polygon points of the arrowhead. */
  arrow: string;
  label: LaidOutLabel | null;
}

export interface LaidOutStart {
  state: string;
  x: number;
  y: number;
  r: number;
}

export interface MachineLayout {
  width: number;
  height: number;
  /** Clusters before the states inside them, so they draw underneath. */
  states: LaidOutState[];
  edges: LaidOutEdge[];
  starts: LaidOutStart[];
}

interface Point {
  x: number;
  y: number;
}

export const textWidth = (text: string, size: number) => Math.ceil([...text].length * size * CHAR_EM);

/** Longest line of an edge label or a box's list, in characters, before it wraps at a space: narrow drawings fit phones and the prose column. */
const WRAP_AT = 20;

/** Breaks a label into lines of at most WRAP_AT characters at spaces (a longer word keeps its own line). */
export function wrap(text: string, width = WRAP_AT): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function boxContent(state: GraphState, input: LayoutInput) {
  const facts = input.compact ? [] : input.factLines(state);
  const accepts: AcceptLine[] = input.compact ? [] : state.accepts.flatMap((ref) => wrap(input.eventLabel(ref), WRAP_AT + 2).map((text, index) => ({ text, continued: index > 0 })));
  return { title: state.key, facts, accepts };
}

function boxSize(content: ReturnType<typeof boxContent>) {
  const widths = [textWidth(content.title, TITLE_SIZE), ...content.facts.map((line) => textWidth(line, TEXT_SIZE)), ...content.accepts.map((line) => textWidth(`• ${line.text}`, TEXT_SIZE))];
  if (content.accepts.length > 0) widths.push(textWidth("accepts:", TEXT_SIZE));
  const width = Math.max(MIN_NODE_WIDTH, Math.max(...widths) + 2 * PAD_X);
  const acceptsHeight = content.accepts.length > 0 ? 8 + LINE * (content.accepts.length + 1) : 0;
  const height = 2 * PAD_Y + 18 + LINE * content.facts.length + acceptsHeight;
  return { width, height };
}

/** Where a box's vertical text lines sit (baselines from the box's top), shared with the renderer. */
export function textRows(state: Pick<LaidOutState, "facts" | "accepts" | "titleY">) {
  // Baselines: a 14 px title's x-height centre sits about 5 px above its baseline.
  const title = state.titleY + 5;
  const facts = state.facts.map((_, index) => title + LINE * (index + 1));
  const afterFacts = title + LINE * state.facts.length;
  const rule = state.accepts.length > 0 ? afterFacts + 9 : null;
  const acceptsHeading = rule === null ? null : rule + LINE;
  const accepts = state.accepts.map((_, index) => (acceptsHeading ?? 0) + LINE * (index + 1));
  return { title, facts, rule, acceptsHeading, accepts, padX: PAD_X };
}

/** The first leaf inside a state (itself when it has no children): dagre connects edges to leaves only. */
function anchorOf(graph: MachineGraph, id: string): string {
  const state = graph.states.find((candidate) => candidate.id === id);
  if (!state || state.children.length === 0) return id;
  const initialChild = graph.states.find((candidate) => candidate.parent === id && candidate.initial);
  return anchorOf(graph, initialChild?.id ?? state.children[0]!);
}

export function layoutMachine(input: LayoutInput): MachineLayout {
  const { graph } = input;
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ compound: true, multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: input.compact ? 18 : 24, ranksep: input.compact ? 34 : 42, edgesep: 10, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));

  const contents = new Map(graph.states.map((state) => [state.id, boxContent(state, input)]));
  for (const state of graph.states) {
    g.setNode(state.id, state.children.length > 0 ? { width: 0, height: 0 } : boxSize(contents.get(state.id)!));
    if (state.parent) g.setParent(state.id, state.parent);
  }

  const labelLines = (labels: string[]) => labels.flatMap((label) => wrap(label).map((text, index) => ({ text, continued: index > 0 })));
  const labelBox = (lines: AcceptLine[], listed: boolean) => ({
    width: Math.max(...lines.map((line) => textWidth(listed ? `• ${line.text}` : line.text, TEXT_SIZE))) + 10,
    height: LINE * lines.length + 4,
  });
  const edgeLines = new Map<string, { lines: AcceptLine[]; listed: boolean }>();
  for (const transition of graph.transitions) {
    const lines = labelLines(transition.events.map(input.eventLabel));
    const listed = transition.events.length > 1;
    edgeLines.set(transition.id, { lines, listed });
    g.setEdge(anchorOf(graph, transition.from), anchorOf(graph, transition.to), { ...labelBox(lines, listed), labelpos: "c" }, transition.id);
  }
  for (const start of input.starts) {
    const id = `start:${start.state}`;
    g.setNode(id, { width: 2 * START_RADIUS, height: 2 * START_RADIUS });
    const lines = start.label ? labelLines([start.label]) : [];
    edgeLines.set(id, { lines, listed: false });
    g.setEdge(id, anchorOf(graph, start.state), lines.length > 0 ? { ...labelBox(lines, false), labelpos: "c" } : { minlen: 1 }, id);
  }

  dagre.layout(g);

  const rectOf = (id: string) => {
    const node = g.node(id);
    return { x: node.x! - node.width / 2, y: node.y! - node.height / 2, width: node.width, height: node.height };
  };

  const states: LaidOutState[] = [];
  const byDepth = [...graph.states].sort((a, b) => a.depth - b.depth);
  for (const state of byDepth) {
    const content = contents.get(state.id)!;
    const rect = rectOf(state.id);
    const cluster = state.children.length > 0;
    if (cluster) {
      const titleWidth = textWidth(content.title, TITLE_SIZE) + 2 * PAD_X;
      if (rect.width < titleWidth) {
        rect.x -= (titleWidth - rect.width) / 2;
        rect.width = titleWidth;
      }
    }
    // A cluster's title sits on its top border, like a fieldset's legend; where exactly is chosen once the edges are known.
    const titleX = cluster ? PAD_X + textWidth(content.title, TITLE_SIZE) / 2 : rect.width / 2;
    const titleY = cluster ? 0 : PAD_Y + 9;
    states.push({ id: state.id, ...rect, cluster, final: state.kind === "final", ...content, titleX, titleY });
  }
  const rects = new Map(states.map((state) => [state.id, state]));

  const routed: { id: string; from: string | null; to: string; points: Point[]; label: LaidOutLabel | null }[] = [];
  for (const edge of g.edges()) {
    const name = edge.name!;
    const data = g.edge(edge);
    let points: Point[] = (data.points ?? []).map((point) => ({ x: point.x, y: point.y }));
    const transition = graph.transitions.find((candidate) => candidate.id === name);
    const from = transition ? transition.from : null;
    const to = transition ? transition.to : name.slice("start:".length);
    // An edge of a nested-state box was laid out from a leaf inside it: cut it at the box's border.
    if (from !== null && anchorOf(graph, from) !== from) points = clipStart(points, rects.get(from)!);
    if (anchorOf(graph, to) !== to) points = clipEnd(points, rects.get(to)!);
    const { lines, listed } = edgeLines.get(name) ?? { lines: [], listed: false };
    const label = lines.length > 0 && typeof data.x === "number" ? { x: data.x, y: data.y!, width: data.width ?? 0, height: data.height ?? 0, lines, listed } : null;
    routed.push({ id: name, from, to, points, label });
  }
  for (const state of states.filter((candidate) => candidate.cluster)) {
    const legend = legendPosition(state, routed);
    state.titleX = legend.x;
    state.titleY = legend.y;
  }

  const startPoints = input.starts.map((start) => {
    const node = g.node(`start:${start.state}`);
    return { state: start.state, x: node.x!, y: node.y!, r: START_RADIUS };
  });

  // A widened cluster or a title on a cluster's border can reach past dagre's margin: move everything so that it starts at MARGIN.
  const xs = [
    ...states.flatMap((state) => [state.x, state.x + state.width]),
    ...routed.flatMap((edge) => [...edge.points.map((point) => point.x), ...(edge.label ? [edge.label.x - edge.label.width / 2, edge.label.x + edge.label.width / 2] : [])]),
    ...startPoints.map((start) => start.x - start.r),
  ];
  const legend = (state: LaidOutState) => (state.cluster ? LEGEND_HALF_HEIGHT : 0);
  const ys = [
    ...states.flatMap((state) => [state.y - legend(state), state.y + state.height + legend(state)]),
    ...routed.flatMap((edge) => edge.points.map((point) => point.y)),
    ...startPoints.map((start) => start.y - start.r),
  ];
  const dx = Math.max(0, MARGIN - Math.min(...xs));
  const dy = Math.max(0, MARGIN - Math.min(...ys));
  const moved = (point: Point): Point => ({ x: point.x + dx, y: point.y + dy });

  return {
    width: Math.ceil(Math.max(...xs) + dx + MARGIN),
    height: Math.ceil(Math.max(...ys) + dy + MARGIN),
    states: states.map((state) => ({ ...state, x: state.x + dx, y: state.y + dy })),
    edges: routed.map((edge) => ({
      id: edge.id,
      from: edge.from,
      to: edge.to,
      ...pathWithArrow(edge.points.map(moved)),
      label: edge.label ? { ...edge.label, x: edge.label.x + dx, y: edge.label.y + dy } : null,
    })),
    starts: startPoints.map((start) => ({ ...start, ...moved(start) })),
  };
}

/**
 * Where a cluster's title (a legend on its border) touches no edge: on the
 * top border as far left as possible, else on the bottom border, else at
 * the top left. Returns the title's centre from the cluster's top-left corner.
 */
function legendPosition(cluster: LaidOutState, edges: readonly { points: Point[] }[]): { x: number; y: number } {
  const half = textWidth(cluster.title, TITLE_SIZE) / 2 + 6;
  const drawn = edges.flatMap((edge) => densify(smoothed(edge.points))).map((point) => ({ x: point.x - cluster.x, y: point.y - cluster.y }));
  for (const y of [0, cluster.height]) {
    const near = drawn.filter((point) => Math.abs(point.y - y) <= LEGEND_HALF_HEIGHT);
    for (let x = PAD_X + half; x <= cluster.width - PAD_X - half; x += 4) {
      if (near.every((point) => point.x < x - half || point.x > x + half)) return { x, y };
    }
  }
  return { x: PAD_X + half, y: 0 };
}

/** Extra points on long straight stretches, so that no stretch steps over a title. */
function densify(points: Point[]): Point[] {
  return points.flatMap((point, index) => {
    const next = points[index + 1];
    if (!next) return [point];
    const steps = Math.max(1, Math.ceil(Math.hypot(next.x - point.x, next.y - point.y) / 4));
    return Array.from({ length: steps }, (_, step) => ({ x: point.x + ((next.x - point.x) * step) / steps, y: point.y + ((next.y - point.y) * step) / steps }));
  });
}

/** Points along the curve pathWithArrow draws through `points` (each quadratic piece sampled), to test what it crosses. */
function smoothed(points: Point[]): Point[] {
  if (points.length < 3) return points;
  const result: Point[] = [points[0]!, mid(points[0]!, points[1]!)];
  for (let index = 1; index < points.length - 1; index++) {
    const start = result[result.length - 1]!;
    const control = points[index]!;
    const end = mid(points[index]!, points[index + 1]!);
    for (let step = 1; step <= 8; step++) {
      const t = step / 8;
      result.push({
        x: (1 - t) * (1 - t) * start.x + 2 * (1 - t) * t * control.x + t * t * end.x,
        y: (1 - t) * (1 - t) * start.y + 2 * (1 - t) * t * control.y + t * t * end.y,
      });
    }
  }
  result.push(points[points.length - 1]!);
  return result;
}

const round = (value: number) => Math.round(value * 10) / 10;
const fmt = (point: Point) => `${round(point.x)},${round(point.y)}`;
const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** A smooth path through dagre's points (quadratic curves between midpoints), shortened for the arrowhead. */
function pathWithArrow(points: Point[]): { path: string; arrow: string } {
  if (points.length < 2) return { path: "", arrow: "" };
  const tip = points[points.length - 1]!;
  const before = points[points.length - 2]!;
  const length = Math.hypot(tip.x - before.x, tip.y - before.y) || 1;
  const ux = (tip.x - before.x) / length;
  const uy = (tip.y - before.y) / length;
  const base = { x: tip.x - ux * ARROW_LENGTH, y: tip.y - uy * ARROW_LENGTH };
  const arrow = [tip, { x: base.x - uy * ARROW_HALF_WIDTH, y: base.y + ux * ARROW_HALF_WIDTH }, { x: base.x + uy * ARROW_HALF_WIDTH, y: base.y - ux * ARROW_HALF_WIDTH }].map(fmt).join(" ");
  const line = [...points.slice(0, -1), base];
  let path = `M${fmt(line[0]!)}`;
  if (line.length === 2) return { path: `${path} L${fmt(line[1]!)}`, arrow };
  path += ` L${fmt(mid(line[0]!, line[1]!))}`;
  for (let index = 1; index < line.length - 1; index++) path += ` Q${fmt(line[index]!)} ${fmt(mid(line[index]!, line[index + 1]!))}`;
  path += ` L${fmt(line[line.length - 1]!)}`;
  return { path, arrow };
}

type Rect = { x: number; y: number; width: number; height: number };
const inside = (point: Point, rect: Rect) => point.x > rect.x && point.x < rect.x + rect.width && point.y > rect.y && point.y < rect.y + rect.height;

/** Where the segment from `a` (inside) to `b` (outside) crosses the rectangle's border. */
function exitPoint(a: Point, b: Point, rect: Rect): Point {
  let low = 0;
  let high = 1;
  for (let step = 0; step < 30; step++) {
    const t = (low + high) / 2;
    if (inside({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, rect)) low = t;
    else high = t;
  }
  return { x: a.x + (b.x - a.x) * high, y: a.y + (b.y - a.y) * high };
}

function clipStart(points: Point[], rect: Rect): Point[] {
  const firstOutside = points.findIndex((point) => !inside(point, rect));
  if (firstOutside <= 0) return points;
  return [exitPoint(points[firstOutside - 1]!, points[firstOutside]!, rect), ...points.slice(firstOutside)];
}

function clipEnd(points: Point[], rect: Rect): Point[] {
  return clipStart([...points].reverse(), rect).reverse();
}
