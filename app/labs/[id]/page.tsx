import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LabProvider } from "@/app/_components/labs/lab-context";
import { LabStatus } from "@/app/_components/labs/LabStatus";
import { LabTerminal } from "@/app/_components/labs/LabTerminal";
import { labComponents } from "@/app/_components/labs/lab-mdx-components";
import { MdxContent } from "@/app/_components/mdx/MdxContent";
import { findLab, loadLabs } from "@/lib/labs/catalog";
import { definitionOf } from "@/lib/labs/lab";

export async function generateStaticParams() {
  return (await loadLabs()).map((lab) => ({ id: lab.id }));
}

export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const lab = await findLab((await params).id);
  return lab ? { title: `Lab: ${lab.title}`, description: lab.summary } : {};
}

/** A lab: its guide (steps ticked live) beside its own sandbox's terminal; stacked on a narrow screen. */
export default async function LabPage({ params }: { params: Promise<{ id: string }> }) {
  const lab = await findLab((await params).id);
  if (!lab) notFound();
  return (
    <LabProvider definition={definitionOf(lab)}>
      <div className="grid gap-6 pb-12 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
        <article className="min-w-0">
          <p className="text-sm">
            <Link href="/labs" className="text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-300">
              Labs
            </Link>
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{lab.title}</h1>
          <p className="mt-2 text-slate-700 dark:text-slate-300">{lab.summary}</p>
          <LabStatus />
          <div className="prose prose-slate max-w-none dark:prose-invert prose-a:text-brand-700 dark:prose-a:text-brand-300 prose-code:before:content-none prose-code:after:content-none">
            <MdxContent code={lab.code} components={labComponents} />
          </div>
        </article>
        <div className="h-[70dvh] min-h-[26rem] min-w-0 lg:sticky lg:top-20 lg:h-[calc(100dvh-6rem)]">
          <LabTerminal />
        </div>
      </div>
    </LabProvider>
  );
}
