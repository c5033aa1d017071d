"use client";

import { useId, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { formatSimTime } from "@/lib/workspace/format";
import { keyStateOf, layoutTimeline, LABEL_SIZE, stateTone, TICK_LABEL_OFFSET, TICK_LABEL_SIZE, type StateTone } from "@/lib/visualize/key-lifecycle/chart";
import type { KeyTimeline } from "@/lib/visualize/key-lifecycle/timeline";

/** Band fill and the text drawn on it, per state, in light and dark. */
const TONE_CLASSES: Record<StateTone, { band: string; text: string; swatch: string }> = {
  enabled: { band: "fill-emerald-200 dark:fill-emerald-800", text: "fill-emerald-950 dark:fill-emerald-50", swatch: "bg-emerald-200 dark:bg-emerald-800" },
  disabled: { band: "fill-slate-300 dark:fill-slate-600", text: "fill-slate-900 dark:fill-slate-50", swatch: "bg-slate-300 dark:bg-slate-600" },
  "pending-deletion": { band: "fill-rose-200 dark:fill-rose-800", text: "fill-rose-950 dark:fill-rose-50", swatch: "bg-rose-200 dark:bg-rose-800" },
  "pending-import": { band: "fill-amber-200 dark:fill-amber-700", text: "fill-amber-950 dark:fill-amber-50", swatch: "bg-amber-200 dark:bg-amber-700" },
  deleted: { band: "fill-slate-700 dark:fill-slate-300", text: "fill-white dark:fill-slate-950", swatch: "bg-slate-700 dark:bg-slate-300" },
  other: { band: "fill-violet-200 dark:fill-violet-800", text: "fill-violet-950 dark:fill-violet-50", swatch: "bg-violet-200 dark:bg-violet-800" },
};

const MATERIAL_CLASSES = ["fill-sky-100 dark:fill-sky-950", "fill-sky-200 dark:fill-sky-900"];

/** The width of an element, following it as the pane is resized. */
function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** A one-sentence account of the drawing, for its accessible description. */
function describe(timeline: KeyTimeline): string {
  const states = timeline.segments.map((segment) => `${keyStateOf(segment.state)} from ${formatSimTime(segment.from)}${segment.to === undefined ? " until now" : ` to ${formatSimTime(segment.to)}`}`);
  const materials = `${timeline.materials.length} key material version${timeline.materials.length === 1 ? "" : "s"}`;
  const ahead = [
    ...(timeline.deletionDate === undefined ? [] : [`deletion on ${formatSimTime(timeline.deletionDate)}`]),
    ...(timeline.nextRotationAt === undefined ? [] : [`next rotation on ${formatSimTime(timeline.nextRotationAt)}`]),
  ];
  return `${states.join("; ")}. ${materials}.${ahead.length ? ` Ahead: ${ahead.join(", ")}.` : ""} The table below lists the same events.`;
}

/**
 * The key's life drawn over simulated time: its states as coloured bands,
 * its key material versions under them, events as ticks, and now, the
 * deletion date and the next rotation as markers. The table that follows it
 * in the pane says the same in text.
 */
export function KeyTimelineChart({ timeline }: { timeline: KeyTimeline }) {
  const [box, width] = useWidth<HTMLDivElement>();
  const titleId = useId();
  const descId = useId();
  const layout = width > 0 ? layoutTimeline(timeline, width) : undefined;
  const presentTones = [...new Set(timeline.segments.map((segment) => stateTone(segment.state)))];
  return (
    <figure className="m-0">
      <div ref={box} className="w-full">
        {layout ? (
          <svg role="img" aria-labelledby={`${titleId} ${descId}`} width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} className="block font-sans" data-testid="key-timeline-drawing">
            <title id={titleId}>Timeline of {timeline.label} over simulated time</title>
            <desc id={descId}>{describe(timeline)}</desc>
            {layout.ticks.map((tick) => (
              <g key={tick.x}>
                <line x1={tick.x} x2={tick.x} y1={layout.rows.axis + 4} y2={layout.height} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
                <text x={tick.x + TICK_LABEL_OFFSET} y={layout.rows.axis} fontSize={TICK_LABEL_SIZE} className="fill-slate-600 dark:fill-slate-400">
                  {tick.label}
                </text>
              </g>
            ))}
            {layout.bands.map((band, index) => (
              <g key={index} data-state={band.state}>
                <rect x={band.x} y={layout.rows.state} width={band.width} height={layout.rows.stateHeight} className={TONE_CLASSES[band.tone].band} />
                {band.label ? (
                  <text x={band.x + 5} y={layout.rows.state + layout.rows.stateHeight / 2 + 4} fontSize={LABEL_SIZE} fontWeight={600} className={TONE_CLASSES[band.tone].text}>
                    {band.label}
                  </text>
                ) : null}
              </g>
            ))}
            {layout.ahead ? (
              <g data-ahead={layout.ahead.state}>
                <rect
                  x={layout.ahead.x}
                  y={layout.rows.state + 1}
                  width={layout.ahead.width}
                  height={layout.rows.stateHeight - 2}
                  className={`${TONE_CLASSES[layout.ahead.tone].band} stroke-rose-700 dark:stroke-rose-300`}
                  fillOpacity={0.45}
                  strokeDasharray="4 3"
                  strokeWidth={1}
                />
                {layout.ahead.label ? (
                  <text x={layout.ahead.x + 5} y={layout.rows.state + layout.rows.stateHeight / 2 + 4} fontSize={LABEL_SIZE} fontStyle="italic" className="fill-slate-900 dark:fill-slate-50">
                    {layout.ahead.label}
                  </text>
                ) : null}
              </g>
            ) : null}
            {layout.materials.map((material, index) => (
              <g key={material.version} data-material={material.version}>
                <rect
                  x={material.x}
                  y={layout.rows.material}
                  width={material.width}
                  height={layout.rows.materialHeight}
                  className={`${material.current ? "fill-sky-300 dark:fill-sky-700" : MATERIAL_CLASSES[index % 2]} stroke-sky-700 dark:stroke-sky-400`}
                  strokeWidth={1}
                />
                {material.label ? (
                  <text x={material.x + 5} y={layout.rows.material + layout.rows.materialHeight / 2 + 4} fontSize={11} fontWeight={600} className="fill-slate-900 dark:fill-slate-50">
                    {material.label}
                  </text>
                ) : null}
              </g>
            ))}
            {layout.events.map((event, index) => {
              const baseline = layout.rows.events + event.lane * layout.rows.lane;
              return (
                <g key={index} data-event={event.eventName}>
                  <line x1={event.x} x2={event.x} y1={layout.rows.state} y2={baseline - 9} className="stroke-slate-600 dark:stroke-slate-300" strokeWidth={1.5} />
                  <circle cx={event.x} cy={baseline - 9} r={2.5} className="fill-slate-600 dark:fill-slate-300" />
                  <text x={event.labelX + (event.anchor === "start" ? 2 : -2)} y={baseline} textAnchor={event.anchor} fontSize={LABEL_SIZE} className="fill-slate-800 dark:fill-slate-200">
                    {event.materialVersion === undefined ? event.eventName : `${event.eventName} → v${event.materialVersion}`}
                  </text>
                </g>
              );
            })}
            {[
              { marker: layout.now, line: "stroke-brand-700 dark:stroke-brand-300", text: "fill-brand-700 dark:fill-brand-300", dash: undefined },
              ...(layout.deletion ? [{ marker: layout.deletion, line: "stroke-rose-700 dark:stroke-rose-300", text: "fill-rose-800 dark:fill-rose-200", dash: "4 3" }] : []),
              ...(layout.nextRotation ? [{ marker: layout.nextRotation, line: "stroke-sky-700 dark:stroke-sky-300", text: "fill-sky-800 dark:fill-sky-200", dash: "4 3" }] : []),
            ].map(({ marker, line, text, dash }) => {
              const baseline = layout.rows.markers + marker.lane * layout.rows.lane;
              return (
                <g key={marker.label} data-marker={marker.label}>
                  <line x1={marker.x} x2={marker.x} y1={baseline + 3} y2={layout.rows.material + layout.rows.materialHeight + 2} className={line} strokeWidth={2} strokeDasharray={dash} />
                  <text x={marker.labelX} y={baseline} textAnchor={marker.anchor} fontSize={11} fontWeight={700} className={text}>
                    {marker.label}
                  </text>
                </g>
              );
            })}
          </svg>
        ) : (
          <div style={{ height: 140 }} />
        )}
      </div>
      <figcaption className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
        {presentTones.map((tone) => (
          <span key={tone} className="inline-flex items-center gap-1">
            <span aria-hidden className={`inline-block h-3 w-3 rounded-sm ring-1 ring-slate-400 ${TONE_CLASSES[tone].swatch}`} />
            {TONE_NAMES[tone]}
          </span>
        ))}
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-sky-200 ring-1 ring-sky-700 dark:bg-sky-900 dark:ring-sky-400" />
          key material versions (lower band)
        </span>
      </figcaption>
    </figure>
  );
}

const TONE_NAMES: Record<StateTone, string> = {
  enabled: "Enabled",
  disabled: "Disabled",
  "pending-deletion": "PendingDeletion",
  "pending-import": "PendingImport",
  deleted: "Deleted",
  other: "other states",
};
