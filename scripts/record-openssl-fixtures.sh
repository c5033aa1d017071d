#!/bin/bash
# Maintainer script: records what Debian's openssl (3.0) prints for the `openssl` subset the
# sandbox's shell has (rand, enc with AES in CBC and CTR, base64, dgst, pkeyutl), as fixtures.json. Inputs are
# fixed: keys, IVs and salts are given (-K/-iv, -S), so every output is exact. Cases with a
# random salt are recorded too, for the sandbox to decrypt what the real openssl encrypted.
#   bash scripts/record-openssl-fixtures.sh > tests/conformance/openssl/fixtures.json
set -u
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf 'Hello, KMS!\n' > plain.txt
printf 'exactly sixteen!' > sixteen.txt
head -c 1000 /dev/zero | tr '\0' 'x' > long.txt
printf '0123456789abcdef0123456789abcdef' > pass.bin
KEY=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
IV=f0e0d0c0b0a090807060504030201000
first=1
# -pass env:OPENSSL_TEST_PASS reads this; the test sets the same variable.
export OPENSSL_TEST_PASS=correct-horse
record() { # name, input file, [--random], [--file NAME: also record what openssl wrote to NAME], args...
  local name=$1 input=$2 random=false file=""; shift 2
  if [ "$1" = --random ]; then random=true; shift; fi
  if [ "$1" = --file ]; then file=$2; shift 2; rm -f "$file"; fi
  local stdout stderr status written=null
  openssl "$@" < "$input" > out.bin 2> err.txt; status=$?
  stdout=$(base64 -w0 < out.bin)
  stderr=$(base64 -w0 < err.txt)
  [ -n "$file" ] && written="{\"name\": \"$file\", \"content\": \"$(base64 -w0 < "$file")\"}"
  [ $first = 1 ] || printf ',\n'; first=0
  printf '  {"name": "%s", "input": "%s", "args": %s, "stdout": "%s", "stderr": "%s", "status": %s, "random": %s, "file": %s}' \
    "$name" "$(base64 -w0 < "$input")" "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1:]))' "$@")" "$stdout" "$stderr" "$status" "$random" "$written"
}
# A throwaway RSA key pair for pkeyutl: the public half in DER and PEM for the sandbox, the private
# half for the test to decrypt what the sandbox encrypted (OAEP and PKCS #1 output is random).
openssl genrsa -out wrapping.pem 2048 2>/dev/null
openssl rsa -in wrapping.pem -pubout -outform DER -out wrapping-public.der 2>/dev/null
openssl rsa -in wrapping.pem -pubout -out wrapping-public.pem 2>/dev/null
head -c 32 /dev/zero | tr '\0' 'k' > material.bin
head -c 300 /dev/zero > big.bin
printf '{"openssl": "%s", "cases": [\n' "$(openssl version)"
record "aes-256-cbc with -K and -iv" plain.txt enc -aes-256-cbc -K $KEY -iv $IV
record "aes-256-cbc, a whole block of input" sixteen.txt enc -aes-256-cbc -K $KEY -iv $IV
record "aes-256-cbc, base64 output" long.txt enc -aes-256-cbc -K $KEY -iv $IV -a
record "aes-256-cbc, base64 on one line" long.txt enc -aes-256-cbc -K $KEY -iv $IV -a -A
record "aes-128-cbc" plain.txt enc -aes-128-cbc -K 000102030405060708090a0b0c0d0e0f -iv $IV
record "aes-256-ctr" long.txt enc -aes-256-ctr -K $KEY -iv $IV
record "aes-256-cbc -nopad refuses a partial block" plain.txt enc -aes-256-cbc -K $KEY -iv $IV -nopad
record "pbkdf2 with a pass phrase and a fixed salt" plain.txt enc -aes-256-cbc -pbkdf2 -pass pass:correct-horse -S 0102030405060708
record "pbkdf2, 1000 iterations, key file" plain.txt enc -aes-256-cbc -pbkdf2 -iter 1000 -pass file:pass.bin -S 0102030405060708
record "deprecated key derivation (EVP_BytesToKey)" plain.txt enc -aes-256-cbc -pass pass:correct-horse -S 0102030405060708
record "-p prints salt, key and iv" plain.txt enc -aes-256-cbc -pbkdf2 -pass pass:correct-horse -S 0102030405060708 -p
record "nosalt" plain.txt enc -aes-256-cbc -pbkdf2 -nosalt -pass pass:correct-horse
openssl enc -aes-256-cbc -pbkdf2 -pass file:pass.bin -in long.txt -out random-salt.enc
record "decrypt, random salt made by openssl" random-salt.enc enc -d -aes-256-cbc -pbkdf2 -pass file:pass.bin
openssl enc -aes-256-cbc -K $KEY -iv $IV -in plain.txt -out cbc.enc
record "decrypt with -K and -iv" cbc.enc enc -d -aes-256-cbc -K $KEY -iv $IV
record "decrypt with the wrong key" cbc.enc enc -d -aes-256-cbc -K 1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100 -iv $IV
openssl enc -aes-256-cbc -K $KEY -iv $IV -a -in long.txt -out b64.enc
record "decrypt base64 input" b64.enc enc -d -a -aes-256-cbc -K $KEY -iv $IV
record "base64" long.txt base64
record "base64 -d" b64.enc base64 -d
record "enc without a cipher copies" plain.txt enc
record "enc -base64 without a cipher" long.txt enc -base64
record "enc -d -base64 -A without a cipher, base64 in lines: nothing" b64.enc enc -d -base64 -A
base64 -w0 < long.txt > one-line.b64; echo >> one-line.b64
record "enc -d -base64 -A without a cipher, one line" one-line.b64 enc -d -base64 -A
record "base64 -d -A, base64 in lines: nothing" b64.enc base64 -d -A
record "unknown cipher" plain.txt enc -aes-256-gcm -K $KEY -iv $IV
record "no such command" plain.txt frobnicate
# pkeyutl -encrypt, as AWS's "Encrypt key material" instructions run it (output is random: --random).
record "pkeyutl OAEP SHA-256, DER public key" material.bin --random pkeyutl -encrypt -pubin -inkey wrapping-public.der -keyform DER -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256
record "pkeyutl OAEP SHA-1, PEM public key" material.bin --random pkeyutl -encrypt -pubin -inkey wrapping-public.pem -pkeyopt rsa_padding_mode:oaep
record "pkeyutl PKCS #1 v1.5 padding (the default)" material.bin --random pkeyutl -encrypt -pubin -inkey wrapping-public.pem
record "pkeyutl, data too large for OAEP" big.bin pkeyutl -encrypt -pubin -inkey wrapping-public.der -keyform DER -pkeyopt rsa_padding_mode:oaep
record "pkeyutl, data too large for PKCS #1" big.bin pkeyutl -encrypt -pubin -inkey wrapping-public.pem
record "pkeyutl without -inkey" material.bin pkeyutl -encrypt -pubin -keyform DER
record "pkeyutl, unknown option" material.bin pkeyutl -encrypt -pubin -inkey wrapping-public.der -keyform DER -frob
record "pkeyutl, key file missing" material.bin pkeyutl -encrypt -pubin -inkey missing.der -keyform DER
# dgst and the digest commands: the local checks of envelope-encryption tutorials (sha256 of a file, an HMAC).
record "dgst, no digest named (SHA-256, labelled SHA256)" plain.txt dgst
record "dgst -sha256" plain.txt dgst -sha256
record "dgst -sha1" plain.txt dgst -sha1
record "dgst -md5" plain.txt dgst -md5
record "dgst -sha224" plain.txt dgst -sha224
record "dgst -sha384" plain.txt dgst -sha384
record "dgst -sha512" plain.txt dgst -sha512
record "dgst -sha3-256" plain.txt dgst -sha3-256
record "dgst -sha256 -hmac" plain.txt dgst -sha256 -hmac secret
record "dgst -sha256 -hmac -r" plain.txt dgst -sha256 -hmac secret -r
record "dgst -sha256 -r" plain.txt dgst -sha256 -r
record "dgst -sha256 -c" plain.txt dgst -sha256 -c
record "dgst -sha256 -binary" plain.txt dgst -sha256 -binary
record "dgst -hex after the digest flag" plain.txt dgst -hex -sha256
record "dgst of a file" plain.txt dgst -sha256 pass.bin
record "dgst of two files, one missing" plain.txt dgst -sha256 pass.bin missing.txt
record "sha256 as a command" plain.txt sha256
record "sha256 -r as a command" plain.txt sha256 -r pass.bin
record "md5 as a command" plain.txt md5
record "dgst, unknown option" plain.txt dgst -nope
record "dgst -hmac without a key" plain.txt dgst -sha256 -hmac
# rand: the bytes are random (--random compares their length); its messages are exact.
record "rand -hex 16" plain.txt --random rand -hex 16
record "rand -base64 48" plain.txt --random rand -base64 48
record "rand 32, raw bytes" plain.txt --random rand 32
record "rand -hex 0" plain.txt rand -hex 0
record "rand without a count" plain.txt rand
record "rand, unknown option" plain.txt rand -nope 3
record "rand, a count that is not a number" plain.txt rand abc
record "rand, a hex count" plain.txt --random rand 0x10
record "rand, an octal count" plain.txt --random rand -hex 010
record "rand, a count after --" plain.txt --random rand -hex -- 4
record "rand, a count beyond an int" plain.txt rand 3000000000
record "rand, two counts" plain.txt rand 2 3
# enc options tutorials use, and its refusals.
record "enc -in reads a file" sixteen.txt enc -aes-256-cbc -K $KEY -iv $IV -in plain.txt
record "enc -md sha256 with the old key derivation" plain.txt enc -aes-256-cbc -md sha256 -pass pass:x -S 0102030405060708
record "enc -salt -pbkdf2" plain.txt enc -aes-256-cbc -salt -pbkdf2 -pass pass:x -S 0102030405060708
record "enc -k, the old pass phrase option" plain.txt enc -aes-256-cbc -k x -S 0102030405060708
record "enc -iter alone implies PBKDF2" plain.txt enc -aes-256-cbc -iter 10 -pass pass:x -S 0102030405060708
record "enc -P prints salt, key and iv only" plain.txt enc -aes-256-cbc -P -pass pass:x -S 0102030405060708 -pbkdf2
record "enc, an option it does not have" plain.txt enc -aes-256-cbc -z -pass pass:x
record "enc -in a missing file" plain.txt enc -aes-256-cbc -pass pass:x -S 0102030405060708 -in missing.txt
record "enc -K without -iv" plain.txt enc -aes-256-cbc -K 0011
record "enc, short hex key and iv are padded" plain.txt enc -aes-256-cbc -K 00 -iv 00
record "enc, a key that is not hex" plain.txt enc -aes-256-cbc -K zz -iv 00
record "enc, an iv that is not hex" plain.txt enc -aes-256-cbc -K 00 -iv zz
record "enc, a key that is too long" plain.txt enc -aes-128-cbc -K 000102030405060708090a0b0c0d0e0f10 -iv $IV
record "enc -d with the wrong pass phrase" random-salt.enc enc -d -aes-256-cbc -pbkdf2 -pass pass:wrong
record "base64 -in" long.txt base64 -in plain.txt
# -out, -e and the other ways to give a pass phrase.
record "enc -out writes the file, nothing on stdout" plain.txt --file result.bin enc -aes-256-cbc -K $KEY -iv $IV -out result.bin
record "enc -e -a -out" plain.txt --file result.b64 enc -e -aes-256-cbc -K $KEY -iv $IV -a -out result.b64
record "enc -d -in -out" cbc.enc --file result.txt enc -d -aes-256-cbc -K $KEY -iv $IV -in cbc.enc -out result.txt
record "enc -pass env:" plain.txt enc -aes-256-cbc -pbkdf2 -pass env:OPENSSL_TEST_PASS -S 0102030405060708
record "enc -pass env: with no such variable" plain.txt enc -aes-256-cbc -pbkdf2 -pass env:NO_SUCH_VARIABLE -S 0102030405060708
record "enc -kfile" plain.txt enc -aes-256-cbc -pbkdf2 -kfile pass.bin -S 0102030405060708
record "enc -pass without a scheme" plain.txt enc -aes-256-cbc -pbkdf2 -pass correct-horse -S 0102030405060708
record "enc -pass with an unknown scheme" plain.txt enc -aes-256-cbc -pbkdf2 -pass abc:x -S 0102030405060708
record "enc -pass with a colon too far in" plain.txt enc -aes-256-cbc -pbkdf2 -pass fooba:x -S 0102030405060708
record "base64 -e -out" plain.txt --file result.b64 base64 -e -out result.b64
record "base64 -d -in -out" b64.enc --file result.bin base64 -d -in b64.enc -out result.bin
record "rand -hex -out" plain.txt --random --file key.hex rand -hex -out key.hex 32
record "dgst -sha256 -out" plain.txt --file digest.txt dgst -sha256 -out digest.txt
# The files the cases read, as they were when recorded (written to the sandbox's home before each case).
printf '\n], "files": {'
sep=""
for name in plain.txt pass.bin wrapping.pem wrapping-public.der wrapping-public.pem cbc.enc b64.enc; do
  printf '%s"%s": "%s"' "$sep" "$name" "$(base64 -w0 < "$name")"; sep=", "
done
printf '}}\n'
