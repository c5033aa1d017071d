/**
 * How content maps to site paths: the one naming rule for section files
 * (`NN-slug.mdx`) and the paths of chapters and sections. Kept apart from the
 * compiler so the server can use it without loading the MDX toolchain.
 */
export const SECTION_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

export const chapterHref = (chapterSlug: string) => `/chapters/${chapterSlug}`;
export const sectionHref = (chapterSlug: string, sectionSlug: string) => `/chapters/${chapterSlug}/${sectionSlug}`;
