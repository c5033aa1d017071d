import type { Course } from "@/lib/content/course";
import { examServiceNames } from "@/lib/content/exam-points";
import type { CourseOutline } from "./dashboard";

/** What the dashboard needs of the course: chapters, their sections and exam points (no compiled MDX). */
export function courseOutline(course: Course): CourseOutline {
  return {
    chapters: course.chapters.map((chapter) => ({
      slug: chapter.slug,
      title: chapter.title,
      href: chapter.href,
      sections: chapter.sections.map((section) => ({ href: section.href, title: section.title, examPoints: section.examPoints })),
    })),
    examPoints: course.examPoints.map((point) => ({ id: point.id, title: point.title, serviceName: examServiceNames[point.service] })),
  };
}
