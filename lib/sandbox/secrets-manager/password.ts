import type { SeededRandom } from "../core/random";
import { smErrors } from "./errors";

/**
 * GetRandomPassword [API]: characters from uppercase and lowercase letters,
 * digits and the punctuation ``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~``, optionally
 * a space, minus ExcludeCharacters; with RequireEachIncludedType (the
 * default) at least one of each included type (letters, digits,
 * punctuation). Drawn from the sandbox's seeded generator.
 */

export const LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
export const UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const DIGITS = "0123456789";
export const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

export interface PasswordOptions {
  length: number;
  excludeCharacters: string;
  excludeNumbers: boolean;
  excludePunctuation: boolean;
  excludeUppercase: boolean;
  excludeLowercase: boolean;
  includeSpace: boolean;
  requireEachIncludedType: boolean;
}

export function generatePassword(options: PasswordOptions, random: SeededRandom): string {
  const excluded = new Set(options.excludeCharacters);
  const keep = (alphabet: string) => [...alphabet].filter((character) => !excluded.has(character)).join("");
  const required = [
    options.excludeLowercase ? "" : keep(LOWERCASE),
    options.excludeUppercase ? "" : keep(UPPERCASE),
    options.excludeNumbers ? "" : keep(DIGITS),
    options.excludePunctuation ? "" : keep(PUNCTUATION),
  ].filter((alphabet) => alphabet.length > 0);
  const space = options.includeSpace && !excluded.has(" ") ? " " : "";
  const all = required.join("") + space;
  if (all.length === 0) throw smErrors.passwordNoCharacters();
  if (options.requireEachIncludedType && options.length < required.length) throw smErrors.passwordTooShort();

  const characters: string[] = options.requireEachIncludedType ? required.map((alphabet) => random.string(alphabet, 1)) : [];
  while (characters.length < options.length) characters.push(random.string(all, 1));
  // Fisher-Yates, so the required characters are not always first.
  for (let index = characters.length - 1; index > 0; index--) {
    const other = random.below(index + 1);
    [characters[index], characters[other]] = [characters[other] ?? "", characters[index] ?? ""];
  }
  return characters.join("");
}
