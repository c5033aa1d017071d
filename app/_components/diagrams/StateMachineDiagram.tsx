import type { StateRef } from "@/lib/visualize/machine-graph";
import { highlightOf, machineDiagram, stateName, type StateText } from "@/lib/visualize/machine-diagram";
import { LEGEND_HALF_HEIGHT, TEXT_SIZE, TITLE_SIZE, textRows, textWidth, type LaidOutState } from "@/lib/visualize/machine-layout";
import type { MachineName } from "@/lib/visualize/machines";

/** The drawing's room on a 360 px phone: the page's and the figure panel's padding taken off. */
const NARROWEST_PANEL = 296;

export interface StateMachineDiagramProps {
  /** A machine of lib/visualize/machines.ts. */
  machine: MachineName;
  /** The state to highlight: a graph id ("PendingDeletion.WithKeyMaterial", or the top-level "PendingDeletion") or an xstate state value. */
  current?: StateRef | undefined;
  /** The state the resource just left: the edge from it to `current` is drawn as it is taken (no motion under prefers-reduced-motion). */
  previous?: StateRef | undefined;
  /** State names only in the boxes (the text equivalent still lists everything). */
  compact?: boolean | undefined;
}

/**
 * A lifecycle machine of the engine drawn from its own definition: states as
 * boxes (nested ones inside their parent), transitions as labelled arrows,
 * events a state handles without leaving it listed in its box. An SVG with a
 * text equivalent generated from the same graph. No hooks and no client
 * code: it renders on the server for the chapter, and inside client
 * components for the sandbox, where a new `previous`/`current` pair replays
 * the transition (give the diagram a new `key` to replay the same pair).
 */
