/**
 * Reading a request body without trusting its size: a declared
 * Content-Length over the limit is refused before a byte is read, and a body
 * that streams past the limit (chunked, or lying about its length) is cut off
 * as soon as it does. Bytes that are not UTF-8 are refused, not replaced.
 */
export type BodyText = { ok: true; text: string } | { ok: false; status: 400 | 413; message: string };

export async function readBodyText(request: Request, maxBytes: number): Promise<BodyText> {
  const tooLarge = { ok: false, status: 413, message: `The request body is larger than ${maxBytes} bytes.` } as const;
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return tooLarge;
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, status: 400, message: "The request body is not valid UTF-8." };
  }
}

/**
 * The first string in a parsed JSON value that holds a lone UTF-16 surrogate
 * ("\ud800" is valid JSON but no text): its path, or undefined when there is none.
 * Such a string cannot be stored as UTF-8, so it is refused at the door.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (text: string) => !LONE_SURROGATE.test(text);

export function loneSurrogatePath(value: unknown, path = "(body)"): string | undefined {
  if (typeof value === "string") return wellFormed(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = loneSurrogatePath(value[index], `${path}.${index}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [key, entry] of Object.entries(value)) {
      if (!wellFormed(key)) return path;
      const found = loneSurrogatePath(entry, path === "(body)" ? key : `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
