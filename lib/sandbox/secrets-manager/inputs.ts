import * as z from "zod";
import { aws } from "../core/validation";
import { FILTER_KEYS } from "./filters";

/**
 * Request members shared by the operations, with the model's constraints
 * (botocore secretsmanager 2017-10-17). Secret values are sensitive: a
 * constraint failure names the member but never shows the value, as AWS does.
 */

export const secretId = aws.string({ min: 1, max: 2048 });
export const clientRequestToken = aws.string({ min: 32, max: 64 });
export const versionId = aws.string({ min: 32, max: 64 });
export const versionStage = aws.string({ min: 1, max: 256 });
export const kmsKeyId = aws.string({ min: 0, max: 2048 });
export const description = aws.string({ max: 2048 });

/** SecretString: 1-65,536 characters; the value never appears in the error. */
export const secretString = z.string().superRefine((value, ctx) => {
  const length = [...value].length;
  const hidden = new Uint8Array();
  if (length < 1) ctx.addIssue({ code: "custom", message: "Member must have length greater than or equal to 1", input: hidden });
  if (length > 65536) ctx.addIssue({ code: "custom", message: "Member must have length less than or equal to 65536", input: hidden });
});

export const secretBinary = aws.blob({ min: 1, max: 65536 });

export const tag = z.object({ Key: aws.string({ min: 1, max: 128 }), Value: aws.string({ max: 256 }) });
export const tagList = aws.list(tag);

export const filter = z.object({
  Key: aws.enum(FILTER_KEYS),
  Values: aws.list(aws.string({ max: 512, pattern: /^\!?[a-zA-Z0-9 :_@\/\+\=\.\-\!]*$/ }), { min: 1, max: 10 }),
});
export const filterList = aws.list(filter, { max: 10 });

export const rotationRules = z.object({
  // The 1-1000 range is checked by the service (InvalidParameterException), see schedule.ts.
  AutomaticallyAfterDays: aws.integer().optional(),
  Duration: aws.string({ min: 2, max: 3, pattern: /^[0-9h]+$/ }).optional(),
  ScheduleExpression: aws.string({ min: 1, max: 256, pattern: /^[0-9A-Za-z\(\)#\?\*\-\/, ]+$/ }).optional(),
});
