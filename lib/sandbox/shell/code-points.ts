/**
 * A text as Unicode code points. bash's patterns and jq's regular
 * expressions work on characters, not on JavaScript's UTF-16 units, so the
 * matchers walk code points and map positions back to the string.
 */
export class CodePoints {
  readonly codes: Int32Array;
  /** offsets[i]: where code point i starts in the string; offsets[length] is the string's length. */
  readonly offsets: Int32Array;

  constructor(readonly text: string) {
    const codes = new Int32Array(text.length);
    const offsets = new Int32Array(text.length + 1);
    let count = 0;
    for (let index = 0; index < text.length; ) {
      const value = text.codePointAt(index) ?? 0;
      codes[count] = value;
      offsets[count] = index;
      count += 1;
      index += value > 0xffff ? 2 : 1;
    }
    offsets[count] = text.length;
    this.codes = codes.subarray(0, count);
    this.offsets = offsets.subarray(0, count + 1);
  }

  get length(): number {
    return this.codes.length;
  }

  /** The substring between two code-point positions. */
  slice(from: number, to: number = this.codes.length): string {
    return this.text.slice(this.offsets[from], this.offsets[to]);
  }

  /** The code-point position of a UTF-16 index (which must start a code point). */
  indexOf(utf16: number): number {
    let low = 0;
    let high = this.codes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.offsets[middle] ?? 0) < utf16) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  reversed(): Int32Array {
    return this.codes.slice().reverse();
  }
}
