"use client";

import type { BlobSegment } from "@/lib/sandbox/crypto/ciphertext-blob";

/**
 * Bytes as a learner can look at them: hex in groups, optionally split into
 * labelled parts (what each run of bytes is), the rest elided past `max`.
 * The text equivalent is the same list in words.
 */
const PART_COLOURS = [
  "bg-sky-100 dark:bg-sky-950",
  "bg-amber-100 dark:bg-amber-950",
  "bg-emerald-100 dark:bg-emerald-950",
  "bg-violet-100 dark:bg-violet-950",
  "bg-rose-100 dark:bg-rose-950",
  "bg-teal-100 dark:bg-teal-950",
  "bg-orange-100 dark:bg-orange-950",
  "bg-indigo-100 dark:bg-indigo-950",
];

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join(" ");
}

export function ByteView({ base64, label, segments, max = 64, wiped = false, flippedAt }: { base64: string; label: string; segments?: readonly BlobSegment[]; max?: number; wiped?: boolean; flippedAt?: number | undefined }) {
  const bytes = fromBase64(base64);
  const shown = wiped ? new Uint8Array(bytes.length) : bytes;
  const parts = segments && segments.length > 0 ? segments : [{ label, start: 0, end: bytes.length }];
  return (
    <figure className="my-1" aria-label={`${label}: ${bytes.length} bytes`}>
      <ol className="flex flex-wrap gap-1 font-mono text-[0.72rem] leading-5">
        {parts.map((part, index) => {
          const end = Math.min(part.end, part.start + max);
          const cut = part.end - end;
          return (
            <li key={`${part.label}-${part.start}`} className={`rounded px-1 ${segments ? PART_COLOURS[index % PART_COLOURS.length] : "bg-slate-100 dark:bg-slate-800"}`}>
              {segments ? <span className="sr-only">{part.label}, {part.end - part.start} bytes: </span> : null}
              <span className={wiped ? "text-slate-500 line-through decoration-rose-500 motion-safe:transition-colors" : ""}>
                {[...shown.subarray(part.start, end)].map((byte, offset) => (
                  <span key={offset} className={flippedAt === part.start + offset ? "rounded bg-rose-300 text-rose-950 dark:bg-rose-700 dark:text-rose-50" : ""}>
                    {byte.toString(16).padStart(2, "0")}
                    {offset < end - part.start - 1 ? " " : ""}
                  </span>
                ))}
              </span>
              {cut > 0 ? <span className="text-slate-600 dark:text-slate-400"> … {cut} more</span> : null}
            </li>
          );
        })}
      </ol>
      {segments ? (
        <figcaption className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-700 dark:text-slate-300" aria-hidden>
          {segments.map((part, index) => (
            <span key={part.label} className="inline-flex items-center gap-1">
              <span className={`inline-block h-3 w-3 rounded ${PART_COLOURS[index % PART_COLOURS.length]} ring-1 ring-slate-400`} />
              {part.label} ({part.end - part.start})
            </span>
          ))}
        </figcaption>
      ) : (
        <figcaption className="sr-only">{hex(bytes.subarray(0, max))}</figcaption>
      )}
    </figure>
  );
}
