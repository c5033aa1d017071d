"use client";

import { useId, useState, useSyncExternalStore } from "react";
import type { MdxComponentProps } from "@/lib/content/registry";
import { needsOf, servicesMeetingAll, verdict } from "@/lib/content/service-matrix";
import { ScrollRegion } from "./ScrollRegion";

const subscribeNever = () => () => {};

/**
 * The use-case matrix, and what each service offers need by need. Both
 * tables render on the server as they are; once JavaScript runs, the learner
 * can tick needs (or start from a use case) and see which services meet all
 * of them, the ticked needs highlighted and, if asked, the others hidden.
 */
export function ServiceMatrix(props: MdxComponentProps<"ServiceMatrix">) {
  const { caption, offersCaption, services, needs, useCases } = props;
  const running = useSyncExternalStore(subscribeNever, () => true, () => false);
  const [ticked, setTicked] = useState<string[]>([]);
  const [useCase, setUseCase] = useState("");
  const [onlyTicked, setOnlyTicked] = useState(false);
  const useCaseId = useId();

  const meeting = new Set(ticked.length > 0 ? servicesMeetingAll(props, ticked).map((service) => service.id) : []);
  const update = (next: string[], fromUseCase = "") => {
    const ordered = needs.filter((need) => next.includes(need.id)).map((need) => need.id);
    setTicked(ordered);
    setUseCase(fromUseCase);
  };
  const shownNeeds = running && onlyTicked && ticked.length > 0 ? needs.filter((need) => ticked.includes(need.id)) : needs;
  const shortOf = (id: string) => needs.find((need) => need.id === id)?.short ?? id;

  return (
    <div className="service-matrix not-prose my-6" data-testid="service-matrix">
      <ScrollRegion label={caption}>
        <table className="comparison-table w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left text-sm font-medium text-slate-700 dark:text-slate-300">{caption}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300 dark:border-slate-600">
              {/* Minimum widths keep the columns readable on a phone, where the table scrolls sideways instead. */}
              {(
                [
                  ["Use case", "min-w-28 sticky left-0 bg-white dark:bg-slate-950"],
                  ["Recommended service", "min-w-32"],
                  ["Why", "min-w-60"],
                ] as const
              ).map(([heading, width]) => (
                <th key={heading} scope="col" className={`px-3 py-2 font-semibold text-slate-900 dark:text-slate-100 ${width}`}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {useCases.map((row) => {
              const chosen = running && row.name === useCase;
              return (
                <tr key={row.name} data-use-case={row.name} data-chosen={chosen ? "true" : undefined} className={`border-b border-slate-200 align-top dark:border-slate-700 ${chosen ? "bg-brand-50 dark:bg-slate-800" : ""}`}>
                  <th scope="row" className={`sticky left-0 px-3 py-2 font-medium text-slate-900 dark:text-slate-100 ${chosen ? "bg-brand-50 dark:bg-slate-800" : "bg-white dark:bg-slate-950"}`}>
                    {row.name}
                    <span className="mt-1 block text-xs font-normal text-slate-600 dark:text-slate-400">Needs: {row.needs.map(shortOf).join(", ")}</span>
                  </th>
                  <td className="px-3 py-2 text-slate-700 dark:text-slate-300">{row.recommended}</td>
                  <td className="px-3 py-2 text-slate-700 dark:text-slate-300">{row.why}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>

      {running ? (
        <form className="matrix-controls rounded-xl border border-slate-300 bg-white p-4 shadow-sm dark:border-slate-600 dark:bg-slate-900" onSubmit={(event) => event.preventDefault()}>
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">Find the service for your needs</p>
          <label htmlFor={useCaseId} className="mt-3 block text-sm font-medium text-slate-900 dark:text-slate-100">
            Start from a use case
          </label>
          <select
            id={useCaseId}
            value={useCase}
            onChange={(event) => update(needsOf(props, event.target.value), event.target.value)}
            className="mt-1 w-full max-w-sm rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
          >
            <option value="">(none: tick the needs yourself)</option>
            {useCases.map((row) => (
              <option key={row.name} value={row.name}>
                {row.name}
              </option>
            ))}
          </select>
          <fieldset className="mt-3 min-w-0">
            <legend className="text-sm font-medium text-slate-900 dark:text-slate-100">
              What do you need?
            </legend>
            <div className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2">
              {needs.map((need) => (
                <label key={need.id} className="flex cursor-pointer items-start gap-2 py-0.5 text-sm text-slate-800 dark:text-slate-200">
                  <input
                    type="checkbox"
                    value={need.id}
                    checked={ticked.includes(need.id)}
                    onChange={(event) => update(event.target.checked ? [...ticked, need.id] : ticked.filter((id) => id !== need.id))}
                    className="mt-0.5 accent-brand-600"
                  />
                  <span>{need.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
            <label className="flex cursor-pointer items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
              <input type="checkbox" checked={onlyTicked} onChange={(event) => setOnlyTicked(event.target.checked)} className="accent-brand-600" />
              Show only the needs I ticked
            </label>
            <button
              type="button"
              onClick={() => update([])}
              disabled={ticked.length === 0}
              className="rounded-md border border-slate-300 px-3 py-1 text-sm font-semibold text-slate-800 hover:border-slate-500 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:text-slate-200"
            >
              Clear
            </button>
          </div>
          <p role="status" aria-live="polite" className="mt-3 rounded-lg bg-slate-100 px-3 py-2 text-sm font-medium text-slate-900 dark:bg-slate-800 dark:text-slate-100" data-verdict>
            {verdict(props, ticked)}
          </p>
        </form>
      ) : null}

      <ScrollRegion label={offersCaption}>
        <table className="comparison-table w-full border-collapse text-left text-sm" data-offers>
          <caption className="mb-2 text-left text-sm font-medium text-slate-700 dark:text-slate-300">{offersCaption}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300 dark:border-slate-600">
              <th scope="col" className="sticky left-0 bg-white px-3 py-2 font-semibold text-slate-900 dark:bg-slate-950 dark:text-slate-100">
                Need
              </th>
              {services.map((service) => (
                <th
                  key={service.id}
                  scope="col"
                  data-service={service.id}
                  data-meets-all={meeting.has(service.id) ? "true" : undefined}
                  className={`px-3 py-2 font-semibold text-slate-900 lg:px-2 dark:text-slate-100 ${meeting.has(service.id) ? "bg-emerald-50 dark:bg-emerald-950/60" : ""}`}
                >
                  {service.name}
                  {meeting.has(service.id) ? <span className="mt-1 block w-fit rounded-full bg-emerald-700 px-2 py-0.5 text-xs font-semibold text-white dark:bg-emerald-300 dark:text-emerald-950">meets all ticked needs</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shownNeeds.map((need) => {
              const isTicked = running && ticked.includes(need.id);
              return (
                <tr key={need.id} data-need={need.id} data-ticked={isTicked ? "true" : undefined} className={`border-b border-slate-200 align-top dark:border-slate-700 ${isTicked ? "bg-brand-50 dark:bg-slate-800" : ""}`}>
                  <th scope="row" className={`sticky left-0 px-3 py-2 font-medium text-slate-900 dark:text-slate-100 ${isTicked ? "bg-brand-50 dark:bg-slate-800" : "bg-white dark:bg-slate-950"}`}>
                    {need.label}
                  </th>
                  {services.map((service) => {
                    const cell = need.cells[service.id]!;
                    return (
                      <td key={service.id} data-service={service.id} data-meets={cell.meets ? "true" : "false"} className={`min-w-36 px-3 py-2 [overflow-wrap:anywhere] lg:min-w-0 lg:px-2 ${meeting.has(service.id) && isTicked ? "bg-emerald-50 dark:bg-emerald-950/60" : ""}`}>
                        <span className={`font-semibold ${cell.meets ? "text-emerald-800 dark:text-emerald-300" : "text-rose-800 dark:text-rose-300"}`}>
                          <span aria-hidden="true">{cell.meets ? "✓ " : "✗ "}</span>
                          {cell.meets ? "Yes" : "No"}
                        </span>
                        <span className="block text-slate-700 dark:text-slate-300">{cell.note}</span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
