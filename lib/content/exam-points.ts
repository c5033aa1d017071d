import * as z from "zod";

import { examServices, type ExamService } from "./exam-services";

export { examServiceNames, examServices, serviceOf, type ExamService } from "./exam-services";

const idPattern = new RegExp(`^(${examServices.join("|")})\\.[a-z0-9]+(?:-[a-z0-9]+)*$`);

export const examPointSchema = z.strictObject({
  /** Stable id, `<service>.<kebab-name>`. Progress and quizzes refer to it: never rename. */
  id: z.string().regex(idPattern, "ids look like kms.envelope-encryption: a service prefix (" + examServices.join(", ") + "), a dot, then kebab-case"),
  /** A short name for lists and badges. */
  title: z.string().trim().min(3).max(80),
  /** The fact itself, as a learner should be able to state it in the exam. */
  statement: z.string().trim().min(20).max(400),
  /** The number of the seed chapter's exam tip this point comes from (27.9), if any. */
  seedTip: z.number().int().min(1).max(10).optional(),
});

export const examPointsFileSchema = z
  .array(examPointSchema)
  .min(1)
  .superRefine((points, ctx) => {
    const seen = new Set<string>();
    points.forEach((point, index) => {
      if (seen.has(point.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `duplicate exam point id "${point.id}"` });
      seen.add(point.id);
    });
  });

export type ExamPoint = z.output<typeof examPointSchema> & { service: ExamService };
