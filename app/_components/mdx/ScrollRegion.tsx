import type { ReactNode } from "react";

/**
 * A horizontally scrollable region for wide tables on narrow screens. It is
 * focusable and labelled so keyboard users can scroll it too.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="not-prose my-6 overflow-x-auto rounded-lg">
      {children}
    </div>
  );
}
