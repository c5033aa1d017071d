/**
 * `openssl`: the part envelope-encryption tutorials use, as OpenSSL 3.0
 * does it, byte for byte (tests/conformance/openssl holds the recordings):
 *
 *   openssl rand [-hex | -base64] [-out FILE] NUM
 *   openssl enc -aes-256-cbc [-e | -d] [-in FILE] [-out FILE] [-a [-A]]
 *       (-K HEX -iv HEX | -pass pass:TEXT|file:FILE|env:VAR | -k TEXT)
 *       [-pbkdf2] [-iter N] [-md sha256|sha1|md5|sha512] [-S HEX | -nosalt] [-p | -P] [-nopad]
 *   openssl aes-256-cbc ...      (the cipher as the command, as `openssl enc -aes-256-cbc`)
 *   openssl base64 [-d] [-A] [-in FILE] [-out FILE]
 *   openssl dgst [-sha256 ...] [-hmac KEY] [-r] [FILE ...]   (openssl-dgst.ts)
 *   openssl pkeyutl -encrypt -pubin ...   (openssl-pkeyutl.ts)
 *
 * Ciphers: AES-128/192/256 in CBC, CTR and ECB (@noble/ciphers). A pass
 * phrase becomes key and IV through PBKDF2 (-pbkdf2 or -iter, 10,000
 * iterations of SHA-256 by default) or, as OpenSSL still does without them,
 * EVP_BytesToKey with a warning; a salted file starts with "Salted__" and
 * the salt it chose (not one given with -S, as OpenSSL 3.0 does). Random
 * bytes come from the sandbox's seeded generator.
 * NOTE: OpenSSL's error lines carry a thread id and its source file; the
 * sandbox prints the same lines with a fixed id.
 */
import { cbc, ctr, ecb } from "@noble/ciphers/aes.js";
import { md5, sha1 } from "@noble/hashes/legacy.js";
import { pbkdf2 } from "@noble/hashes/pbkdf2.js";
import { sha256, sha512 } from "@noble/hashes/sha2.js";
import { base64 as scureBase64 } from "@scure/base";
import { concatBytes, toHex, utf8 } from "../../core/encoding";
import type { CommandContext, CommandSpec } from "./types";
import { err, out } from "./util";
import { OpensslFailure, readFileOrFail, THREAD, usage, writeOutput } from "./openssl-io";
import { DIGEST_COMMANDS, runDgst } from "./openssl-dgst";
import { runPkeyutl } from "./openssl-pkeyutl";

const CIPHER = /^aes-(128|192|256)-(cbc|ctr|ecb)$/;
const DIGESTS = { sha256, sha1, md5, sha512 } as const;
const enc = utf8.encode;


/** Lines of 64 base64 characters, as OpenSSL's base64 BIO writes them (-A: one line). */
function base64Lines(data: Uint8Array, oneLine: boolean): string {
  const text = scureBase64.encode(data);
  if (text === "") return "";
  // -A: one line, and (as OpenSSL 3.0 writes it) no line end.
  if (oneLine) return text;
  return `${text.match(/.{1,64}/g)!.join("\n")}\n`;
}

/** -A on decoding: OpenSSL expects all the base64 on one line, and decodes nothing from several (recorded). */
function decodeBase64Input(text: string, oneLine: boolean): Uint8Array {
  if (oneLine && text.replace(/\n+$/, "").includes("\n")) return new Uint8Array(0);
  return decodeBase64(text);
}

function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, "");
  try {
    return scureBase64.decode(clean.length % 4 === 0 ? clean : clean.slice(0, clean.length - (clean.length % 4)));
  } catch {
    return new Uint8Array(0);
  }
}

/**
 * apps/enc.c's set_hex: the length warning first, then the digits; a bad
 * digit fails with every warning printed so far, then "invalid hex WHAT value".
 */
function parseHex(text: string, bytes: number, what: string, warnings: string[]): Uint8Array {
  if (text.length > bytes * 2) warnings.push("hex string is too long, ignoring excess\n");
  else if (text.length < bytes * 2) warnings.push("hex string is too short, padding with zero bytes to length\n");
  const digits = text.slice(0, bytes * 2);
  if (!/^[0-9a-fA-F]*$/.test(digits)) throw new OpensslFailure(`${warnings.join("")}non-hex digit\ninvalid hex ${what} value\n`);
  const value = new Uint8Array(bytes);
  for (let index = 0; index < digits.length; index++) value[index >> 1]! |= parseInt(digits[index]!, 16) << (index & 1 ? 0 : 4);
  return value;
}

