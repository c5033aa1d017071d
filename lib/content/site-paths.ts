import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { contentFiles } from "./paths";
import { chapterHref, SECTION_FILE, sectionHref } from "./routes";

let cached: Set<string> | undefined;

/**
 * Every page path of the site, read from the catalogue and the section file
 * names without compiling any MDX, so the server can validate a path quickly.
 */
export function sitePaths(): Set<string> {
  if (cached) return cached;
  const paths = new Set(["/", "/exam-points", "/errata", "/labs"]);
  for (const file of readdirSync(contentFiles.labs).filter((name) => name.endsWith(".mdx"))) paths.add(`/labs/${file.slice(0, -".mdx".length)}`);
  const catalogue = parse(readFileSync(contentFiles.catalogue, "utf8")) as { chapters: { slug: string; status: string }[] };
  for (const chapter of catalogue.chapters) {
    if (chapter.status !== "published") continue;
    paths.add(chapterHref(chapter.slug));
    for (const file of readdirSync(path.join(contentFiles.chapters, chapter.slug))) {
      const match = SECTION_FILE.exec(file);
      if (match?.[2]) paths.add(sectionHref(chapter.slug, match[2]));
    }
  }
  cached = paths;
  return paths;
}

export function isSitePath(candidate: string): boolean {
  return sitePaths().has(candidate);
}
