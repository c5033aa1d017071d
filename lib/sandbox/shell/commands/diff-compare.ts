/**
 * Which lines of two files changed, chosen the way GNU diff 3.8 chooses
 * them, so that `diff` prints the same hunks as on a real machine. Several
 * edit scripts are often equally short (which of two equal lines was
 * deleted?); GNU's choice comes from these steps, each reproduced here:
 *
 * 1. The identical first and last lines are set aside, except `horizon`
 *    lines of each (the context of -u), which stay in play.
 * 2. Lines with no equal in the other file are changes for certain and are
 *    left out of the search, and so are lines very common in the other
 *    file amid long stretches of such lines.
 * 3. The shortest edit script by Myers' divide and conquer ("An O(ND)
 *    Difference Algorithm", 1986): the middle snake of each piece, searched
 *    forward and backward at once.
 * 4. Each run of changed lines slides up and down over equal lines to merge
 *    with its neighbours, ends as low as it can, and comes back up to meet a
 *    change in the other file if it passed one.
 *
 * Like GNU diff, the search gives up looking for the very shortest script
 * of a piece after about 4096 rounds (files that differ almost everywhere)
 * and splits it where it got furthest, so large comparisons stay fast and
 * print what GNU prints.
 */

/** `deleted` lines of the first file from `line0` became `inserted` lines of the second from `line1` (0-based). */
export interface Change {
  line0: number;
  line1: number;
  deleted: number;
  inserted: number;
}

/**
 * The changes between two files given as lines numbered by equivalence
 * class (equal lines, equal numbers), in order. `check` is called as the
 * search goes (it throws when the command line's time is up).
 */
export function compareLines(x: Int32Array, y: Int32Array, horizon: number, check: () => void): Change[] {
  let prefix = 0;
  while (prefix < x.length && prefix < y.length && x[prefix] === y[prefix]) prefix++;
  let suffix = 0;
  while (suffix < x.length - prefix && suffix < y.length - prefix && x[x.length - 1 - suffix] === y[y.length - 1 - suffix]) suffix++;
  const start = prefix - Math.min(prefix, horizon);
  const keep = Math.min(suffix, horizon);
  const regionX = x.subarray(start, x.length - suffix + keep);
  const regionY = y.subarray(start, y.length - suffix + keep);
  const changedX = new Uint8Array(regionX.length);
  const changedY = new Uint8Array(regionY.length);
  search(regionX, regionY, changedX, changedY, check);
  slideRuns(regionX, changedX, changedY);
  slideRuns(regionY, changedY, changedX);
  return script(changedX, changedY, start);
}

/** Steps 2 and 3: marks the changed lines of each side. */
function search(x: Int32Array, y: Int32Array, changedX: Uint8Array, changedY: Uint8Array, check: () => void): void {
  const keptX = keepMatchable(x, y, changedX);
  const keptY = keepMatchable(y, x, changedY);
  const xv = keptX.map((index) => x[index] as number);
  const yv = keptY.map((index) => y[index] as number);
  // Furthest x reached on each diagonal k = x - y, forward and backward, with a spare slot at each end.
  const offset = yv.length + 1;
  const forward = new Int32Array(xv.length + yv.length + 3);
  const backward = new Int32Array(xv.length + yv.length + 3);
  // Rounds after which a piece is split where the search got furthest: about the square root of the diagonals, at least 4096.
  let tooExpensive = 1;
  for (let diagonals = xv.length + yv.length + 3; diagonals !== 0; diagonals = Math.floor(diagonals / 4)) tooExpensive *= 2;
  tooExpensive = Math.max(4096, tooExpensive);
  // [xoff, xlim, yoff, ylim, minimal]: a piece, and whether its script must be the shortest (no giving up).
  const pieces: [number, number, number, number, boolean][] = [[0, xv.length, 0, yv.length, false]];
  while (pieces.length > 0) {
    let [xoff, xlim, yoff, ylim, minimal] = pieces.pop() as [number, number, number, number, boolean];
    while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) (xoff++, yoff++);
    while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) (xlim--, ylim--);
    if (xoff === xlim) for (let j = yoff; j < ylim; j++) changedY[keptY[j] as number] = 1;
    else if (yoff === ylim) for (let i = xoff; i < xlim; i++) changedX[keptX[i] as number] = 1;
    else {
      const split = middleSnake(xv, yv, xoff, xlim, yoff, ylim, minimal ? Infinity : tooExpensive, forward, backward, offset, check);
      // The upper piece is popped (and so marked) first; the order does not change the result.
      pieces.push([split.x, xlim, split.y, ylim, split.highMinimal], [xoff, split.x, yoff, split.y, split.lowMinimal]);
    }
  }
}

/** Discard marks: kept, certainly changed (no equal line in the other file), or maybe (very common in the other file). */
const KEEP = 0;
const CHANGED = 1;
const MAYBE = 2;

