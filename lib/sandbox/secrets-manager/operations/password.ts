import { inputs } from "../../contracts/secretsmanager";
import { defineOperation } from "../../core/operation";
import { authorizeAccountAction } from "../access";
import { generatePassword } from "../password";

/** GetRandomPassword: a password from the sandbox's seeded generator (see password.ts). */
export const getRandomPassword = defineOperation({
  name: "GetRandomPassword",
  readOnly: true,
  sensitive: { response: ["RandomPassword"] },
  input: inputs.GetRandomPassword,
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
