import type { ParameterRecord, SsmState, StoredTier } from "./state";

/**
 * The parameters of one account and Region, with a sorted index of their
 * names so path queries and paginated listings cost O(log n + results)
 * instead of a scan and a sort per call.
 *
 * The index is not part of the state (state stays plain JSON, and snapshots
 * do not carry it): it lives in a WeakMap keyed by the state's `parameters`
 * object, is built on first use (after a restore the object is new, so it is
 * rebuilt), and is kept up to date by `putRecord` and `removeRecord`, the only
 * writers. Values are never copied: records are returned by reference.
 */

interface NameIndex {
  /** Every name, sorted by UTF-16 code units (the order listings use). */
  names: string[];
  count: Record<StoredTier, number>;
}

const indexes = new WeakMap<Record<string, ParameterRecord>, NameIndex>();

function indexOf(state: SsmState): NameIndex {
  let index = indexes.get(state.parameters);
  if (!index) {
    const names = Object.keys(state.parameters).sort(compareNames);
    const count: Record<StoredTier, number> = { Standard: 0, Advanced: 0 };
    for (const name of names) count[(state.parameters[name] as ParameterRecord).tier] += 1;
    index = { names, count };
    indexes.set(state.parameters, index);
  }
  return index;
}

export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The position of the first name >= `name` (or > when `after`). */
function lowerBound(names: readonly string[], name: string, after = false): number {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const probe = names[middle] as string;
    if (probe < name || (after && probe === name)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The parameter a name names. A one-level name with and without its leading
 * slash ("/name", "name") is the same parameter, as on AWS: the two have one
 * ARN, and each spelling reads, overwrites, tags and deletes what the other
 * created (moto's @aws_verified test_parameter_lifecycle_with_leading_slash
 * and test_list_parameter_tags_created_with_leading_slash). The record keeps
 * the spelling it was created with.
 */
export function getRecord(state: SsmState, name: string): ParameterRecord | undefined {
  const own = (key: string) => (Object.hasOwn(state.parameters, key) ? state.parameters[key] : undefined);
  const found = own(name);
  if (found) return found;
  const body = name.startsWith("/") ? name.slice(1) : name;
  if (body === "" || body.includes("/")) return undefined;
  return own(name.startsWith("/") ? body : `/${body}`);
}

/** Number of parameters in each tier (for the 10,000 standard / 100,000 advanced limits). */
export function tierCounts(state: SsmState): Readonly<Record<StoredTier, number>> {
  return indexOf(state).count;
}

/** Stores a new or changed record (its tier may have changed). */
export function putRecord(state: SsmState, record: ParameterRecord, previousTier: StoredTier | undefined): void {
  const index = indexOf(state);
  if (previousTier === undefined) {
    index.names.splice(lowerBound(index.names, record.name), 0, record.name);
  } else {
    index.count[previousTier] -= 1;
  }
  index.count[record.tier] += 1;
  state.parameters[record.name] = record;
}

export function removeRecord(state: SsmState, record: ParameterRecord): void {
  const index = indexOf(state);
  const at = lowerBound(index.names, record.name);
  if (index.names[at] === record.name) index.names.splice(at, 1);
  index.count[record.tier] -= 1;
  delete state.parameters[record.name];
}

/** Every name in order, starting after `after` when given (pagination). */
export function* namesInOrder(state: SsmState, after?: string): Generator<string> {
  const { names } = indexOf(state);
  for (let at = after === undefined ? 0 : lowerBound(names, after, true); at < names.length; at++) yield names[at] as string;
}

/**
 * The names under a path, in order: one level below it, or every level when
 * `recursive`. Names without a leading slash sit at the root ("foo" is under
 * "/"). Starts after `after` when given.
 */
export function* namesUnderPath(state: SsmState, path: string, recursive: boolean, after?: string): Generator<string> {
  if (path === "/" || path === "") {
    for (const name of namesInOrder(state, after)) {
      if (recursive || !name.slice(name.startsWith("/") ? 1 : 0).includes("/")) yield name;
    }
    return;
  }
  const prefix = path.endsWith("/") ? path : `${path}/`;
  const { names } = indexOf(state);
  let at = lowerBound(names, after !== undefined && after > prefix ? after : prefix, after !== undefined && after > prefix);
  for (; at < names.length; at++) {
    const name = names[at] as string;
    if (!name.startsWith(prefix)) break;
    const slash = name.indexOf("/", prefix.length);
    if (recursive || slash === -1) {
      yield name;
      continue;
    }
    // A deeper level: skip its whole subtree at once. Every name in it starts with
    // "<prefix><child>/", and "0" is the character right after "/".
    at = lowerBound(names, `${name.slice(0, slash)}0`) - 1;
  }
}
