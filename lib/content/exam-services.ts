/**
 * The services exam points belong to, and how an id names its service. Apart
 * from exam-points.ts (which needs zod to read the YAML) so that browser code
 * such as the quiz memory can use it without loading zod.
 */
export const examServices = ["general", "kms", "secrets-manager", "parameter-store"] as const;
export type ExamService = (typeof examServices)[number];

export const examServiceNames: Record<ExamService, string> = {
  general: "Choosing and combining services",
  kms: "AWS KMS",
  "secrets-manager": "AWS Secrets Manager",
  "parameter-store": "Parameter Store",
};

/** The service an exam point id names by its prefix (`kms.key-types` is kms); anything else is general. */
export function serviceOf(id: string): ExamService {
  const prefix = id.slice(0, id.indexOf("."));
  return (examServices as readonly string[]).includes(prefix) ? (prefix as ExamService) : "general";
}
