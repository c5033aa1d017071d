import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 py-8 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
      <div className="mx-auto max-w-7xl px-4">
        <p>
          Facts are checked against AWS documentation; where older study material differs, the{" "}
          <Link href="/errata" className="underline underline-offset-2 hover:no-underline">
            corrections page
          </Link>{" "}
          says what changed and cites the source. AWS and the names of AWS services are trademarks of Amazon.com, Inc. or its affiliates; this
          course is independent of AWS.
        </p>
        <p className="mt-2">
          <Link href="/exam-points" className="underline underline-offset-2 hover:no-underline">
            Every exam point
          </Link>{" "}
          and where it is taught.{" "}
          <Link href="/dashboard" className="underline underline-offset-2 hover:no-underline">
            Your dashboard
          </Link>
          : where you stand.{" "}
          <Link href="/labs" className="underline underline-offset-2 hover:no-underline">
            Labs
          </Link>
          : guided practice in the sandbox, checked step by step.
        </p>
      </div>
    </footer>
  );
}
