/**
 * Automatic pagination as botocore's PageIterator does it: follow the output
 * token until the service says there is no more, honour --max-items,
 * --page-size and --starting-token (the CLI's own base64 JSON tokens), and
 * merge the result keys of every page into one response without the
 * pagination members.
 */
import { GeneralError } from "./errors";
import type { PaginatorSpec } from "./model";
import { b64decode, b64encode, utf8DecodeStrict, utf8Encode } from "./python/base64";
import { jsonDumps, jsonLoads } from "./python/json";
import { isDict, PyDict, PyException, pyInt, pyRepr, pyStr, type PyValue } from "./python/values";

/** Pages a service hands out before the sandbox assumes a token loop AWS would never produce. */
const MAX_PAGES = 10_000;

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function truthy(value: PyValue | undefined): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isDict(value)) return value.size > 0;
  return true;
}

function encodeToken(token: PyDict): string {
  // json.dumps with Python's default separators, then base64.
  return b64encode(utf8Encode(jsonDumps(token)));
}

export interface PaginationConfig {
  maxItems?: number;
  pageSize?: PyValue;
  startingToken?: string;
}

export class PageIterator {
  readonly resultKeys: string[];
  readonly inputTokens: string[];
  readonly outputTokens: string[];
  resumeToken: string | null = null;
  private readonly pages: PyDict[] = [];

  constructor(
    private readonly spec: PaginatorSpec,
    private readonly call: (params: PyDict) => PyDict,
    private readonly params: PyDict,
    private readonly config: PaginationConfig,
  ) {
    this.resultKeys = asList(spec.result_key);
    this.inputTokens = asList(spec.input_token);
    this.outputTokens = asList(spec.output_token);
  }

  private setResumeToken(value: PyDict): void {
    const expected = [...this.inputTokens, ...(value.has("boto_truncate_amount") ? ["boto_truncate_amount"] : [])].sort();
    const actual = [...value.keys()].sort();
    if (expected.join("\0") !== actual.join("\0")) throw new PyException("ValueError", `Bad starting token: ${pyRepr(value)}`);
    this.resumeToken = encodeToken(value);
  }

  private parseStartingToken(): [PyDict, number] {
    const token = this.config.startingToken!;
    try {
      const text = utf8DecodeStrict(b64decode(utf8Encode(token)));
      if (text === null) throw new PyException("ValueError", "utf-8");
      const decoded = jsonLoads(text);
      if (!isDict(decoded)) throw new PyException("AttributeError", `'${Array.isArray(decoded) ? "list" : typeof decoded === "string" ? "str" : decoded === null ? "NoneType" : "int"}' object has no attribute 'pop'`);
      decoded.delete("boto_encoded_keys");
      let index = 0;
      if (decoded.has("boto_truncate_amount")) {
        index = Number(decoded.get("boto_truncate_amount"));
        decoded.delete("boto_truncate_amount");
      }
      return [decoded, index];
    } catch (error) {
      if (error instanceof PyException && error.pyType === "AttributeError") throw error;
      return this.parseDeprecatedToken(token);
    }
  }

  private parseDeprecatedToken(token: string): [PyDict, number] {
    let parts = token.split("___");
    const next: (string | null)[] = [];
    let index = 0;
    if (parts.length === this.inputTokens.length + 1) {
      try {
        index = pyInt(parts.pop()!);
      } catch {
        parts = [token];
      }
    }
    for (const part of parts) next.push(part === "None" ? null : part);
    if (next.length > this.inputTokens.length) throw new PyException("ValueError", `Bad starting token: ${token}`);
    while (next.length < this.inputTokens.length) next.push(null);
    return [PyDict.from(this.inputTokens.map((name, position) => [name, next[position] ?? null])), index];
  }

  private injectToken(kwargs: PyDict, token: PyDict): void {
    for (const [name, value] of token) {
      if (value !== null && value !== "None") kwargs.set(name, value);
      else kwargs.delete(name);
    }
  }

