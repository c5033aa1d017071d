/**
 * base64.b64decode as CLI v2 applies it to blob arguments: characters
 * outside the alphabet are dropped (so `file://` of "Hello, KMS!" sends
 * "HelloKMS"), decoding stops at the padding, and a wrong length is
 * binascii.Error ("Incorrect padding").
 */
import { PyException } from "./values";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const TABLE = new Map([...ALPHABET].map((char, index) => [char.charCodeAt(0), index]));

/** binascii.Error: the caller (the CLI) turns it into `Invalid base64: "..."`. */
export class BinasciiError extends PyException {
  constructor(message: string) {
    super("binascii.Error", message);
  }
}

export function b64decode(input: string | Uint8Array): Uint8Array {
  let data: Uint8Array;
  if (typeof input === "string") {
    data = new Uint8Array(input.length);
    for (let index = 0; index < input.length; index++) {
      const code = input.charCodeAt(index);
      if (code > 0x7f) throw new PyException("ValueError", "string argument should contain only ASCII characters");
      data[index] = code;
    }
  } else data = input;

  const out: number[] = [];
  let quadPos = 0;
  let leftChar = 0;
  let pads = 0;
  for (const byte of data) {
    if (byte === 0x3d) {
      if (quadPos >= 2 && quadPos + ++pads >= 4) return new Uint8Array(out);
      continue;
    }
    const value = TABLE.get(byte);
    if (value === undefined) continue;
    pads = 0;
    switch (quadPos) {
      case 0:
        quadPos = 1;
        leftChar = value;
        break;
      case 1:
        quadPos = 2;
        out.push(((leftChar << 2) | (value >> 4)) & 0xff);
        leftChar = value & 0x0f;
        break;
      case 2:
        quadPos = 3;
        out.push(((leftChar << 4) | (value >> 2)) & 0xff);
        leftChar = value & 0x03;
        break;
      default:
        quadPos = 0;
        out.push(((leftChar << 6) | value) & 0xff);
        leftChar = 0;
    }
  }
  if (quadPos === 1) {
    throw new BinasciiError(`Invalid base64-encoded string: number of data characters (${Math.floor(out.length / 3) * 4 + 1}) cannot be 1 more than a multiple of 4`);
  }
  if (quadPos !== 0) throw new BinasciiError("Incorrect padding");
  return new Uint8Array(out);
}

export function b64encode(bytes: Uint8Array): string {
  let out = "";
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index]!;
    const b = bytes[index + 1];
    const c = bytes[index + 2];
    out += ALPHABET[a >> 2];
    out += ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? "=" : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? "=" : ALPHABET[c & 63];
  }
  return out;
}

const encoder = new TextEncoder();

/** str.encode("utf-8") (lone surrogates become U+FFFD: Python would raise; the shell cannot produce them). */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** bytes.decode("utf-8") in strict mode, or null when Python would raise UnicodeDecodeError. */
export function utf8DecodeStrict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
