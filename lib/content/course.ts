import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { catalogueSchema, type CatalogueEntry, type PublishedCatalogueEntry } from "./catalogue";
import { compileSectionCached } from "./compile-cache";
import { ContentError, ContentErrors } from "./content-error";
import { errataFileSchema, type Errata } from "./errata";
import { examPointsFileSchema, serviceOf, type ExamPoint } from "./exam-points";
import type { SectionFrontmatter } from "./frontmatter";
import { contentFingerprint } from "./content-fingerprint";
import { contentFilesIn, defaultContentRoot, displayPath, type ContentFiles } from "./paths";
import { estimateMinutes, isPlausibleMinutes } from "./reading-time";
import { chapterHref, SECTION_FILE, sectionHref } from "./routes";
import type { SectionFacts } from "./section-facts";
import { parseYamlWithSchema } from "./yaml-source";

export interface Section extends SectionFrontmatter {
  chapterSlug: string;
  slug: string;
  /** Site path of the section's page. */
  href: string;
  /** Source file, relative to the project root. */
  file: string;
  code: string;
  facts: SectionFacts;
}

export interface Chapter extends PublishedCatalogueEntry {
  href: string;
  sections: Section[];
  minutes: number;
}

export interface Course {
  catalogue: CatalogueEntry[];
  chapters: Chapter[];
  examPoints: ExamPoint[];
  errata: Errata;
}

export { chapterHref, sectionHref } from "./routes";

/**
 * Reads, validates and compiles the whole course, then checks what no single
 * file can: every exam point is taught, every link and id resolves, quiz ids
 * are unique, reading times are believable. Throws ContentErrors listing
 * every problem with its file and line.
 */
export async function buildCourse(contentRoot?: string): Promise<Course> {
  const contentFiles = contentFilesIn(contentRoot);
  const errors: ContentError[] = [];
  const collect = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ContentErrors) errors.push(...error.errors);
      else if (error instanceof ContentError) errors.push(error);
      else throw error;
      return undefined;
    }
  };

  const readYaml = async <S extends Parameters<typeof parseYamlWithSchema>[1]>(file: string, schema: S) =>
    collect(async () => parseYamlWithSchema(await readFile(file, "utf8"), schema, displayPath(file)));

  const [catalogue, examPointsRaw, errata] = await Promise.all([
    readYaml(contentFiles.catalogue, catalogueSchema),
    readYaml(contentFiles.examPoints, examPointsFileSchema),
    readYaml(contentFiles.errata, errataFileSchema),
  ]);
  if (!catalogue || !examPointsRaw || !errata) throw new ContentErrors(errors);

  const examPoints: ExamPoint[] = examPointsRaw.map((point) => ({ ...point, service: serviceOf(point.id) }));
  const examPointIds = new Set(examPoints.map((point) => point.id));
  const errataIds = new Set(errata.corrections.map((correction) => correction.id));

  const chapterFolders = new Set(await readdir(contentFiles.chapters));
  const chapters: Chapter[] = [];
  for (const entry of catalogue.chapters) {
    const folder = path.join(contentFiles.chapters, entry.slug);
    if (entry.status === "planned") {
      if (chapterFolders.has(entry.slug)) {
        errors.push(new ContentError(displayPath(contentFiles.catalogue), undefined, undefined, `chapter ${entry.number} "${entry.slug}" is planned but ${displayPath(folder)} exists; mark it published`));
      }
      continue;
    }
    if (!chapterFolders.has(entry.slug)) {
      errors.push(new ContentError(displayPath(contentFiles.catalogue), undefined, undefined, `chapter ${entry.number} is published but ${displayPath(folder)} does not exist`));
      continue;
    }
    const sections = await collect(() => buildSections(entry.slug, folder, examPointIds, errataIds));
    if (sections) {
      chapters.push({
        ...entry,
        href: chapterHref(entry.slug),
        sections,
        minutes: sections.reduce((sum, section) => sum + section.minutes, 0),
      });
    }
  }
  for (const folder of chapterFolders) {
    if (!catalogue.chapters.some((entry) => entry.slug === folder)) {
      errors.push(new ContentError(displayPath(path.join(contentFiles.chapters, folder)), undefined, undefined, "folder is not listed in content/catalogue.yaml"));
    }
  }

  const course: Course = { catalogue: catalogue.chapters, chapters, examPoints, errata };
  if (errors.length === 0) errors.push(...crossChecks(course, contentFiles));
  if (errors.length > 0) throw new ContentErrors(errors);
  return course;
}