/** EVP_BytesToKey with one iteration: D1 = md(pass || salt), Di = md(Di-1 || pass || salt). */
function bytesToKey(digest: (data: Uint8Array) => Uint8Array, pass: Uint8Array, salt: Uint8Array, length: number): Uint8Array {
  let derived = new Uint8Array(0) as Uint8Array;
  let previous = new Uint8Array(0) as Uint8Array;
  while (derived.length < length) {
    previous = digest(concatBytes(previous, pass, salt));
    derived = concatBytes(derived, previous);
  }
  return derived.slice(0, length);
}

function passphrase(ctx: CommandContext, spec: string): Uint8Array {
  if (spec.startsWith("pass:")) return enc(spec.slice(5));
  if (spec.startsWith("env:")) {
    const value = ctx.shell.environment()[spec.slice(4)];
    if (value === undefined) throw new OpensslFailure(`No environment variable ${spec.slice(4)}\nError getting password\n`);
    return enc(value);
  }
  if (spec.startsWith("file:")) {
    // OpenSSL reads the first line of the file, without its line ending.
    const data = readFileOrFail(ctx, spec.slice(5));
    const newline = data.indexOf(10);
    const line = newline === -1 ? data : data.slice(0, newline);
    return line.length > 0 && line[line.length - 1] === 13 ? line.slice(0, -1) : line;
  }
  if (spec === "stdin" || /^fd:/.test(spec)) throw new OpensslFailure(`The sandbox's openssl cannot read a pass phrase from ${spec}: give -pass pass:..., file:... or env:...\nError getting password\n`);
  // apps/lib/apps.c: the scheme's colon must come within the first five characters.
  const colon = spec.indexOf(":");
  if (colon === -1 || colon > 4) throw new OpensslFailure("Invalid password argument, missing ':' within the first 5 chars\nError getting password\n");
  throw new OpensslFailure(`Invalid password argument, starting with "${spec.slice(0, colon + 1)}"\nError getting password\n`);
}

