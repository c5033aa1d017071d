/**
 * Pattern matching as IAM does it for Action, Resource and the string/ARN
 * condition operators: `*` matches any run of characters (including none and
 * including `:` and `/`), `?` matches exactly one character, everything else is
 * literal. Policy variables (`${aws:username}`) are resolved from the request
 * context when the policy's Version is 2012-10-17; under 2008-10-17 AWS treats
 * them as literal text, and so do we.
 */

export type ContextValue = string | string[] | boolean | number;
export type Context = Record<string, ContextValue>;

/** Context keys are case-insensitive in AWS (`aws:SourceIp` = `AWS:sourceip`). */
export function lookupContext(context: Context, key: string): string[] | undefined {
  const wanted = key.toLowerCase();
  for (const [name, value] of Object.entries(context)) {
    if (name.toLowerCase() !== wanted) continue;
    const values = Array.isArray(value) ? value : [String(value)];
    return values;
  }
  return undefined;
}

/** Part of a policy string: `literal` text came from a variable, so `*` and `?` in it are not wildcards. */
interface Piece {
  literal: boolean;
  text: string;
}

const VARIABLE = /\$\{([^}]*)\}/g;

/**
 * Resolves `${key}` variables to their context value (`${*}`, `${?}`, `${$}`
 * stand for those characters), splitting a policy string into pieces: text from
 * the policy (where * and ? are wildcards) and substituted text (always literal). Returns
 * undefined when a variable has no single value in the context: AWS then treats
 * the element as not matching.
 */
function resolve(pattern: string, variables: Context | undefined): Piece[] | undefined {
  if (!variables || !pattern.includes("${")) return [{ literal: false, text: pattern }];
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of pattern.matchAll(VARIABLE)) {
    const index = match.index ?? 0;
    pieces.push({ literal: false, text: pattern.slice(last, index) });
    const name = (match[1] ?? "").trim();
    if (name === "*" || name === "?" || name === "$") {
      pieces.push({ literal: true, text: name });
    } else {
      const value = lookupContext(variables, name);
      if (!value || value.length !== 1) return undefined;
      pieces.push({ literal: true, text: value[0] ?? "" });
    }
    last = index + match[0].length;
  }
  pieces.push({ literal: false, text: pattern.slice(last) });
  return pieces;
}

type Token = { kind: "star" } | { kind: "one" } | { kind: "char"; char: string };

/** The pattern as tokens, by code point: `*` and `?` from the policy are wildcards, substituted text is literal. */
function tokensOf(pieces: Piece[], ignoreCase: boolean): Token[] {
  const tokens: Token[] = [];
  for (const piece of pieces) {
    for (const char of piece.text) {
      if (!piece.literal && char === "*") {
        // Consecutive stars match what one does.
        if (tokens.at(-1)?.kind !== "star") tokens.push({ kind: "star" });
      } else if (!piece.literal && char === "?") tokens.push({ kind: "one" });
      else tokens.push({ kind: "char", char: ignoreCase ? char.toLowerCase() : char });
    }
  }
  return tokens;
}

/**
 * Whole-value glob match in at most pattern × value steps: the classic
 * backtrack-to-the-last-star scan. (A regular expression built from the
 * pattern backtracks exponentially on patterns such as `*a*a*a…b`: a crafted
 * policy held a request for seconds.)
 */
function globMatch(tokens: readonly Token[], value: readonly string[]): boolean {
  let t = 0;
  let v = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (v < value.length) {
    const token = tokens[t];
    if (token && (token.kind === "one" || (token.kind === "char" && token.char === value[v]))) {
      t += 1;
      v += 1;
    } else if (token?.kind === "star") {
      starAt = t;
      resumeAt = v;
      t += 1;
    } else if (starAt !== -1) {
      t = starAt + 1;
      resumeAt += 1;
      v = resumeAt;
    } else {
      return false;
    }
  }
  while (tokens[t]?.kind === "star") t += 1;
  return t === tokens.length;
}

/** `*`/`?` wildcard match of the whole value. */
export function wildcardMatch(pattern: string, value: string, options: { ignoreCase?: boolean; variables?: Context } = {}): boolean {
  const pieces = resolve(pattern, options.variables);
  if (!pieces) return false;
  const ignoreCase = options.ignoreCase === true;
  return globMatch(tokensOf(pieces, ignoreCase), [...(ignoreCase ? value.toLowerCase() : value)]);
}

/** Exact comparison after variable substitution (StringEquals and friends: no wildcards). */
export function exactMatch(pattern: string, value: string, options: { ignoreCase?: boolean; variables?: Context } = {}): boolean {
  const pieces = resolve(pattern, options.variables);
  if (!pieces) return false;
  const expected = pieces.map((piece) => piece.text).join("");
  return options.ignoreCase ? expected.toLowerCase() === value.toLowerCase() : expected === value;
}

/** Actions compare case-insensitively: `KMS:decrypt` is `kms:Decrypt`. */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, { ignoreCase: true });
}

/** Resource ARNs compare case-sensitively; `*` may span `:` and `/`. */
export function resourceMatches(pattern: string, resource: string, variables?: Context): boolean {
  return wildcardMatch(pattern, resource, variables ? { variables } : {});
}

/**
 * ArnEquals / ArnLike: "Each of the six colon-delimited components of the ARN
 * is checked separately and each can include wildcards". A pattern with fewer
 * than six components (such as `arn:aws:kms:*`) cannot match any ARN that way,
 * which is also what AWS does.
 */
export function arnMatches(pattern: string, arn: string, variables?: Context): boolean {
  const split = (text: string): string[] | undefined => {
    const parts = text.split(":");
    if (parts.length < 6) return undefined;
    return [...parts.slice(0, 5), parts.slice(5).join(":")];
  };
  const want = split(pattern);
  const got = split(arn);
  if (!want || !got) return false;
  return want.every((part, i) => wildcardMatch(part, got[i] ?? "", variables ? { variables } : {}));
}
