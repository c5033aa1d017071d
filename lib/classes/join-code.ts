/**
 * Join codes: 8 characters of Crockford's base32 (no I, L, O or U), about
 * 40 bits from the system's random generator (Web Crypto, so the module also
 * serves the browser, which only formats codes). Read back forgivingly, as
 * people type them: case, spaces and hyphens ignored, I and L read as 1 and
 * O as 0.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const JOIN_CODE_LENGTH = 8;

export function newJoinCode(): string {
  return [...globalThis.crypto.getRandomValues(new Uint8Array(JOIN_CODE_LENGTH))].map((byte) => ALPHABET[byte % 32]).join("");
}

/** The code as stored, or undefined when the text cannot be one. */
export function normalizeJoinCode(text: string): string | undefined {
  const code = text.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  return code.length === JOIN_CODE_LENGTH && [...code].every((char) => ALPHABET.includes(char)) ? code : undefined;
}

/** As shown to people: two groups of four. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
