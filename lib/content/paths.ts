import path from "node:path";

/** Where the course content lives by default; everything under it is checked at build time. */
export const defaultContentRoot = path.join(process.cwd(), "content");

export interface ContentFiles {
  catalogue: string;
  examPoints: string;
  errata: string;
  chapters: string;
  labs: string;
}

export function contentFilesIn(root: string = defaultContentRoot): ContentFiles {
  return {
    catalogue: path.join(root, "catalogue.yaml"),
    examPoints: path.join(root, "exam-points.yaml"),
    errata: path.join(root, "errata.yaml"),
    chapters: path.join(root, "chapters"),
    labs: path.join(root, "labs"),
  };
}

export const contentFiles: ContentFiles = contentFilesIn();

/** A path as an author sees it in messages: relative to the project root. */
export function displayPath(absolute: string): string {
  return path.relative(process.cwd(), absolute) || absolute;
}
