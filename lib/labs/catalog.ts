/**
 * The labs of the course, compiled once per process (every call in
 * development, so edits show on reload), with the exam-point and errata ids
 * of the course they belong to.
 */
import { loadCourse } from "@/lib/content/course";
import { contentFiles } from "@/lib/content/paths";
import { compileLabs } from "./compile-lab";
import type { Lab } from "./lab";

let cached: Promise<Lab[]> | undefined;

async function build(): Promise<Lab[]> {
  const course = await loadCourse();
  return compileLabs(contentFiles.labs, {
    examPointIds: new Set(course.examPoints.map((point) => point.id)),
    errataIds: new Set(course.errata.corrections.map((correction) => correction.id)),
  });
}

export function loadLabs(): Promise<Lab[]> {
  if (process.env.NODE_ENV === "development") return build();
  cached ??= build();
  return cached;
}

export async function findLab(id: string): Promise<Lab | undefined> {
  return (await loadLabs()).find((lab) => lab.id === id);
}
