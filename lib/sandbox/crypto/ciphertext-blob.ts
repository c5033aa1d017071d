import { concatBytes, fromHex, toHex, utf8 } from "../core/encoding";
import type { SeededRandom } from "../core/random";
import { GCM_NONCE_BYTES, openAesGcm, sealAesGcm } from "./aes-gcm";
import { encodeEncryptionContext, type EncryptionContext } from "./encryption-context";

/**
 * The sandbox's ciphertext blob. Like a real KMS blob it is opaque to the
 * caller but tells the simulated KMS which key and which key material
 * version made it, so Decrypt needs no KeyId:
 *
 *   "KSB1" | region length (1) | region | account (12 ASCII digits)
 *   | key id (16 bytes, the UUID) | material index (2, big-endian)
 *   ("KSM1" for a multi-Region key: the 16 bytes are the hex after "mrk-")
 *   | nonce (12) | AES-256-GCM ciphertext and tag
 *
 * The header and the encryption context are both authenticated data, so
 * changing any byte, or decrypting with another context, fails.
 *
 * NOTE: real KMS blobs have a different, undocumented layout; only their
 * behaviour is reproduced here.
 */

const MAGIC = utf8.encode("KSB1");
const MULTI_REGION_MAGIC = utf8.encode("KSM1");
const MULTI_REGION_PREFIX = "mrk-";

export interface BlobHeader {
  region: string;
  account: string;
  keyId: string;
  materialIndex: number;
}

function encodeHeader({ region, account, keyId, materialIndex }: BlobHeader): Uint8Array {
  const regionBytes = utf8.encode(region);
  const multiRegion = keyId.startsWith(MULTI_REGION_PREFIX);
  const keyIdBytes = fromHex(multiRegion ? keyId.slice(MULTI_REGION_PREFIX.length) : keyId.replace(/-/g, ""));
  if (keyIdBytes.length !== 16 || account.length !== 12 || regionBytes.length > 255) throw new Error("invalid blob header");
  return concatBytes(multiRegion ? MULTI_REGION_MAGIC : MAGIC, new Uint8Array([regionBytes.length]), regionBytes, utf8.encode(account), keyIdBytes, new Uint8Array([materialIndex >> 8, materialIndex & 0xff]));
}

export function sealBlob(header: BlobHeader, material: Uint8Array, plaintext: Uint8Array, context: EncryptionContext | undefined, random: SeededRandom): Uint8Array {
  const headerBytes = encodeHeader(header);
  const { nonce, sealed } = sealAesGcm(material, plaintext, concatBytes(headerBytes, encodeEncryptionContext(context)), random);
  return concatBytes(headerBytes, nonce, sealed);
}

export interface ParsedBlob {
  header: BlobHeader;
  headerBytes: Uint8Array;
  nonce: Uint8Array;
  sealed: Uint8Array;
}

/** Reads a blob's header; undefined when the bytes are not a sandbox blob at all. */
export function parseBlob(blob: Uint8Array): ParsedBlob | undefined {
  if (blob.length < MAGIC.length + 1) return undefined;
  const startsWith = (magic: Uint8Array) => magic.every((byte, index) => blob[index] === byte);
  const multiRegion = startsWith(MULTI_REGION_MAGIC);
  if (!multiRegion && !startsWith(MAGIC)) return undefined;
  let offset = MAGIC.length;
  const regionLength = blob[offset] ?? 0;
  offset += 1;
  const headerEnd = offset + regionLength + 12 + 16 + 2;
  if (blob.length < headerEnd + GCM_NONCE_BYTES + 16) return undefined;
  const region = utf8.decode(blob.subarray(offset, offset + regionLength));
  offset += regionLength;
  const account = utf8.decode(blob.subarray(offset, offset + 12));
  offset += 12;
  const hex = toHex(blob.subarray(offset, offset + 16));
  offset += 16;
  const materialIndex = ((blob[offset] ?? 0) << 8) | (blob[offset + 1] ?? 0);
  offset += 2;
  if (!/^\d{12}$/.test(account)) return undefined;
  const keyId = multiRegion ? `${MULTI_REGION_PREFIX}${hex}` : `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return {
    header: { region, account, keyId, materialIndex },
    headerBytes: blob.subarray(0, headerEnd),
    nonce: blob.subarray(headerEnd, headerEnd + GCM_NONCE_BYTES),
    sealed: blob.subarray(headerEnd + GCM_NONCE_BYTES),
  };
}

/** Decrypts a parsed blob with the material it names; undefined when authentication fails. */
export function openBlob(parsed: ParsedBlob, material: Uint8Array, context: EncryptionContext | undefined): Uint8Array | undefined {
  return openAesGcm(material, parsed.nonce, parsed.sealed, concatBytes(parsed.headerBytes, encodeEncryptionContext(context)));
}

export interface BlobSegment {
  /** What these bytes are, for a learner looking at them. */
  label: string;
  start: number;
  end: number;
}

/**
 * The parts of a sandbox blob, for the envelope encryption explorer to label
 * the bytes it shows. Undefined for bytes that are not a sandbox blob.
 */
export function blobLayout(blob: Uint8Array): BlobSegment[] | undefined {
  const parsed = parseBlob(blob);
  if (!parsed) return undefined;
  const regionLength = blob[MAGIC.length] ?? 0;
  const marks: [string, number][] = [
    [`format marker (${parsed.header.keyId.startsWith(MULTI_REGION_PREFIX) ? "KSM1" : "KSB1"})`, MAGIC.length],
    ["Region", 1 + regionLength],
    ["account", 12],
    ["KMS key id", 16],
    ["key material version", 2],
    ["nonce", GCM_NONCE_BYTES],
    ["ciphertext", parsed.sealed.length - 16],
    ["authentication tag", 16],
  ];
  const segments: BlobSegment[] = [];
  let offset = 0;
  for (const [label, length] of marks) {
    segments.push({ label, start: offset, end: offset + length });
    offset += length;
  }
  return segments;
}
