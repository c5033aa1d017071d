/**
 * difflib.get_close_matches, as the CLI uses it for "maybe you meant":
 * SequenceMatcher's ratio with its autojunk heuristic, and ties broken the
 * way heapq.nlargest breaks them (the larger string first).
 */
import { compareCodePoints } from "./values";

class SequenceMatcher {
  private a: string[] = [];
  private b: string[] = [];
  private b2j = new Map<string, number[]>();
  private fullbcount: Map<string, number> | null = null;

  setSeq2(b: string): void {
    this.b = [...b];
    this.fullbcount = null;
    const b2j = new Map<string, number[]>();
    this.b.forEach((char, index) => {
      const list = b2j.get(char);
      if (list) list.push(index);
      else b2j.set(char, [index]);
    });
    const n = this.b.length;
    if (n >= 200) {
      const ntest = Math.floor(n / 100) + 1;
      for (const [char, indices] of [...b2j]) if (indices.length > ntest) b2j.delete(char);
    }
    this.b2j = b2j;
  }

  setSeq1(a: string): void {
    this.a = [...a];
  }

  private findLongestMatch(alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
    const { a, b, b2j } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map<number, number>();
      for (const j of b2j.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    // No junk (isjunk is None), but popular elements were left out of b2j: extend through them.
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return [besti, bestj, bestsize];
  }

  private matchingCount(): number {
    const queue: [number, number, number, number][] = [[0, this.a.length, 0, this.b.length]];
    let total = 0;
    while (queue.length) {
      const [alo, ahi, blo, bhi] = queue.pop()!;
      const [i, j, k] = this.findLongestMatch(alo, ahi, blo, bhi);
      if (k) {
        total += k;
        if (alo < i && blo < j) queue.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
      }
    }
    return total;
  }

  ratio(): number {
    return calculateRatio(this.matchingCount(), this.a.length + this.b.length);
  }

  quickRatio(): number {
    if (this.fullbcount === null) {
      this.fullbcount = new Map();
      for (const char of this.b) this.fullbcount.set(char, (this.fullbcount.get(char) ?? 0) + 1);
    }
    const avail = new Map<string, number>();
    let matches = 0;
    for (const char of this.a) {
      const numb = avail.has(char) ? avail.get(char)! : (this.fullbcount.get(char) ?? 0);
      avail.set(char, numb - 1);
      if (numb > 0) matches++;
    }
    return calculateRatio(matches, this.a.length + this.b.length);
  }

  realQuickRatio(): number {
    const la = this.a.length;
    const lb = this.b.length;
    return calculateRatio(Math.min(la, lb), la + lb);
  }
}

function calculateRatio(matches: number, length: number): number {
  return length ? (2.0 * matches) / length : 1.0;
}

export function getCloseMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.6): string[] {
  const matcher = new SequenceMatcher();
  matcher.setSeq2(word);
  const result: [number, string][] = [];
  for (const candidate of possibilities) {
    matcher.setSeq1(candidate);
    if (matcher.realQuickRatio() >= cutoff && matcher.quickRatio() >= cutoff) {
      const score = matcher.ratio();
      if (score >= cutoff) result.push([score, candidate]);
    }
  }
  result.sort(([scoreA, a], [scoreB, b]) => (scoreA !== scoreB ? scoreB - scoreA : compareCodePoints(b, a)));
  return result.slice(0, n).map(([, candidate]) => candidate);
}
