import type { Metadata } from "next";
import Link from "next/link";
import { isSitePath } from "@/lib/content/site-paths";

export const metadata: Metadata = { title: "Report a problem", robots: { index: false } };

type Props = { searchParams: Promise<{ page?: string | string[]; error?: string | string[] }> };

/** Where the report form lands when the browser runs no JavaScript. */
export default async function FeedbackSentPage({ searchParams }: Props) {
  const { page, error } = await searchParams;
  const back = typeof page === "string" && isSitePath(page) ? page : "/";
  const problem = typeof error === "string" ? error.slice(0, 300) : undefined;
  return (
    <div className="mx-auto max-w-2xl py-8">
      <h1 className="text-2xl font-bold">{problem ? "Your report was not sent" : "Thank you for your report"}</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        {problem ? `It could not be saved: ${problem} Go back, correct it and send it again.` : "It is saved and the authors will read it."}
      </p>
      <p className="mt-6">
        <Link href={back} className="font-semibold text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-300">
          Back to the page
        </Link>
      </p>
    </div>
  );
}
