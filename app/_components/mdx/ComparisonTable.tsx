import type { MdxComponentProps } from "@/lib/content/registry";
import { ScrollRegion } from "./ScrollRegion";

/** A feature-by-option table: options across the top, features down the side. */
export function ComparisonTable({ caption, columns, rows }: MdxComponentProps<"ComparisonTable">) {
  const [corner, ...options] = columns;
  return (
    <ScrollRegion label={caption}>
      <table className="comparison-table w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-sm font-medium text-slate-700 dark:text-slate-300">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300 dark:border-slate-600">
            <th scope="col" className="sticky left-0 bg-white px-3 py-2 font-semibold dark:bg-slate-950">
              {corner}
            </th>
            {options.map((option) => (
              <th key={option} scope="col" className="px-3 py-2 font-semibold text-slate-900 dark:text-slate-100">
                {option}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, ...cells], index) => (
            <tr key={`${index}-${label}`} className="border-b border-slate-200 align-top dark:border-slate-700">
              <th scope="row" className="sticky left-0 bg-white px-3 py-2 font-medium text-slate-900 dark:bg-slate-950 dark:text-slate-100">
                {label}
              </th>
              {cells.map((cell, cellIndex) => (
                <td key={cellIndex} className="px-3 py-2 text-slate-700 dark:text-slate-300">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