export function StateMachineDiagram({ machine, current, previous, compact = false }: StateMachineDiagramProps) {
  const model = machineDiagram(machine, compact);
  const { layout, graph, text } = model;
  const highlight = highlightOf(graph, current, previous);
  const currentName = highlight.current ? stateName(highlight.current) : undefined;
  const label = currentName ? `${model.title}. Current state: ${currentName}.` : `${model.title}: a state diagram.`;
  const takenTransition = graph.transitions.find((transition) => transition.id === highlight.taken);
  const takenBy = text.transitions.filter((line) => line.transition === highlight.taken).map((line) => line.event);
  // Phones: the drawing may shrink to 85 % (13 px text stays above 11 px), then the panel scrolls sideways.
  const style = { width: `${layout.width}px`, maxWidth: "100%", minWidth: `${Math.round(layout.width * 0.85)}px`, height: "auto" };

  return (
    <div className="machine-diagram text-sm" data-machine={machine} data-current={highlight.current}>
      <div role="region" aria-label={`${model.title} (drawing)`} tabIndex={0} className="overflow-x-auto rounded-lg">
        <svg role="img" aria-label={label} viewBox={`0 0 ${layout.width} ${layout.height}`} width={layout.width} height={layout.height} style={style} className="mx-auto block font-mono">
          <title>{label}</title>
          {layout.states
            .filter((state) => state.cluster)
            .map((state) => (
              <StateBox key={state.id} state={state} active={highlight.active.has(state.id)} current={state.id === highlight.current} />
            ))}
          {layout.starts.map((start) => (
            <circle key={start.state} cx={start.x} cy={start.y} r={start.r} className="fill-[var(--diagram-line)]" />
          ))}
          {layout.edges.map((edge) => {
            const taken = edge.id === highlight.taken;
            return (
              <g key={edge.id} data-edge={edge.id} className={taken ? "machine-edge machine-edge-taken" : "machine-edge"}>
                <path
                  d={edge.path}
                  fill="none"
                  pathLength={taken ? 1 : undefined}
                  className={taken ? "machine-edge-path stroke-[var(--diagram-accent)]" : "stroke-[var(--diagram-line)]"}
                  strokeWidth={taken ? 2.5 : 1.5}
                />
                <polygon points={edge.arrow} className={taken ? "machine-edge-arrow fill-[var(--diagram-accent)]" : "fill-[var(--diagram-line)]"} />
              </g>
            );
          })}
          {layout.edges.map((edge) =>
            edge.label ? (
              <g key={edge.id} className={edge.id === highlight.taken ? "machine-label-taken" : undefined}>
                <rect
                  x={edge.label.x - edge.label.width / 2}
                  y={edge.label.y - edge.label.height / 2}
                  width={edge.label.width}
                  height={edge.label.height}
                  rx={4}
                  className="fill-[var(--figure-bg,var(--diagram-node-bg))]"
                />
                {edge.label.lines.map((line, index) => {
                  const label = edge.label!;
                  // A single event is centred on the edge; several are a list, each item under its bullet.
                  const left = label.x - label.width / 2 + 5 + (line.continued ? textWidth("• ", TEXT_SIZE) : 0);
                  return (
                    <text
                      key={index}
                      x={label.listed ? left : label.x}
                      y={label.y - label.height / 2 + 15 + index * 17}
                      textAnchor={label.listed ? "start" : "middle"}
                      fontSize={TEXT_SIZE}
                      className={edge.id === highlight.taken ? "fill-brand-700 font-semibold dark:fill-brand-300" : "fill-slate-700 dark:fill-slate-300"}
                    >
                      {label.listed && !line.continued ? `• ${line.text}` : line.text}
                    </text>
                  );
                })}
              </g>
            ) : null,
          )}
          {layout.states
            .filter((state) => state.cluster)
            .map((state) => (
              <ClusterTitle key={state.id} state={state} />
            ))}
          {layout.states
            .filter((state) => !state.cluster)
            .map((state) => (
              <StateBox key={state.id} state={state} active={highlight.active.has(state.id)} current={state.id === highlight.current} />
            ))}
        </svg>
      </div>
      {layout.width * 0.85 > NARROWEST_PANEL ? <p className="mt-1 text-xs text-slate-600 sm:hidden dark:text-slate-400">Scroll the drawing sideways to see all of it.</p> : null}
      {highlight.current ? (
        <p className="sr-only" role="status">
          {takenTransition ? `Now ${currentName}, from ${stateName(takenTransition.from)} by ${takenBy.join(" or ")}.` : `Current state: ${currentName}.`}
        </p>
      ) : null}
      <details className="machine-text mt-3 text-slate-700 dark:text-slate-300">
        <summary className="cursor-pointer select-none text-brand-700 underline underline-offset-2 dark:text-brand-300">States and transitions as text</summary>
        <p className="mt-2">{model.description}</p>
        <p className="mt-2 font-semibold text-slate-900 dark:text-slate-100">States</p>
        <StateList states={text.states} current={highlight.current} />
        <p className="mt-2 font-semibold text-slate-900 dark:text-slate-100">Transitions</p>
        <ul className="machine-transitions mt-1 list-disc space-y-0.5 pl-5">
          {text.transitions.map((transition) => (
            <li key={transition.id}>{transition.line}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function StateBox({ state, active, current }: { state: LaidOutState; active: boolean; current: boolean }) {
  const rows = textRows(state);
  const border = current ? "stroke-[var(--diagram-accent)]" : active ? "stroke-[var(--diagram-accent)]" : "stroke-[var(--diagram-node-border)]";
  const fill = state.cluster
    ? current
      ? "fill-brand-50 dark:fill-brand-700/25"
      : "fill-slate-100/70 dark:fill-slate-800/50"
    : current
      ? "fill-brand-50 dark:fill-[#172554]"
      : "fill-[var(--diagram-node-bg)]";
  return (
    <g data-state={state.id} className={current ? "machine-state machine-state-current" : "machine-state"} aria-current={current ? "true" : undefined}>
      <rect x={state.x} y={state.y} width={state.width} height={state.height} rx={state.cluster ? 12 : 8} className={`${fill} ${border}`} strokeWidth={current ? 3 : active ? 2 : 1.25} />
      {state.final ? <rect x={state.x + 3.5} y={state.y + 3.5} width={state.width - 7} height={state.height - 7} rx={6} fill="none" className={border} strokeWidth={1.25} /> : null}
      {state.cluster ? null : (
        <text x={state.x + state.titleX} y={state.y + rows.title} textAnchor="middle" fontSize={TITLE_SIZE} fontWeight={700} className="fill-slate-900 dark:fill-slate-100">
          {state.title}
        </text>
      )}
      {state.facts.map((line, index) => (
        <text key={line} x={state.x + state.width / 2} y={state.y + rows.facts[index]!} textAnchor="middle" fontSize={TEXT_SIZE} className="fill-slate-600 dark:fill-slate-400">
          {line}
        </text>
      ))}
      {rows.rule !== null ? (
        <>
          <line x1={state.x + 8} x2={state.x + state.width - 8} y1={state.y + rows.rule} y2={state.y + rows.rule} className="stroke-[var(--diagram-node-border)]" strokeWidth={1} />
          <text x={state.x + rows.padX} y={state.y + rows.acceptsHeading!} fontSize={TEXT_SIZE} fontStyle="italic" className="fill-slate-600 dark:fill-slate-400">
            accepts:
          </text>
        </>
      ) : null}
      {state.accepts.map((line, index) => (
        <text
          key={index}
          x={state.x + rows.padX + (line.continued ? textWidth("• ", TEXT_SIZE) : 0)}
          y={state.y + rows.accepts[index]!}
          fontSize={TEXT_SIZE}
          className="fill-slate-800 dark:fill-slate-200"
        >
          {line.continued ? line.text : `• ${line.text}`}
        </text>
      ))}
    </g>
  );
}

/** A cluster's title, drawn over the edges that cross its top border so it stays legible. */
function ClusterTitle({ state }: { state: LaidOutState }) {
  const rows = textRows(state);
  const width = textWidth(state.title, TITLE_SIZE) + 8;
  return (
    <g data-title-of={state.id}>
      <rect x={state.x + state.titleX - width / 2} y={state.y + state.titleY - LEGEND_HALF_HEIGHT + 1} width={width} height={2 * LEGEND_HALF_HEIGHT - 2} rx={4} className="fill-[var(--figure-bg,var(--diagram-node-bg))]" />
      <text x={state.x + state.titleX} y={state.y + rows.title} textAnchor="middle" fontSize={TITLE_SIZE} fontWeight={700} className="fill-slate-900 dark:fill-slate-100">
        {state.title}
      </text>
    </g>
  );
}

function StateList({ states, current }: { states: StateText[]; current: string | undefined }) {
  return (
    <ul className="machine-states mt-1 list-disc space-y-1 pl-5">
      {states.map((state) => (
        <li key={state.id} data-state={state.id}>
          <span className="font-mono font-semibold text-slate-900 dark:text-slate-100">{state.name}</span>
          {state.id === current ? <strong> (current state)</strong> : null}
          {state.notes.length > 0 ? <span> ({state.notes.join("; ")})</span> : null}
          {state.description ? <span>: {state.description}</span> : null}
          {state.accepts.length > 0 ? <span className="block">Accepts without changing state: {state.accepts.join(", ")}.</span> : null}
          {state.refusals.length > 0 ? <span className="block">Refuses: {state.refusals.join("; ")}.</span> : null}
          {state.children.length > 0 ? <StateList states={state.children} current={current} /> : null}
        </li>
      ))}
    </ul>
  );
}
