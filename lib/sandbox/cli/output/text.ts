/**
 * `--output text` (awscli/text.py): each dict's scalars on one tab-separated
 * line in key order, nested values on lines prefixed with the upper-cased
 * key, lists of scalars on one line, True/False/None as Python prints them.
 */
import { isDict, pyStr, sortedStrings, type PyDict, type PyValue } from "../python/values";

function isContainer(value: PyValue | undefined): boolean {
  return Array.isArray(value) || isDict(value);
}

export function formatText(data: PyValue, out: string[]): void {
  formatItem(data, out, null, null);
}

function formatItem(item: PyValue, out: string[], identifier: string | null, scalarKeys: string[] | null): void {
  if (isDict(item)) formatDict(scalarKeys, item, identifier, out);
  else if (Array.isArray(item)) formatList(item, identifier, out);
  else out.push(pyStr(item) + "\n");
}

function formatList(item: PyValue[], identifier: string | null, out: string[]): void {
  if (item.length === 0) return;
  if (item.some(isDict)) {
    const allKeys = allScalarKeys(item);
    for (const element of item) formatItem(element, out, identifier, allKeys);
  } else if (item.some(Array.isArray)) {
    const scalars = item.filter((element) => !isContainer(element));
    const nonScalars = item.filter(isContainer);
    if (scalars.length) formatScalarList(scalars, identifier, out);
    for (const element of nonScalars) formatItem(element, out, identifier, null);
  } else formatScalarList(item, identifier, out);
}

function formatScalarList(elements: PyValue[], identifier: string | null, out: string[]): void {
  if (identifier !== null) for (const element of elements) out.push(`${identifier.toUpperCase()}\t${pyStr(element)}\n`);
  else out.push(elements.map(pyStr).join("\t") + "\n");
}

function formatDict(scalarKeys: string[] | null, item: PyDict, identifier: string | null, out: string[]): void {
  const scalars: string[] = [];
  const nonScalars: [string, PyValue][] = [];
  if (scalarKeys === null) {
    for (const key of sortedStrings(item.keys())) {
      const value = item.get(key)!;
      if (isContainer(value)) nonScalars.push([key, value]);
      else scalars.push(pyStr(value));
    }
  } else {
    for (const key of scalarKeys) scalars.push(pyStr(item.has(key) ? item.get(key)! : ""));
    const remaining = sortedStrings([...item.keys()].filter((key) => !scalarKeys.includes(key)));
    for (const key of remaining) nonScalars.push([key, item.get(key)!]);
  }
  if (scalars.length) {
    if (identifier !== null) scalars.unshift(identifier.toUpperCase());
    out.push(scalars.join("\t") + "\n");
  }
  for (const [key, value] of nonScalars) formatItem(value, out, key, null);
}

function allScalarKeys(list: PyValue[]): string[] {
  const seen = new Set<string>();
  for (const element of list) {
    if (!isDict(element)) continue;
    for (const [key, value] of element) if (!isContainer(value)) seen.add(key);
  }
  return sortedStrings(seen);
}