/**
 * Step 2: the indexes of `lines` the search is to match; the others are
 * marked changed at once. A line very common in the other file is left out
 * only inside a long stretch of lines that have no equal there, away from
 * its ends (GNU's rule, which keeps large, very different files fast).
 */
function keepMatchable(lines: Int32Array, other: Int32Array, changed: Uint8Array): Int32Array {
  const counts = new Map<number, number>();
  for (const line of other) counts.set(line, (counts.get(line) ?? 0) + 1);
  // "Very common": more often than about the square root of the file's length (at least 5 times).
  let many = 5;
  for (let size = Math.floor(lines.length / 64) >> 2; size > 0; size >>= 2) many *= 2;
  const marks = Uint8Array.from(lines, (line) => {
    const count = counts.get(line) ?? 0;
    return count === 0 ? CHANGED : count > many ? MAYBE : KEEP;
  });
  for (let i = 0; i < marks.length; i++) {
    if (marks[i] === MAYBE) marks[i] = KEEP;
    if (marks[i] !== CHANGED) continue;
    // A stretch of unmatched and very common lines, starting and ending with an unmatched one.
    let end = i;
    while (end < marks.length && marks[end] !== KEEP) end++;
    while (marks[end - 1] === MAYBE) marks[--end] = KEEP;
    settleStretch(marks, i, end);
    i = end - 1;
  }
  const kept: number[] = [];
  marks.forEach((mark, index) => {
    if (mark === KEEP) kept.push(index);
    else changed[index] = 1;
  });
  return Int32Array.from(kept);
}

/** Which MAYBE lines of the stretch [start, end) are left out; the others are kept. */
function settleStretch(marks: Uint8Array, start: number, end: number): void {
  const length = end - start;
  const stretch = marks.subarray(start, end);
  const keepAll = () => stretch.forEach((mark, index) => mark === MAYBE && (stretch[index] = KEEP));
  if (stretch.filter((mark) => mark === MAYBE).length * 4 > length) return keepAll();
  // Runs of MAYBE lines this long or longer are kept: 2 from a stretch of 16 lines, 3 from 64, ...
  let longest = 1;
  for (let quarter = length >> 2; (quarter >>= 2) > 0; ) longest <<= 1;
  longest += 1;
  for (let index = 0; index < length; ) {
    let run = index;
    while (run < length && stretch[run] === MAYBE) run++;
    if (run - index >= longest) stretch.fill(KEEP, index, run);
    index = Math.max(run, index + 1);
  }
  // From each end, MAYBE lines are kept until three unmatched lines in a row (or an unmatched one 8 lines in).
  for (const step of [1, -1]) {
    let inRow = 0;
    for (let count = 0, index = step === 1 ? 0 : length - 1; count < length; count++, index += step) {
      const mark = stretch[index];
      if (count >= 8 && mark === CHANGED) break;
      if (mark === CHANGED) inRow++;
      else {
        inRow = 0;
        stretch[index] = KEEP;
      }
      if (inRow === 3) break;
    }
  }
}

/** Where a piece is cut in two, and which halves must still get their shortest script. */
interface Split {
  x: number;
  y: number;
  lowMinimal: boolean;
  highMinimal: boolean;
}

/**
 * A point (x, y) on a shortest edit script from (xoff, yoff) to (xlim, ylim)
 * that splits its cost in two halves: where the furthest-reaching forward
 * and backward paths first overlap. Ties go as in GNU diff: forward paths
 * prefer a deletion, backward paths an insertion. After `limit` rounds it
 * settles for the furthest point either search reached (giveUp).
 */
function middleSnake(xv: Int32Array, yv: Int32Array, xoff: number, xlim: number, yoff: number, ylim: number, limit: number, forward: Int32Array, backward: Int32Array, offset: number, check: () => void): Split {
  const lowest = xoff - ylim;
  const highest = xlim - yoff;
  const forwardMid = xoff - yoff;
  const backwardMid = xlim - ylim;
  // Whether the two searches meet after a forward step (odd total cost) or a backward one.
  const odd = ((forwardMid - backwardMid) & 1) !== 0;
  let fmin = forwardMid;
  let fmax = forwardMid;
  let bmin = backwardMid;
  let bmax = backwardMid;
  forward[offset + forwardMid] = xoff;
  backward[offset + backwardMid] = xlim;
  for (let round = 1; ; round++) {
    check();
    // Each round reaches one diagonal further on each side, or one less where the box ends.
    if (fmin > lowest) forward[offset + --fmin - 1] = -1;
    else fmin++;
    if (fmax < highest) forward[offset + ++fmax + 1] = -1;
    else fmax--;
    for (let d = fmax; d >= fmin; d -= 2) {
      const below = forward[offset + d - 1] as number;
      const above = forward[offset + d + 1] as number;
      let x = below >= above ? below + 1 : above;
      let y = x - d;
      while (x < xlim && y < ylim && xv[x] === yv[y]) (x++, y++);
      forward[offset + d] = x;
      if (odd && bmin <= d && d <= bmax && (backward[offset + d] as number) <= x) return { x, y, lowMinimal: true, highMinimal: true };
    }
    if (bmin > lowest) backward[offset + --bmin - 1] = 0x7fffffff;
    else bmin++;
    if (bmax < highest) backward[offset + ++bmax + 1] = 0x7fffffff;
    else bmax--;
    for (let d = bmax; d >= bmin; d -= 2) {
      const below = backward[offset + d - 1] as number;
      const above = backward[offset + d + 1] as number;
      let x = below < above ? below : above - 1;
      let y = x - d;
      while (x > xoff && y > yoff && xv[x - 1] === yv[y - 1]) (x--, y--);
      backward[offset + d] = x;
      if (!odd && fmin <= d && d <= fmax && x <= (forward[offset + d] as number)) return { x, y, lowMinimal: true, highMinimal: true };
    }
    if (round >= limit) return giveUp({ xoff, xlim, yoff, ylim }, { fmin, fmax, bmin, bmax }, forward, backward, offset);
  }
}