function runEnc(ctx: CommandContext, command: string, args: string[], cipherFromCommand?: string): number {
  let cipher = cipherFromCommand;
  let decrypt = false;
  let input: string | undefined;
  let output: string | undefined;
  let base64 = false;
  let oneLine = false;
  let keyHex: string | undefined;
  let ivHex: string | undefined;
  let saltHex: string | undefined;
  let pass: string | undefined;
  let usePbkdf2 = false;
  let iterations = 10_000;
  let digestName: keyof typeof DIGESTS = "sha256";
  let salted = true;
  let print: "none" | "p" | "P" = "none";
  let pad = true;
  const value = (index: number, flag: string) => {
    const next = args[index + 1];
    if (next === undefined) usage(command, `Option -${flag} needs a value`);
    return next;
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const flag = arg.replace(/^--?/, "");
    if (!arg.startsWith("-")) usage(command, `Extra (unknown) options: "${arg}"`);
    switch (flag) {
      case "e":
        decrypt = false;
        break;
      case "d":
        decrypt = true;
        break;
      case "in":
        input = value(index++, flag);
        break;
      case "out":
        output = value(index++, flag);
        break;
      case "a":
      case "base64":
        base64 = true;
        break;
      case "A":
        oneLine = true;
        break;
      case "K":
        keyHex = value(index++, flag);
        break;
      case "iv":
        ivHex = value(index++, flag);
        break;
      case "S":
        saltHex = value(index++, flag);
        break;
      case "pass":
        pass = value(index++, flag);
        break;
      case "k":
        pass = `pass:${value(index++, flag)}`;
        break;
      case "kfile":
        pass = `file:${value(index++, flag)}`;
        break;
      case "pbkdf2":
        usePbkdf2 = true;
        break;
      case "iter": {
        const text = value(index++, flag);
        if (!/^\d+$/.test(text) || Number(text) < 1) usage(command, `Non-positive number "${text}" for option -iter`);
        iterations = Number(text);
        usePbkdf2 = true;
        break;
      }
      case "md": {
        const name = value(index++, flag).toLowerCase().replace(/-/g, "");
        if (!(name in DIGESTS)) throw new OpensslFailure(`${command}: Unknown option or message digest: ${args[index]}\n${command}: Use -help for summary.\n`);
        digestName = name as keyof typeof DIGESTS;
        break;
      }
      case "salt":
        salted = true;
        break;
      case "nosalt":
        salted = false;
        break;
      case "p":
        print = "p";
        break;
      case "P":
        print = "P";
        break;
      case "nopad":
        pad = false;
        break;
      default:
        if (/^aes-(128|192|256)-(gcm|ccm|ocb)$/.test(flag)) usage(command, "AEAD ciphers not supported");
        if (CIPHER.test(flag)) {
          cipher = flag;
          break;
        }
        // Any other -NAME is taken as a cipher name, which OpenSSL then fails to find.
        throw new OpensslFailure(
          `${command}: Unknown cipher: ${flag}\n${command}: Use -help for summary.\n${THREAD}:error:0308010C:digital envelope routines:inner_evp_generic_fetch:unsupported:../crypto/evp/evp_fetch.c:386:Global default library context, Algorithm (${flag} : 0), Properties (<null>)\n`,
        );
    }
  }
  if (!cipher) {
    // No cipher: enc only copies, through base64 with -a (AWS's import instructions decode the wrapping key this way).
    const data = input === undefined ? ctx.stdin.readAll() : readFileOrFail(ctx, input);
    writeOutput(ctx, output, base64 ? (decrypt ? decodeBase64Input(new TextDecoder().decode(data), oneLine) : base64Lines(data, oneLine)) : data);
    return 0;
  }
  const [, bits, mode] = CIPHER.exec(cipher) as unknown as [string, string, "cbc" | "ctr" | "ecb"];
  const keyLength = Number(bits) / 8;
  const ivLength = mode === "ecb" ? 0 : 16;
  const warnings: string[] = [];

  let data = input === undefined ? ctx.stdin.readAll() : readFileOrFail(ctx, input);
  if (decrypt && base64) data = decodeBase64Input(new TextDecoder().decode(data), oneLine);

  let key: Uint8Array;
  let iv: Uint8Array = new Uint8Array(ivLength);
  let salt: Uint8Array | undefined;
  // OpenSSL 3.0 writes the "Salted__" header only for a salt it chose itself, not for one given with -S.
  let header = false;
  if (pass !== undefined && keyHex === undefined) {
    const phrase = passphrase(ctx, pass);
    if (salted) {
      if (decrypt) {
        const magic = new TextDecoder().decode(data.slice(0, 8));
        if (magic !== "Salted__" || data.length < 16) throw new OpensslFailure("bad magic number\n");
        salt = data.slice(8, 16);
        data = data.slice(16);
      } else {
        salt = saltHex !== undefined ? parseHex(saltHex, 8, "salt", warnings) : ctx.shell.engine.randomBytes(8);
        header = saltHex === undefined;
      }
    }
    const digest = DIGESTS[digestName];
    const material = usePbkdf2 ? pbkdf2(digest, phrase, salt ?? new Uint8Array(0), { c: iterations, dkLen: keyLength + ivLength }) : bytesToKey(digest, phrase, salt ?? new Uint8Array(0), keyLength + ivLength);
    if (!usePbkdf2) warnings.push("*** WARNING : deprecated key derivation used.\nUsing -iter or -pbkdf2 would be better.\n");
    key = material.slice(0, keyLength);
    if (ivLength > 0) iv = ivHex !== undefined ? parseHex(ivHex, ivLength, "iv", warnings) : material.slice(keyLength);
  } else if (keyHex !== undefined) {
    // OpenSSL reads the IV before the key.
    if (ivLength > 0) {
      if (ivHex === undefined) throw new OpensslFailure("iv undefined\n");
      iv = parseHex(ivHex, ivLength, "iv", warnings);
    }
    key = parseHex(keyHex, keyLength, "key", warnings);
  } else {
    throw new OpensslFailure("The sandbox's openssl enc cannot ask for a pass phrase: give -pass pass:..., -pass file:..., or -K and -iv.\n");
  }
  for (const warning of warnings) ctx.stderr.write(warning);

  if (print !== "none") {
    const lines = `${salt ? `salt=${toHex(salt).toUpperCase()}\n` : ""}key=${toHex(key).toUpperCase()}\n${ivLength > 0 ? `iv =${toHex(iv).toUpperCase()}\n` : ""}`;
    if (print === "P") {
      out(ctx, lines);
      return 0;
    }
    writeOutput(ctx, undefined, lines);
  }

  const aes = (padding: boolean) => (mode === "cbc" ? cbc(key, iv, { disablePadding: !padding }) : mode === "ecb" ? ecb(key, { disablePadding: !padding }) : ctr(key, iv));
  // Only CBC and ECB can fail (on the final block); OpenSSL has written the whole blocks before it by then.
  const blocksBefore = (end: number, direction: "encrypt" | "decrypt") => (end > 0 ? aes(false)[direction](data.slice(0, end)) : new Uint8Array(0));
  let result: Uint8Array;
  if (decrypt) {
    try {
      result = aes(pad).decrypt(data);
    } catch {
      writeOutput(ctx, output, blocksBefore(Math.max(0, Math.floor((data.length - 1) / 16) * 16), "decrypt"));
      const final = data.length % 16 !== 0 ? "1C80006B:Provider routines:ossl_cipher_generic_block_final:wrong final block length:../providers/implementations/ciphers/ciphercommon.c:417:" : "1C800064:Provider routines:ossl_cipher_unpadblock:bad decrypt:../providers/implementations/ciphers/ciphercommon_block.c:124:";
      throw new OpensslFailure(`bad decrypt\n${THREAD}:error:${final}\n`);
    }
  } else {
    try {
      result = aes(pad).encrypt(data);
    } catch {
      writeOutput(ctx, output, blocksBefore(Math.floor(data.length / 16) * 16, "encrypt"));
      throw new OpensslFailure(`bad encrypt\n${THREAD}:error:1C80006B:Provider routines:ossl_cipher_generic_block_final:wrong final block length:../providers/implementations/ciphers/ciphercommon.c:417:\n`);
    }
    if (salt && header) result = concatBytes(enc("Salted__"), salt, result);
  }
  writeOutput(ctx, output, !decrypt && base64 ? base64Lines(result, oneLine) : result);
  return 0;
}

