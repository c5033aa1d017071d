import { xoroshiro128plus, xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { toHex } from "./encoding";

type Generator = ReturnType<typeof xoroshiro128plus>;

/**
 * The sandbox's only source of randomness: ids, key material, nonces and
 * passwords all come from here, so a seed reproduces a whole session and the
 * generator's state travels in snapshots.
 */
export class SeededRandom {
  private constructor(private generator: Generator) {}

  static fromSeed(seed: number): SeededRandom {
    return new SeededRandom(xoroshiro128plus(seed | 0));
  }

  static fromState(state: readonly number[]): SeededRandom {
    return new SeededRandom(xoroshiro128plusFromState(state));
  }

  /** The generator's internal state, for snapshots. */
  state(): number[] {
    return [...this.generator.getState()];
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    return this.generator.next() >>> 0;
  }

  /** A uniform integer in [0, bound). */
  below(bound: number): number {
    if (!Number.isInteger(bound) || bound <= 0 || bound > 2 ** 32) throw new RangeError(`bad bound ${bound}`);
    // Rejection sampling keeps the distribution uniform for any bound.
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const value = this.uint32();
      if (value < limit) return value % bound;
    }
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let index = 0; index < length; index += 4) {
      const value = this.uint32();
      for (let byte = 0; byte < 4 && index + byte < length; byte++) out[index + byte] = (value >>> (byte * 8)) & 0xff;
    }
    return out;
  }

  /** An RFC 4122 version-4 UUID, as AWS uses for key ids and secret version ids. */
  uuid(): string {
    const bytes = this.bytes(16);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = toHex(bytes);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** `length` characters drawn uniformly from `alphabet`. */
  string(alphabet: string, length: number): string {
    let out = "";
    for (let index = 0; index < length; index++) out += alphabet[this.below(alphabet.length)];
    return out;
  }
}
