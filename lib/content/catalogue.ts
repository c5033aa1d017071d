import * as z from "zod";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slugs are kebab-case");

const publishedChapter = z.strictObject({
  number: z.number().int().positive(),
  slug,
  title: z.string().trim().min(3),
  status: z.literal("published"),
  summary: z.string().trim().min(20),
  /** The exams this chapter prepares for, shown on the catalogue. */
  exams: z.array(z.string().trim().min(3)).min(1),
});

const plannedChapter = z.strictObject({
  number: z.number().int().positive(),
  slug,
  title: z.string().trim().min(3),
  status: z.literal("planned"),
});

export const catalogueSchema = z.strictObject({
  chapters: z
    .array(z.discriminatedUnion("status", [publishedChapter, plannedChapter]))
    .min(1)
    .superRefine((chapters, ctx) => {
      const numbers = new Set<number>();
      const slugs = new Set<string>();
      chapters.forEach((chapter, index) => {
        if (numbers.has(chapter.number)) ctx.addIssue({ code: "custom", path: [index, "number"], message: `duplicate chapter number ${chapter.number}` });
        if (slugs.has(chapter.slug)) ctx.addIssue({ code: "custom", path: [index, "slug"], message: `duplicate chapter slug ${chapter.slug}` });
        numbers.add(chapter.number);
        slugs.add(chapter.slug);
      });
    }),
});

export type CatalogueEntry = z.output<typeof catalogueSchema>["chapters"][number];
export type PublishedCatalogueEntry = Extract<CatalogueEntry, { status: "published" }>;