async function buildSections(
  chapterSlug: string,
  folder: string,
  examPointIds: ReadonlySet<string>,
  errataIds: ReadonlySet<string>,
): Promise<Section[]> {
  const errors: ContentError[] = [];
  const names = (await readdir(folder)).filter((name) => name.endsWith(".mdx")).sort();
  if (names.length === 0) throw new ContentError(displayPath(folder), undefined, undefined, "a published chapter needs at least one section file");
  const sections: Section[] = [];
  await Promise.all(
    names.map(async (name, index) => {
      const file = displayPath(path.join(folder, name));
      const match = SECTION_FILE.exec(name);
      if (!match) {
        errors.push(new ContentError(file, undefined, undefined, "section files are named NN-slug.mdx, e.g. 02-kms.mdx"));
        return;
      }
      try {
        const compiled = await compileSectionCached({
          file,
          source: await readFile(path.join(folder, name), "utf8"),
          examPointIds,
          errataIds,
        });
        const order = Number(match[1]);
        if (compiled.frontmatter.order !== order) {
          errors.push(new ContentError(file, undefined, undefined, `frontmatter order ${compiled.frontmatter.order} does not match the file name's ${order}`));
        }
        if (order !== index + 1) {
          errors.push(new ContentError(file, undefined, undefined, `sections must be numbered 01, 02, ... without gaps; expected ${String(index + 1).padStart(2, "0")}`));
        }
        const slug = match[2] ?? "";
        sections[index] = {
          ...compiled.frontmatter,
          chapterSlug,
          slug,
          href: sectionHref(chapterSlug, slug),
          file,
          code: compiled.code,
          facts: compiled.facts,
        };
      } catch (error) {
        if (error instanceof ContentErrors) errors.push(...error.errors);
        else if (error instanceof ContentError) errors.push(error);
        else throw error;
      }
    }),
  );
  if (errors.length > 0) throw new ContentErrors(errors);
  return sections;
}

function crossChecks(course: Course, contentFiles: ContentFiles): ContentError[] {
  const errors: ContentError[] = [];
  const sections = course.chapters.flatMap((chapter) => chapter.sections);

  const taught = new Set(sections.flatMap((section) => section.examPoints));
  for (const point of course.examPoints) {
    if (!taught.has(point.id)) {
      errors.push(new ContentError(displayPath(contentFiles.examPoints), undefined, undefined, `exam point "${point.id}" is not taught by any section (list it in a section's examPoints and mark it with <ExamPoint>)`));
    }
  }

  const quizIds = new Map<string, string>();
  for (const section of sections) {
    // Quizzes and sandbox tasks share one id space: progress refers to either by id.
    for (const question of [...section.facts.quizzes, ...section.facts.sandboxTasks]) {
      const previous = quizIds.get(question.props.id);
      if (previous) errors.push(new ContentError(section.file, question.line, question.column, `question id "${question.props.id}" is already used in ${previous}`));
      else quizIds.set(question.props.id, `${section.file}:${question.line}`);
    }
  }

  for (const correction of course.errata.corrections) {
    const home = sections.find((section) => section.slug === correction.section);
    if (!home) {
      errors.push(new ContentError(displayPath(contentFiles.errata), undefined, undefined, `correction "${correction.id}": section "${correction.section}" does not exist`));
    } else if (!home.facts.corrections.some((use) => use.id === correction.id)) {
      errors.push(new ContentError(home.file, undefined, undefined, `correction "${correction.id}" belongs to this section (content/errata.yaml) but it has no <Correction id="${correction.id}" />`));
    }
  }

  const anchorsByPath = new Map<string, Set<string>>([
    ["/", new Set()],
    ["/exam-points", new Set(course.examPoints.map((point) => point.id))],
    ["/errata", new Set(course.errata.corrections.map((correction) => correction.id))],
  ]);
  for (const chapter of course.chapters) {
    anchorsByPath.set(chapter.href, new Set());
    for (const section of chapter.sections) {
      anchorsByPath.set(
        section.href,
        new Set([...section.facts.headings.map((heading) => heading.id), ...section.facts.markers.map((marker) => `exam-point-${marker.id}`)]),
      );
    }
  }
  for (const section of sections) {
    for (const link of section.facts.internalLinks) {
      const [path = "", anchor] = link.url.split("#");
      const target = path === "" ? section.href : path;
      const anchors = anchorsByPath.get(target);
      if (!anchors) {
        errors.push(new ContentError(section.file, link.line, link.column, `link to ${link.url}: no such page`));
      } else if (anchor !== undefined && !anchors.has(decodeURIComponent(anchor))) {
        errors.push(new ContentError(section.file, link.line, link.column, `link to ${link.url}: no heading or exam point with id "${anchor}" on that page`));
      }
    }
    const estimate = estimateMinutes(section.facts);
    if (!isPlausibleMinutes(section.minutes, estimate)) {
      errors.push(new ContentError(section.file, undefined, undefined, `minutes: ${section.minutes} does not match the content; it reads in about ${estimate}`));
    }
  }
  return errors;
}

/**
 * A loader for the course under `root`: built once per process, except in
 * development, where it is rebuilt when a content file changes so that edits
 * show on reload. A page calls it once per quiz, exam point and correction it
 * shows, so an unchanged tree costs only a look at the files, and a changed
 * one recompiles only the sections whose source changed (compile-cache.ts).
 */
export function courseLoader(root: string = defaultContentRoot): () => Promise<Course> {
  let cached: Promise<Course> | undefined;
  let cachedFingerprint: string | undefined;
  return async () => {
    if (process.env.NODE_ENV !== "development") {
      cached ??= buildCourse(root);
      return cached;
    }
    const fingerprint = await contentFingerprint(root);
    if (!cached || fingerprint !== cachedFingerprint) {
      cachedFingerprint = fingerprint;
      const building = buildCourse(root);
      cached = building;
      // A course with errors shows as an error page; the next request tries again.
      building.catch(() => {
        if (cached === building) cached = undefined;
      });
    }
    return cached;
  };
}

/** The site's course, from content/. */
export const loadCourse = courseLoader();
