import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { courseForRequest } from "@/app/_components/mdx/course";
import { findSection } from "@/lib/content/queries";
import { Breadcrumbs } from "@/app/_components/chapter/Breadcrumbs";
import { ExamPointsTaught } from "@/app/_components/chapter/ExamPointsTaught";
import { FeedbackForm } from "@/app/_components/chapter/FeedbackForm";
import { MarkAsRead } from "@/app/_components/chapter/MarkAsRead";
import { PrevNext } from "@/app/_components/chapter/PrevNext";
import { SectionNav } from "@/app/_components/chapter/SectionNav";
import { TableOfContents } from "@/app/_components/chapter/TableOfContents";
import { CodeBlockActions } from "@/app/_components/mdx/CodeBlockActions";
import { MdxContent } from "@/app/_components/mdx/MdxContent";

export const dynamicParams = false;

export async function generateStaticParams() {
  const course = await courseForRequest();
  return course.chapters.flatMap((chapter) => chapter.sections.map((section) => ({ chapter: chapter.slug, section: section.slug })));
}

type Params = { params: Promise<{ chapter: string; section: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { chapter, section } = await params;
  const found = findSection(await courseForRequest(), chapter, section);
  if (!found) return {};
  return { title: `${found.section.title} (Chapter ${found.chapter.number})`, description: found.section.summary };
}

export default async function SectionPage({ params }: Params) {
  const { chapter: chapterSlug, section: sectionSlug } = await params;
  const course = await courseForRequest();
  const found = findSection(course, chapterSlug, sectionSlug);
  if (!found) notFound();
  const { chapter, section, position } = found;
  const points = section.examPoints.map((id) => course.examPoints.find((point) => point.id === id)).filter((point) => point !== undefined);

  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[15rem_minmax(0,1fr)] xl:grid-cols-[15rem_minmax(0,1fr)_13rem]">
      <SectionNav chapter={chapter} current={section.slug} />
      <article className="min-w-0" aria-labelledby="section-title">
        <Breadcrumbs
          trail={[
            { label: "Chapters", href: "/" },
            { label: `Chapter ${chapter.number}: ${chapter.title}`, href: chapter.href },
          ]}
          current={`${chapter.number}.${position}`}
        />
        <header className="mt-4">
          <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">
            {chapter.number}.{position} · {section.minutes} min read
          </p>
          <h1 id="section-title" className="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">
            {section.title}
          </h1>
          <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{section.summary}</p>
        </header>
        <ExamPointsTaught points={points} />
        <div className="xl:hidden">
          <TableOfContents headings={section.facts.headings} collapsible />
        </div>
        <div className="prose prose-slate mt-8 max-w-none dark:prose-invert prose-headings:scroll-mt-24 prose-a:text-brand-700 dark:prose-a:text-brand-300 prose-code:before:content-none prose-code:after:content-none">
          <MdxContent code={section.code} />
        </div>
        <CodeBlockActions />
        <MarkAsRead path={section.href} />
        <PrevNext previous={found.previous} next={found.next} chapter={chapter} />
        <FeedbackForm pagePath={section.href} />
      </article>
      <div className="hidden xl:block">
        <div className="sticky top-20">
          <TableOfContents headings={section.facts.headings} />
        </div>
      </div>
    </div>
  );
}
