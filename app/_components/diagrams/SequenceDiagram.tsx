import type { CSSProperties } from "react";
import type { MdxComponentProps } from "@/lib/content/registry";

/**
 * Calls between parties, top to bottom. Each message is a list item whose
 * arrow spans from the sender's lifeline to the receiver's; the visible
 * label is preceded by a "From to To" phrase for screen readers.
 */
export function SequenceDiagram({ actors, messages }: MdxComponentProps<"SequenceDiagram">) {
  const grid: CSSProperties = { gridTemplateColumns: `repeat(${actors.length}, minmax(0, 1fr))` };
  return (
    <div className="text-xs sm:text-sm">
      <ul className="grid gap-2" style={grid} aria-label="Participants">
        {actors.map((actor) => (
          <li key={actor} className="diagram-root rounded-md px-1 py-2 text-center font-semibold break-words shadow-sm">
            {actor}
          </li>
        ))}
      </ul>
      <ol className="mt-1" aria-label="Messages, in order">
        {messages.map((message, index) => {
          const from = actors.indexOf(message.from);
          const to = actors.indexOf(message.to);
          const start = Math.min(from, to);
          const span = Math.abs(to - from) + 1;
          const self = from === to;
          return (
            <li key={`${index}-${message.label}`} className="relative grid" style={grid}>
              {actors.map((actor, column) => (
                <span key={actor} aria-hidden="true" className="lifeline relative" style={{ gridColumn: column + 1, gridRow: 1 }} />
              ))}
              <div
                className="relative z-10 py-2"
                style={{
                  gridColumn: `${start + 1} / span ${span}`,
                  gridRow: 1,
                  // Percent margins resolve against the grid area, so this puts
                  // the arrow's ends on the centres of the outer columns.
                  marginInline: self ? "0" : `calc(100% / ${2 * span})`,
                }}
              >
                <p className="px-1 text-center leading-snug [overflow-wrap:anywhere]">
                  <span className="sr-only">
                    {index + 1}. {message.from} to {message.to}:{" "}
                  </span>
                  <span className="rounded bg-[var(--figure-bg)] px-1 font-medium text-slate-900 dark:text-slate-100">{message.label}</span>
                  {message.note ? <span className="block text-slate-600 dark:text-slate-400">{message.note}</span> : null}
                </p>
                {self ? (
                  <p aria-hidden="true" className="text-center text-[var(--diagram-accent)]">
                    ↻
                  </p>
                ) : (
                  <div aria-hidden="true" className={`message-arrow relative mt-1 ${to > from ? "to-right" : "to-left"}`} />
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
