import type { Word, WordPart } from "./ast";
import { noCheck, type CheckTime } from "./cpu-budget";
import { LimitExceeded } from "./io";

/**
 * Brace expansion, the first of bash's expansions: `file{1,2}.txt` is two
 * words, `{1..5}` five, `{a..e..2}` three. Only unquoted braces count;
 * `{}` and `{a}` stay as they are.
 */

const MAX_WORDS = 100_000;

/** A character of unquoted literal text (which braces can split), or any other piece of the word. */
type Unit = { char: string } | { part: WordPart };

function toUnits(word: Word): Unit[] {
  const units: Unit[] = [];
  for (const part of word.parts) {
    if (part.kind === "literal" && !part.quoted) for (const char of part.text) units.push({ char });
    else units.push({ part });
  }
  return units;
}

function toWord(units: Unit[], text: string): Word {
  const parts: WordPart[] = [];
  for (const unit of units) {
    if ("part" in unit) {
      parts.push(unit.part);
      continue;
    }
    const last = parts[parts.length - 1];
    if (last?.kind === "literal" && !last.quoted) last.text += unit.char;
    else parts.push({ kind: "literal", text: unit.char, quoted: false });
  }
  return { parts, text };
}

const isChar = (unit: Unit | undefined, char: string): boolean => unit !== undefined && "char" in unit && unit.char === char;

/** The alternatives of the first expandable brace group, with its position; undefined when there is none. */
function firstGroup(units: Unit[]): { start: number; end: number; alternatives: Unit[][] } | undefined {
  for (let start = 0; start < units.length; start++) {
    if (!isChar(units[start], "{") || (start > 0 && isChar(units[start - 1], "$"))) continue;
    let depth = 0;
    const commas: number[] = [];
    for (let index = start + 1; index < units.length; index++) {
      if (isChar(units[index], "{")) depth += 1;
      else if (isChar(units[index], "}")) {
        if (depth === 0) {
          const inner = units.slice(start + 1, index);
          if (commas.length > 0) {
            const alternatives: Unit[][] = [];
            let from = start + 1;
            for (const comma of [...commas, index]) {
              alternatives.push(units.slice(from, comma));
              from = comma + 1;
            }
            return { start, end: index, alternatives };
          }
          const sequence = sequenceOf(inner);
          if (sequence) return { start, end: index, alternatives: sequence.map((text) => [...text].map((char) => ({ char }))) };
          break;
        }
        depth -= 1;
      } else if (depth === 0 && isChar(units[index], ",")) commas.push(index);
    }
  }
  return undefined;
}

/** `1..5`, `05..10`, `a..e`, `1..10..3`: the items, or undefined when the text is not a sequence. */
function sequenceOf(inner: Unit[]): string[] | undefined {
  if (inner.some((unit) => "part" in unit)) return undefined;
  const text = inner.map((unit) => ("char" in unit ? unit.char : "")).join("");
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(text);
  const letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (!numeric && !letters) return undefined;
  const match = (numeric ?? letters) as RegExpExecArray;
  const from = numeric ? Number(match[1]) : (match[1] ?? "a").charCodeAt(0);
  const to = numeric ? Number(match[2]) : (match[2] ?? "a").charCodeAt(0);
  const step = Math.abs(Number(match[3] ?? "1")) || 1;
  const count = Math.floor(Math.abs(to - from) / step) + 1;
  if (count > MAX_WORDS) throw new LimitExceeded(`brace expansion: more than ${MAX_WORDS} words (sandbox limit)`);
  const width = numeric && (/^-?0\d/.test(match[1] ?? "") || /^-?0\d/.test(match[2] ?? "")) ? Math.max((match[1] ?? "").length, (match[2] ?? "").length) : 0;
  const items: string[] = [];
  for (let index = 0; index < count; index++) {
    const value = from + (to >= from ? 1 : -1) * index * step;
    if (!numeric) items.push(String.fromCharCode(value));
    else items.push(width > 0 ? (value < 0 ? "-" + String(-value).padStart(width - 1, "0") : String(value).padStart(width, "0")) : String(value));
  }
  return items;
}

export function expandBraces(word: Word, check: CheckTime = noCheck): Word[] {
  if (!word.parts.some((part) => part.kind === "literal" && !part.quoted && part.text.includes("{"))) return [word];
  const results: Unit[][] = [];
  const expand = (units: Unit[]) => {
    check();
    const group = firstGroup(units);
    if (!group) {
      results.push(units);
      if (results.length > MAX_WORDS) throw new LimitExceeded(`brace expansion: more than ${MAX_WORDS} words (sandbox limit)`);
      return;
    }
    const prefix = units.slice(0, group.start);
    const suffix = units.slice(group.end + 1);
    for (const alternative of group.alternatives) expand([...prefix, ...alternative, ...suffix]);
  };
  expand(toUnits(word));
  return results.map((units) => toWord(units, word.text));
}