/** OpenSSL's opt_int: strtol with base 0 (0x hex, 0 octal), then the int range; 0 or less is a usage error. */
function parseCount(text: string): number {
  const match = /^[\t\n\v\f\r ]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) throw new OpensslFailure(`rand: Can't parse "${text}" as a number\nrand: Use -help for summary.\n`);
  const value = Number(match[1] === "-" ? -1 : 1) * Number(/^0[xX]/.test(match[2]!) ? match[2] : /^0[0-7]+$/.test(match[2]!) ? `0o${match[2]!.slice(1)}` : match[2]);
  if (!Number.isSafeInteger(value) || Math.abs(value) > 2 ** 63) throw new OpensslFailure(`rand: Can't parse "${text}" as a number\nrand: Use -help for summary.\n`);
  if (value > 2 ** 31 - 1 || value < -(2 ** 31)) throw new OpensslFailure(`rand: Value "${text}" outside integer range\nrand: Use -help for summary.\n`);
  if (value <= 0) throw new OpensslFailure("rand: Use -help for summary.\n");
  return value;
}

function runRand(ctx: CommandContext, args: string[]): number {
  let format: "raw" | "hex" | "base64" = "raw";
  let output: string | undefined;
  const operands: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--") {
      operands.push(...args.slice(index + 1));
      break;
    }
    if (arg === "-hex") format = "hex";
    else if (arg === "-base64") format = "base64";
    else if (arg === "-out") {
      output = args[++index];
      if (output === undefined) usage("rand", "Option -out needs a value");
    } else if (arg.startsWith("-")) usage("rand", `Unknown option: ${arg}`);
    else operands.push(arg);
  }
  // apps/rand.c: no count prints nothing; one count must parse (strtol, base 0) to a positive int.
  if (operands.length === 0) return 0;
  if (operands.length > 1) throw new OpensslFailure("rand: Use -help for summary.\n");
  const count = parseCount(operands[0]!);
  if (count > 1 << 24) throw new OpensslFailure(`rand: ${count} bytes is more than the sandbox's openssl makes at once (sandbox limit)\n`);
  const bytes = ctx.shell.engine.randomBytes(count);
  writeOutput(ctx, output, format === "hex" ? `${toHex(bytes)}\n` : format === "base64" ? base64Lines(bytes, false) : bytes);
  return 0;
}

