import * as z from "zod";

const sourceSchema = z.strictObject({
  title: z.string().trim().min(3),
  url: z.url({ protocol: /^https$/, hostname: /(^|\.)(aws\.amazon\.com|amazon\.com|github\.com)$/ }),
});

/**
 * One correction to what older study material (the seed chapter among it)
 * says. The site lists them on /errata and the section shows each where the
 * fact is taught.
 */
export const correctionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Short name of the fact. */
  topic: z.string().trim().min(3).max(80),
  /** What older material (and the seed) says, quoted or closely paraphrased. */
  olderMaterial: z.string().trim().min(5),
  /** Where the seed says it (e.g. "27.2 Key types; 27.9 exam tip 7"). */
  seedLocation: z.string().trim().min(3),
  /** The fact as AWS documents it today. */
  current: z.string().trim().min(10),
  /** When AWS changed it, where known (e.g. "May 2022"). */
  changed: z.string().trim().min(3).optional(),
  /** Section slug where the chapter teaches the current fact. */
  section: z.string().regex(/^[a-z0-9-]+$/),
  sources: z.array(sourceSchema).min(1),
});

export const errataFileSchema = z.strictObject({
  /** The date the corrections were last checked against AWS documentation (YYYY-MM-DD). */
  checked: z.iso.date(),
  corrections: z.array(correctionSchema).min(1),
});

export type Correction = z.output<typeof correctionSchema>;
export type Errata = z.output<typeof errataFileSchema>;
