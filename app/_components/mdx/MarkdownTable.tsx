import type { ReactNode } from "react";

/** A GFM table, made scrollable and keyboard-reachable when it is wider than the page. */
export function MarkdownTable({ children }: { children?: ReactNode }) {
  return (
    <div role="region" aria-label="Table" tabIndex={0} className="my-6 overflow-x-auto">
      <table className="my-0">{children}</table>
    </div>
  );
}
