import { hmac } from "@noble/hashes/hmac.js";
import { md5, sha1 } from "@noble/hashes/legacy.js";
import { sha224, sha256, sha384, sha512 } from "@noble/hashes/sha2.js";
import { sha3_224, sha3_256, sha3_384, sha3_512 } from "@noble/hashes/sha3.js";
import type { CHash } from "@noble/hashes/utils.js";
import { concatBytes, toHex, utf8 } from "../../core/encoding";
import { FsError } from "../../vfs/types";
import { fsMessage } from "../messages";
import { OpensslFailure, THREAD, writeOutput } from "./openssl-io";
import type { CommandContext } from "./types";

/**
 * `openssl dgst` (and `openssl sha256`, `openssl md5`, ...): digests and
 * HMACs of files or standard input, as OpenSSL 3.0 prints them
 * (tests/conformance/openssl holds the recordings):
 *
 *   openssl dgst [-sha256 | -sha1 | -md5 | -sha224 | -sha384 | -sha512 | -sha3-256 ...]
 *       [-hmac KEY] [-hex | -binary | -c | -r] [-out FILE] [FILE ...]
 *
 * The label before the digest is OpenSSL's: a digest asked for by name is
 * SHA2-256, SHA1, MD5, SHA3-256...; with none, dgst uses SHA-256 and calls it
 * SHA256. An HMAC keeps the digest's label.
 */
const DIGESTS: Record<string, { hash: CHash; label: string }> = {
  sha1: { hash: sha1, label: "SHA1" },
  md5: { hash: md5, label: "MD5" },
  sha224: { hash: sha224, label: "SHA2-224" },
  sha256: { hash: sha256, label: "SHA2-256" },
  sha384: { hash: sha384, label: "SHA2-384" },
  sha512: { hash: sha512, label: "SHA2-512" },
  "sha3-224": { hash: sha3_224, label: "SHA3-224" },
  "sha3-256": { hash: sha3_256, label: "SHA3-256" },
  "sha3-384": { hash: sha3_384, label: "SHA3-384" },
  "sha3-512": { hash: sha3_512, label: "SHA3-512" },
};

/** The digests that are also openssl commands of their own (`openssl sha256 FILE`). */
export const DIGEST_COMMANDS: ReadonlySet<string> = new Set(Object.keys(DIGESTS));

function unknown(command: string, name: string): never {
  throw new OpensslFailure(
    `${command}: Unknown option or message digest: ${name}\n${command}: Use -help for summary.\n` +
      `${THREAD}:error:0308010C:digital envelope routines:inner_evp_generic_fetch:unsupported:../crypto/evp/evp_fetch.c:386:Global default library context, Algorithm (${name} : 0), Properties (<null>)\n`,
  );
}

export function runDgst(ctx: CommandContext, command: string, args: string[]): number {
  let digest = DIGESTS[command] ?? { hash: sha256, label: "SHA256" };
  let key: Uint8Array | undefined;
  let format: "hex" | "binary" | "colons" | "coreutils" = "hex";
  let output: string | undefined;
  const files: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (!arg.startsWith("-") || arg === "-") {
      files.push(...args.slice(index));
      break;
    }
    const flag = arg.replace(/^--?/, "");
    if (flag === "hex") format = "hex";
    else if (flag === "binary") format = "binary";
    else if (flag === "c") format = "colons";
    else if (flag === "r") format = "coreutils";
    else if (flag === "hmac" || flag === "out") {
      const value = args[++index];
      if (value === undefined) throw new OpensslFailure(`${command}: Option -${flag} needs a value\n${command}: Use -help for summary.\n`);
      if (flag === "hmac") key = utf8.encode(value);
      else output = value;
    } else if (DIGESTS[flag]) digest = DIGESTS[flag];
    else unknown(command, flag);
  }
  const sum = (data: Uint8Array) => (key ? hmac(digest.hash, key, data) : digest.hash(data));
  const line = (name: string, value: Uint8Array): Uint8Array | string => {
    if (format === "binary") return value;
    if (format === "coreutils") return `${toHex(value)} *${name}\n`;
    const hex = format === "colons" ? (toHex(value).match(/../g) ?? []).join(":") : toHex(value);
    return `${digest.label}(${name})= ${hex}\n`;
  };
  let status = 0;
  const results: (Uint8Array | string)[] = [];
  if (files.length === 0) results.push(line("stdin", sum(ctx.stdin.readAll())));
  for (const file of files) {
    try {
      results.push(line(file, sum(ctx.shell.fs.readFile(file))));
    } catch (error) {
      if (!(error instanceof FsError)) throw error;
      const reason = fsMessage(error.code);
      ctx.stderr.write(
        `${file}: ${reason}\n${THREAD}:error:80000002:system library:file_ctrl:${reason}:../crypto/bio/bss_file.c:297:calling fopen(${file}, r)\n${THREAD}:error:10080002:BIO routines:file_ctrl:system lib:../crypto/bio/bss_file.c:300:\n`,
      );
      status = 1;
    }
  }
  writeOutput(ctx, output, concatBytes(...results.map((part) => (typeof part === "string" ? utf8.encode(part) : part))));
  return status;
}