function runBase64(ctx: CommandContext, args: string[]): number {
  let decode = false;
  let oneLine = false;
  let input: string | undefined;
  let output: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "-d") decode = true;
    else if (arg === "-e") decode = false;
    else if (arg === "-A") oneLine = true;
    else if (arg === "-in") input = args[++index];
    else if (arg === "-out") output = args[++index];
    else usage("base64", `Unrecognized flag ${arg.replace(/^-+/, "")}`);
  }
  const data = input === undefined ? ctx.stdin.readAll() : readFileOrFail(ctx, input);
  writeOutput(ctx, output, decode ? decodeBase64Input(new TextDecoder().decode(data), oneLine) : base64Lines(data, oneLine));
  return 0;
}

export const openssl: CommandSpec = {
  name: "openssl",
  summary: "random bytes, AES encryption with a key or a pass phrase, base64, digests and HMACs, RSA public-key encryption (OpenSSL 3.0's subset)",
  help: [
    "openssl rand [-hex | -base64] [-out FILE] NUM",
    "    NUM random bytes (from the sandbox's seeded generator).",
    "openssl enc -aes-256-cbc [-d] [-in FILE] [-out FILE] [-a [-A]] (-K HEX -iv HEX | -pass pass:TEXT | -pass file:FILE | -pass env:VAR)",
    "        [-pbkdf2] [-iter N] [-md DIGEST] [-S HEX | -nosalt] [-p | -P] [-nopad]",
    "    Encrypts (or with -d decrypts) with AES-128/192/256 in CBC, CTR or ECB mode, as OpenSSL 3.0 does:",
    "    with a hex key and IV, or a pass phrase turned into both (PBKDF2 with -pbkdf2 or -iter: 10,000",
    "    rounds of SHA-256 by default). A salted file starts with \"Salted__\" and the 8-byte salt.",
    "    Authenticated modes (GCM) are refused, as openssl enc refuses them. `openssl aes-256-cbc` is the same.",
    "openssl base64 [-d] [-A] [-in FILE] [-out FILE]",
    "    Base64 in lines of 64 characters (-A: one line), or -d to decode.",
    "openssl dgst [-sha256 | -sha1 | -md5 | -sha512 | -sha3-256 ...] [-hmac KEY] [-hex | -binary | -c | -r] [-out FILE] [FILE ...]",
    "    A digest (SHA-256 by default) or an HMAC of each FILE or of standard input. `openssl sha256` is the same.",
    "openssl pkeyutl -encrypt -pubin -inkey FILE [-keyform DER|PEM] [-in FILE] [-out FILE]",
    "        [-pkeyopt rsa_padding_mode:oaep|pkcs1] [-pkeyopt rsa_oaep_md:sha1|sha256] [-pkeyopt rsa_mgf1_md:sha1|sha256]",
    "    Encrypts with an RSA public key, e.g. key material for aws kms import-key-material with the",
    "    wrapping key from get-parameters-for-import. Private-key operations are not in the sandbox.",
    "Other openssl commands are not in the sandbox.",
  ].join("\n"),
  run(ctx) {
    const [command, ...rest] = ctx.args;
    try {
      if (command === undefined) {
        err(ctx, "The sandbox's openssl runs: rand, enc (and the ciphers as commands, e.g. aes-256-cbc), base64, dgst (and the digests as commands, e.g. sha256), pkeyutl -encrypt. Type help openssl.");
        return 1;
      }
      if (command === "rand") return runRand(ctx, rest);
      if (command === "enc") return runEnc(ctx, "enc", rest);
      if (command === "base64") return runBase64(ctx, rest);
      if (command === "pkeyutl") return runPkeyutl(ctx, rest);
      if (command === "dgst" || DIGEST_COMMANDS.has(command)) return runDgst(ctx, command, rest);
      if (CIPHER.test(command)) return runEnc(ctx, command, rest, command);
      if (["genrsa", "req", "x509", "pkey", "rsa", "s_client", "version", "help"].includes(command)) {
        err(ctx, `openssl ${command} is part of the real OpenSSL, but the sandbox does not have it: it runs rand, enc, base64, dgst and pkeyutl -encrypt (type help openssl).`);
        return 1;
      }
      ctx.stderr.write(`Invalid command '${command}'; type "help" for a list.\n`);
      return 1;
    } catch (error) {
      if (!(error instanceof OpensslFailure)) throw error;
      ctx.stderr.write(error.text);
      return 1;
    }
  },
};
