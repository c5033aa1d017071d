import { fromBase64 } from "../../core/encoding";
import { readRsaSubjectPublicKeyInfo } from "../../crypto/der";
import { oaepCapacity, oaepEncrypt, pkcs1Capacity, pkcs1Encrypt, type OaepHash } from "../../crypto/rsa-encryption";
import { FsError } from "../../vfs/types";
import { OpensslFailure, readFileOrFail, THREAD, usage, writeOutput } from "./openssl-io";
import type { CommandContext } from "./types";

/**
 * `openssl pkeyutl -encrypt -pubin`: encrypting with an RSA public key, as
 * AWS's "Encrypt key material" instructions do with the wrapping key from
 * kms get-parameters-for-import:
 *
 *   openssl pkeyutl -encrypt -pubin -inkey WrappingPublicKey.bin -keyform DER \
 *     -in PlaintextKeyMaterial.bin -out EncryptedKeyMaterial.bin \
 *     -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256
 *
 * Padding: PKCS #1 v1.5 (OpenSSL's default) or OAEP with SHA-1 or SHA-256.
 * Random padding bytes come from the sandbox's seeded generator. The sandbox
 * has public keys only (no private-key operations: decrypt, sign), and says so.
 */

const DIGESTS: Record<string, OaepHash> = { sha1: "SHA_1", sha256: "SHA_256" };

interface Options {
  inkey?: string;
  keyform: "DER" | "PEM";
  input?: string;
  output?: string;
  padding: "pkcs1" | "oaep";
  oaepDigest: OaepHash;
  mgf1Digest?: OaepHash;
}

function notInSandbox(what: string): never {
  throw new OpensslFailure(`pkeyutl: ${what} is part of the real OpenSSL, but the sandbox's pkeyutl only encrypts with an RSA public key (-encrypt -pubin).\n`);
}

function parseOptions(args: string[]): Options {
  const options: Options = { keyform: "PEM", padding: "pkcs1", oaepDigest: "SHA_1" };
  let encrypt = false;
  let pubin = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const value = () => {
      const next = args[++index];
      if (next === undefined) usage("pkeyutl", `Option -${arg.replace(/^-+/, "")} needs a value`);
      return next;
    };
    if (arg === "-encrypt") encrypt = true;
    else if (arg === "-pubin") pubin = true;
    else if (arg === "-inkey") options.inkey = value();
    else if (arg === "-in") options.input = value();
    else if (arg === "-out") options.output = value();
    else if (arg === "-keyform") {
      const form = value().toUpperCase();
      if (form !== "DER" && form !== "PEM") usage("pkeyutl", `Invalid format "${form}" for option -keyform`);
      options.keyform = form;
    } else if (arg === "-pkeyopt") setPkeyopt(options, value());
    else if (["-decrypt", "-sign", "-verify", "-verifyrecover", "-derive", "-encap", "-decap"].includes(arg)) notInSandbox(arg);
    else usage("pkeyutl", `Unknown option: ${arg}`);
  }
  if (options.inkey === undefined) usage("pkeyutl", "no private key given (-inkey parameter).");
  if (!encrypt) notInSandbox("signing (the default without -encrypt)");
  if (!pubin) notInSandbox("a private key (-inkey without -pubin)");
  return options;
}

function setPkeyopt(options: Options, setting: string): void {
  const [name, value = ""] = setting.split(":", 2) as [string, string | undefined];
  if (name === "rsa_padding_mode" && (value === "oaep" || value === "pkcs1")) options.padding = value;
  else if (name === "rsa_oaep_md" && value in DIGESTS) options.oaepDigest = DIGESTS[value]!;
  else if (name === "rsa_mgf1_md" && value in DIGESTS) options.mgf1Digest = DIGESTS[value]!;
  else throw new OpensslFailure(`pkeyutl: the sandbox's pkeyutl supports -pkeyopt rsa_padding_mode:oaep|pkcs1, rsa_oaep_md:sha1|sha256 and rsa_mgf1_md:sha1|sha256, not ${setting}.\n`);
}

/** The public key file, with OpenSSL's messages when it cannot be read. */
function readPublicKey(ctx: CommandContext, path: string, form: "DER" | "PEM"): { n: bigint; e: bigint } {
  let bytes: Uint8Array;
  try {
    bytes = ctx.shell.fs.readFile(path);
  } catch (error) {
    if (!(error instanceof FsError)) throw error;
    throw new OpensslFailure(
      `Could not open file or uri for loading public key from ${path}\n` +
        `${THREAD}:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n` +
        `${THREAD}:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(${path})\n` +
        "pkeyutl: Error initializing context\n",
    );
  }
  const der = form === "DER" ? bytes : pemBody(new TextDecoder().decode(bytes));
  const key = der ? readRsaSubjectPublicKeyInfo(der) : undefined;
  // NOTE: OpenSSL's own text for an unreadable key differs by decoder; the sandbox says it in one line.
  if (!key) throw new OpensslFailure(`Could not read public key from ${path}\npkeyutl: Error initializing context\n`);
  return key;
}

function pemBody(text: string): Uint8Array | undefined {
  const match = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(text);
  if (!match) return undefined;
  try {
    return fromBase64(match[1]!.replace(/\s+/g, ""));
  } catch {
    return undefined;
  }
}

export function runPkeyutl(ctx: CommandContext, args: string[]): number {
  const options = parseOptions(args);
  const key = readPublicKey(ctx, options.inkey!, options.keyform);
  if (options.mgf1Digest !== undefined && options.mgf1Digest !== options.oaepDigest) {
    // NOTE: OpenSSL can mix the two digests; KMS's wrapping algorithms never do, and neither does the sandbox.
    throw new OpensslFailure("pkeyutl: the sandbox's pkeyutl uses the same digest for OAEP and MGF1; give rsa_oaep_md and rsa_mgf1_md the same value.\n");
  }
  const data = options.input === undefined ? ctx.stdin.readAll() : readFileOrFail(ctx, options.input);
  const random = (length: number) => ctx.shell.engine.randomBytes(length);
  const oaep = options.padding === "oaep";
  if (data.length > (oaep ? oaepCapacity(key.n, options.oaepDigest) : pkcs1Capacity(key.n))) {
    const where = oaep
      ? "ossl_rsa_padding_add_PKCS1_OAEP_mgf1_ex:data too large for key size:../crypto/rsa/rsa_oaep.c:87:"
      : "ossl_rsa_padding_add_PKCS1_type_2_ex:data too large for key size:../crypto/rsa/rsa_pk1.c:129:";
    throw new OpensslFailure(`Public Key operation error\n${THREAD}:error:0200006E:rsa routines:${where}\n`);
  }
  writeOutput(ctx, options.output, oaep ? oaepEncrypt(key, options.oaepDigest, data, random) : pkcs1Encrypt(key, data, random));
  return 0;
}
