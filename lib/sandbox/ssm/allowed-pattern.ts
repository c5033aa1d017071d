import { AwsServiceError } from "../core/errors";
import { compileRegex, RegexCompileError } from "../shell/regex-engine";
import * as errors from "./errors";

/**
 * AllowedPattern, checked with the sandbox's regular-expression engine: RE2
 * (linear in the value's length) for every pattern RE2 can express, and a
 * backtracking matcher, stopped after a deadline, for the rest
 * (back-references, lookaround). A JavaScript RegExp here let one 100-byte
 * PutParameter with AllowedPattern ^(a+)+$ hold the engine for seconds.
 *
 * NOTE: AWS checks AllowedPattern with Java's regular expressions; the
 * sandbox reads Perl/RE2 syntax, which agrees on the patterns parameters use
 * (classes, anchors, counts, alternation). A pattern that needs the
 * backtracking matcher for longer than the deadline is refused with the
 * sandbox's own message.
 */
const DEADLINE_MS = 250;

class TooSlow extends Error {}

export function checkAllowedPattern(pattern: string, value: string): void {
  const deadline = globalThis.performance.now() + DEADLINE_MS;
  const check = () => {
    if (globalThis.performance.now() > deadline) throw new TooSlow();
  };
  let regex;
  try {
    regex = compileRegex(pattern, {}, check);
  } catch (error) {
    if (error instanceof RegexCompileError) throw errors.invalidAllowedPattern(pattern);
    throw error;
  }
  let matches: boolean;
  try {
    matches = regex.test(value);
  } catch (error) {
    if (!(error instanceof TooSlow)) throw error;
    throw new AwsServiceError("ValidationException", `The sandbox stopped checking the value against AllowedPattern ${pattern} after ${DEADLINE_MS} ms: the pattern backtracks too much (simplify it, for example without nested repetition).`);
  }
  if (!matches) throw errors.patternMismatch(pattern);
}
