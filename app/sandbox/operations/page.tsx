import type { Metadata } from "next";
import Link from "next/link";
import { serviceSimplifications, supportedOperations } from "@/lib/sandbox/cli";

export const metadata: Metadata = {
  title: "What the sandbox simulates",
  description: "Every operation of KMS, Secrets Manager, Parameter Store and STS, and whether the sandbox runs it.",
};

/**
 * Generated from the sandbox's own code: the CLI's models list every
 * operation of each service, and the engine says which it implements. So
 * this page cannot claim an operation the sandbox does not run.
 */
export default function OperationsPage() {
  const rows = supportedOperations();
  const services = serviceSimplifications();
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-3xl font-bold tracking-tight">What the sandbox simulates</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        The <Link href="/sandbox" className="underline underline-offset-2 hover:no-underline">sandbox</Link> runs the AWS CLI commands below against a
        simulated AWS in your browser. A command marked “not simulated” is a real AWS command the sandbox does not run: it says so when you type it,
        rather than pretend. Where the simulation differs from AWS, the notes say how.
      </p>
      <nav aria-label="Services" className="mt-4 flex flex-wrap gap-3 text-sm">
        {services.map((service) => (
          <a key={service.service} href={`#${service.service}`} className="rounded-md px-2 py-1 ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-600 dark:hover:bg-slate-800">
            {service.title}
          </a>
        ))}
      </nav>
      {services.map((service) => {
        const ops = rows.filter((row) => row.service === service.service);
        const supported = ops.filter((row) => row.supported);
        return (
          <section key={service.service} id={service.service} aria-labelledby={`${service.service}-title`} className="mt-10 scroll-mt-24">
            <h2 id={`${service.service}-title`} className="text-xl font-semibold">
              {service.title}{" "}
              <span className="text-base font-normal text-slate-600 dark:text-slate-400">
                ({supported.length} of {ops.length} operations)
              </span>
            </h2>
            {service.simplifications.length > 0 ? (
              <details className="mt-3 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700">
                <summary className="cursor-pointer font-medium">How the sandbox differs from AWS</summary>
                <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
                  {service.simplifications.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </details>
            ) : null}
            <div role="region" aria-label={`${service.title} operations`} tabIndex={0} className="mt-4 overflow-x-auto">
              <table className="w-full border-collapse text-left text-sm">
                <thead>
                  <tr className="border-b-2 border-slate-300 dark:border-slate-600">
                    <th scope="col" className="px-2 py-2">Command</th>
                    <th scope="col" className="px-2 py-2">In the sandbox</th>
                    <th scope="col" className="px-2 py-2">Notes</th>
                  </tr>
                </thead>
                <tbody>
                  {ops.map((row) => (
                    <tr key={row.operation} className="border-b border-slate-200 align-top dark:border-slate-700">
                      <th scope="row" className="px-2 py-1.5 font-normal">
                        <code className="font-mono text-[0.85rem]">
                          aws {row.service} {row.command}
                        </code>
                      </th>
                      <td className="px-2 py-1.5 whitespace-nowrap">
                        {row.supported ? (
                          <span className="font-medium text-emerald-800 dark:text-emerald-300">{row.partial ? "◐ Partly simulated" : "✓ Simulated"}</span>
                        ) : (
                          <span className="text-slate-600 dark:text-slate-400">Not simulated</span>
                        )}
                      </td>
                      <td className="px-2 py-1.5 text-slate-700 dark:text-slate-300">
                        {row.summary}
                        {row.summary && row.note ? " " : null}
                        {row.note ? <span className="text-slate-600 dark:text-slate-400">{row.note}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