  private nextToken(parsed: PyDict): PyDict {
    if (this.spec.more_results !== undefined && !truthy(parsed.get(this.spec.more_results))) return new PyDict();
    const tokens = new PyDict();
    this.outputTokens.forEach((output, position) => {
      const value = parsed.get(output);
      tokens.set(this.inputTokens[position]!, truthy(value) ? value! : null);
    });
    return tokens;
  }

  /** Every page, requested in order (a failing request throws after the earlier pages were seen). */
  *[Symbol.iterator](): Generator<PyDict> {
    const kwargs = PyDict.from(this.params);
    let previous: PyDict | null = null;
    let next = PyDict.from(this.inputTokens.map((name): [string, PyValue] => [name, null]));
    let starting: [PyDict, number] | null = null;
    if (this.config.startingToken !== undefined) {
      starting = this.parseStartingToken();
      next = starting[0];
      this.injectToken(kwargs, next);
    }
    if (this.config.pageSize !== undefined && this.spec.limit_key) kwargs.set(this.spec.limit_key, this.config.pageSize);
    const primary = this.resultKeys[0]!;
    let total = 0;
    let first = true;
    for (let count = 0; ; count++) {
      if (count >= MAX_PAGES) throw new GeneralError(`Error during pagination: more than ${MAX_PAGES} pages (the sandbox stops here)`);
      const parsed = this.call(PyDict.from(kwargs));
      let startingTruncation = 0;
      if (first) {
        if (starting) {
          startingTruncation = starting[1];
          const all = parsed.get(primary);
          parsed.set(primary, Array.isArray(all) ? all.slice(startingTruncation) : typeof all === "string" ? [...all].slice(startingTruncation).join("") : null);
          for (const key of this.resultKeys.slice(1)) {
            const sample = parsed.get(key);
            parsed.set(key, Array.isArray(sample) ? [] : typeof sample === "string" ? "" : typeof sample === "number" ? 0 : null);
          }
        }
        first = false;
      }
      const current = parsed.get(primary);
      const items = Array.isArray(current) ? current.length : typeof current === "string" ? [...current].length : current === undefined || current === null ? 0 : 0;
      const truncate = this.config.maxItems !== undefined ? total + items - this.config.maxItems : 0;
      if (truncate > 0) {
        const original = Array.isArray(current) ? current : [];
        const keep = original.length - truncate;
        parsed.set(primary, original.slice(0, Math.max(0, keep)));
        next.set("boto_truncate_amount", keep + startingTruncation);
        this.setResumeToken(next);
        this.pages.push(parsed);
        yield parsed;
        return;
      }
      this.pages.push(parsed);
      yield parsed;
      total += items;
      next = this.nextToken(parsed);
      if ([...next.values()].every((value) => value === null)) return;
      if (this.config.maxItems !== undefined && total === this.config.maxItems) {
        this.setResumeToken(next);
        return;
      }
      if (previous !== null && pyRepr(previous) === pyRepr(next)) {
        throw new GeneralError(`Error during pagination: The same next token was received twice: ${pyStr(next)}`);
      }
      this.injectToken(kwargs, next);
      previous = next;
    }
  }

  /** build_full_result: the result keys of every page merged, then NextToken if the output was cut short. */
  buildFullResult(): PyDict {
    const complete = new PyDict();
    for (const page of this) {
      for (const key of this.resultKeys) {
        const value = page.get(key);
        if (value === undefined || value === null) continue;
        const existing = complete.get(key);
        if (existing === undefined || existing === null) {
          complete.set(key, Array.isArray(value) ? [...value] : value);
          continue;
        }
        if (Array.isArray(value) && Array.isArray(existing)) existing.push(...value);
        else if (typeof value === "number" && typeof existing === "number") complete.set(key, existing + value);
        else if (typeof value === "string" && typeof existing === "string") complete.set(key, existing + value);
      }
    }
    if (this.resumeToken !== null) complete.set("NextToken", this.resumeToken);
    return complete;
  }
}