/**
 * The split of a search that went on too long: the forward point with the
 * most progress (largest x + y) or the backward one with the most (smallest
 * x + y), whichever got further from its corner. The side that point's
 * search came from is known to be shortest; the other side is searched
 * again, and may give up again.
 */
function giveUp(box: { xoff: number; xlim: number; yoff: number; ylim: number }, ranges: { fmin: number; fmax: number; bmin: number; bmax: number }, forward: Int32Array, backward: Int32Array, offset: number): Split {
  const { xoff, xlim, yoff, ylim } = box;
  let forwardBest = -1;
  let forwardX = 0;
  for (let d = ranges.fmax; d >= ranges.fmin; d -= 2) {
    let x = Math.min(forward[offset + d] as number, xlim);
    let y = x - d;
    if (y > ylim) (x = ylim + d, y = ylim);
    if (x + y > forwardBest) (forwardBest = x + y, forwardX = x);
  }
  let backwardBest = Infinity;
  let backwardX = 0;
  for (let d = ranges.bmax; d >= ranges.bmin; d -= 2) {
    let x = Math.max(xoff, backward[offset + d] as number);
    let y = x - d;
    if (y < yoff) (x = yoff + d, y = yoff);
    if (x + y < backwardBest) (backwardBest = x + y, backwardX = x);
  }
  if (xlim + ylim - backwardBest < forwardBest - (xoff + yoff)) return { x: forwardX, y: forwardBest - forwardX, lowMinimal: true, highMinimal: false };
  return { x: backwardX, y: backwardBest - backwardX, lowMinimal: false, highMinimal: true };
}

/**
 * Step 4 for one side. `gap` counts the unchanged lines above the current
 * run: the run and a change in the other file between the same two
 * unchanged lines print as one hunk (`3c3`, not `3d2` and `3a3`).
 */
function slideRuns(lines: Int32Array, changed: Uint8Array, other: Uint8Array): void {
  const otherHasChange = gapsWithChanges(other);
  const end = lines.length;
  let i = 0;
  let gap = 0;
  for (;;) {
    while (i < end && !changed[i]) (i++, gap++);
    if (i === end) return;
    let start = i;
    while (i < end && changed[i]) i++;
    let length: number;
    let meets: number;
    do {
      length = i - start;
      // Up, while the line above equals the run's last line: the run may join the one above.
      while (start > 0 && lines[start - 1] === lines[i - 1]) {
        changed[--start] = 1;
        changed[--i] = 0;
        gap--;
        while (start > 0 && changed[start - 1]) start--;
      }
      meets = otherHasChange[gap] ? i : end;
      // Then down as far as it goes, joining the runs below.
      while (i < end && lines[start] === lines[i]) {
        changed[start++] = 0;
        changed[i++] = 1;
        gap++;
        while (i < end && changed[i]) i++;
        if (otherHasChange[gap]) meets = i;
      }
    } while (length !== i - start);
    // Back up to the lowest place where it lines up with a change in the other file.
    while (meets < i) {
      changed[--start] = 1;
      changed[--i] = 0;
      gap--;
    }
  }
}

/** For each gap between unchanged lines (before the first, between each two, after the last): whether changed lines sit in it. */
function gapsWithChanges(changed: Uint8Array): Uint8Array {
  const gaps = new Uint8Array(changed.length + 1);
  let gap = 0;
  for (const flag of changed) {
    if (flag) gaps[gap] = 1;
    else gap++;
  }
  return gaps;
}

/** The runs of changed lines as changes, in order, numbered in the whole files. */
function script(changedX: Uint8Array, changedY: Uint8Array, start: number): Change[] {
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  while (i < changedX.length || j < changedY.length) {
    if (changedX[i] || changedY[j]) {
      const line0 = i;
      const line1 = j;
      while (i < changedX.length && changedX[i]) i++;
      while (j < changedY.length && changedY[j]) j++;
      changes.push({ line0: line0 + start, line1: line1 + start, deleted: i - line0, inserted: j - line1 });
    }
    i++;
    j++;
  }
  return changes;
}
