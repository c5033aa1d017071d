import * as z from "zod";
import { defineOperation } from "../../core/operation";
import { aws } from "../../core/validation";
import { authorizeAccountAction } from "../access";
import { generatePassword } from "../password";

/** GetRandomPassword: a password from the sandbox's seeded generator (see password.ts). */
export const getRandomPassword = defineOperation({
  name: "GetRandomPassword",
  readOnly: true,
  sensitive: { response: ["RandomPassword"] },
  input: z.object({
    PasswordLength: aws.integer({ min: 1, max: 4096 }).optional(),
    ExcludeCharacters: aws.string({ max: 4096 }).optional(),
    ExcludeNumbers: aws.boolean().optional(),
    ExcludePunctuation: aws.boolean().optional(),
    ExcludeUppercase: aws.boolean().optional(),
    ExcludeLowercase: aws.boolean().optional(),
    IncludeSpace: aws.boolean().optional(),
    RequireEachIncludedType: aws.boolean().optional(),
  }),
  handler(ctx, input) {
    authorizeAccountAction(ctx, "GetRandomPassword");
    const password = generatePassword(
      {
        length: input.PasswordLength ?? 32,
        excludeCharacters: input.ExcludeCharacters ?? "",
        excludeNumbers: input.ExcludeNumbers ?? false,
        excludePunctuation: input.ExcludePunctuation ?? false,
        excludeUppercase: input.ExcludeUppercase ?? false,
        excludeLowercase: input.ExcludeLowercase ?? false,
        includeSpace: input.IncludeSpace ?? false,
        requireEachIncludedType: input.RequireEachIncludedType ?? true,
      },
      ctx.random,
    );
    return { RandomPassword: password };
  },
});
