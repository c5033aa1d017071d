import type { Metadata } from "next";
import Link from "next/link";
import { isSitePath } from "@/lib/content/site-paths";
import { feedbackFailureMessages } from "@/lib/feedback/form";

export const metadata: Metadata = { title: "Report a problem", robots: { index: false } };

type Props = { searchParams: Promise<{ page?: string | string[]; error?: string | string[] }> };

/** Where the report form lands when the browser runs no JavaScript. */
export default async function FeedbackSentPage({ searchParams }: Props) {
  const { page, error } = await searchParams;
  const back = typeof page === "string" && isSitePath(page) ? page : "/";
  // Only fixed sentences are shown: a link someone else crafted cannot put words on this page.
  const problem = typeof error === "string" ? (Object.hasOwn(feedbackFailureMessages, error) ? feedbackFailureMessages[error] : "The report could not be saved.") : undefined;
  return (
    <div className="mx-auto max-w-2xl py-8">
      <h1 className="text-2xl font-bold">{problem ? "Your report was not sent" : "Thank you for your report"}</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        {problem ? `${problem} Go back, correct it and send it again.` : "It is saved and the authors will read it."}
      </p>
      <p className="mt-6">
        <Link href={back} className="font-semibold text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-300">
          Back to the page
        </Link>
      </p>
    </div>
  );
}
