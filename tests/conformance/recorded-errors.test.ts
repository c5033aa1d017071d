import { constants, createPublicKey, publicEncrypt } from "node:crypto";
import { describe, expect, it } from "vitest";
import fixture from "@/tests/fixtures/aws-recorded-errors.json";
import type { Sandbox, WireObject } from "@/lib/sandbox";
import { answerOf, blob, newEngine, SUCCEEDED, type Answer } from "./replay";

/**
 * The errors real AWS answered in LocalStack's @aws_validated snapshot tests
 * (tests/fixtures/aws-recorded-errors.json, made by
 * scripts/extract-recorded-errors.mjs), reproduced in the sandbox engine.
 *
 * Every fixture entry, keyed `${test}#${snapshotKey}`, is in exactly one of:
 * - `reproductions`: the request LocalStack's test sent (see
 *   tests/aws/services/{kms,secretsmanager,ssm}/test_*.py at the fixture's
 *   commit), made against a fresh engine; the engine must throw the recorded
 *   code and message once LocalStack's placeholders are replaced by the
 *   sandbox's values;
 * - `knownDifferences` (also in `reproductions`): the engine answers something
 *   else today. The entry asserts the engine's CURRENT answer, and that it still
 *   differs from the recording, so fixing the engine fails it: then delete the
 *   entry here and the recording is checked like the others;
 * - `notReproducible`: the sandbox cannot make the request, with the reason.
 */

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
/** The region a cross-region test used as its "other" Region. */
const SECONDARY = "us-west-2";

interface RecordedError {
  service: string;
  code: string;
  message: string;
  test: string;
  snapshotKey: string;
  recorded: string;
}

/** LocalStack's placeholder (as in the recorded message) -> the sandbox's value. */
type Placeholders = Record<string, string>;

interface Outcome {
  error: Answer;
  values?: Placeholders;
}

type Reproduction = () => Outcome;

const errors = fixture.errors as RecordedError[];
const keyOf = (entry: RecordedError): string => `${entry.test}#${entry.snapshotKey}`;

// ---------------------------------------------------------------------------
// Helpers

/** boto3 called with `Plaintext=base64.b64encode(message)`: the bytes sent are the base64 text itself. */
const b64encoded = (message: string): string => blob(Buffer.from(message, "utf8").toString("base64"));

let tokenCounter = 0;
/** boto3 fills ClientRequestToken (an idempotency token) with a fresh UUID on every call. */
const clientToken = (): string => `00000000-0000-4000-8000-${String(++tokenCounter).padStart(12, "0")}`;

interface Key {
  keyId: string;
  arn: string;
}

function createKey(engine: Sandbox, input: WireObject = {}, region = REGION): Key {
  const metadata = engine.call("kms", "CreateKey", input, { region }).KeyMetadata as WireObject;
  return { keyId: String(metadata.KeyId), arn: String(metadata.Arn) };
}

const keyArnIn = (region: string, keyId: string): string => `arn:aws:kms:${region}:${ACCOUNT}:key/${keyId}`;

/** GetParametersForImport and the material wrapped with its public key (RSAES_OAEP_SHA_256, RSA_2048), as the tests' cryptography code does. */
function wrappedMaterial(engine: Sandbox, keyId: string, material: Buffer): { ImportToken: string; EncryptedKeyMaterial: string } {
  const params = engine.call("kms", "GetParametersForImport", { KeyId: keyId, WrappingAlgorithm: "RSAES_OAEP_SHA_256", WrappingKeySpec: "RSA_2048" });
  const publicKey = createPublicKey({ key: Buffer.from(String(params.PublicKey), "base64"), format: "der", type: "spki" });
  const encrypted = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, material);
  return { ImportToken: String(params.ImportToken), EncryptedKeyMaterial: encrypted.toString("base64") };
}

/** 32 bytes of key material (the tests draw them at random; any 32 bytes do). */
const material = (fill: number): Buffer => Buffer.alloc(32, fill);

// --- KMS scenarios shared by several entries

/** test_generate_random_invalid_number_of_bytes: parameter validation off, so the value goes to AWS as given. */
const generateRandom =
  (numberOfBytes: number | undefined): Reproduction =>
  () => ({ error: answerOf(() => newEngine().call("kms", "GenerateRandom", numberOfBytes === undefined ? {} : { NumberOfBytes: numberOfBytes })) });

/** test_encrypt_validate_plaintext_size_per_key_type: 880 bytes, base64-encoded by the test (1176 bytes sent). */
const encryptTooLarge =
  (keySpec: string, algorithm: string): Reproduction =>
  () => {
    const engine = newEngine();
    const { keyId } = createKey(engine, { KeyUsage: "ENCRYPT_DECRYPT", KeySpec: keySpec });
    const message = "more than 500 bytes and less than 4096 bytes".repeat(20);
    return { error: answerOf(() => engine.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64encoded(message), EncryptionAlgorithm: algorithm })) };
  };

const SIGN_PLAINTEXT = "test message !%$@ 1234567890";

/** test_sign_verify: Sign with MessageType DIGEST and the raw message (not a digest of the right length). */
const signBadDigest =
  (keySpec: string, algorithm: string): Reproduction =>
  () => {
    const engine = newEngine();
    const { keyId } = createKey(engine, { KeyUsage: "SIGN_VERIFY", KeySpec: keySpec });
    return { error: answerOf(() => engine.call("kms", "Sign", { KeyId: keyId, SigningAlgorithm: algorithm, MessageType: "DIGEST", Message: blob(SIGN_PLAINTEXT) })) };
  };

/** test_sign_verify: Verify the message against the signature of "bad". */
const verifyBadSignature =
  (keySpec: string, algorithm: string): Reproduction =>
  () => {
    const engine = newEngine();
    const { keyId } = createKey(engine, { KeyUsage: "SIGN_VERIFY", KeySpec: keySpec });
    const kwargs = { KeyId: keyId, SigningAlgorithm: algorithm };
    const badSignature = String(engine.call("kms", "Sign", { ...kwargs, MessageType: "RAW", Message: blob("bad") }).Signature);
    return { error: answerOf(() => engine.call("kms", "Verify", { ...kwargs, MessageType: "RAW", Signature: badSignature, Message: blob(SIGN_PLAINTEXT) })) };
  };

const MAC_MESSAGE = "some important message";

const hmacKey = (engine: Sandbox, keySpec: string): Key => createKey(engine, { Description: "test hmac key", KeySpec: keySpec, KeyUsage: "GENERATE_VERIFY_MAC" });

/** test_error_messaging_for_invalid_keys: an HMAC_224 key, a symmetric key and an RSA_2048 signing key. */
function invalidKeysSetup(engine: Sandbox): { hmac: Key; encryptDecrypt: Key; signVerify: Key } {
  const hmac = createKey(engine, { Description: "test key hmac", KeySpec: "HMAC_224", KeyUsage: "GENERATE_VERIFY_MAC" });
  const encryptDecrypt = createKey(engine, { Description: "test key encrypt decrypt" });
  const signVerify = createKey(engine, { Description: "test key sign verify", KeyUsage: "SIGN_VERIFY", KeySpec: "RSA_2048" });
  return { hmac, encryptDecrypt, signVerify };
}

const TAG_KEY_ERRORS = { Description: "test key 123", KeyUsage: "ENCRYPT_DECRYPT" };

// --- Secrets Manager scenarios

/** LocalStack's `secret_name` fixture: `s-` and a short uid. */
const SECRET_NAME = "s-3f1c9a2b";

function createSecret(engine: Sandbox, input: WireObject): WireObject {
  return engine.call("secretsmanager", "CreateSecret", { ClientRequestToken: clientToken(), ...input });
}

/** setup_invalid_rotation_secret: a secret, then RotateSecret rotating every day, with the given Lambda ARN (or none). */
function rotateWithLambda(invalidArn: string | undefined): Answer {
  const engine = newEngine();
  createSecret(engine, { Name: SECRET_NAME, SecretString: "init" });
  const config: WireObject = { SecretId: SECRET_NAME, RotationRules: { AutomaticallyAfterDays: 1 }, ClientRequestToken: clientToken() };
  if (invalidArn) config.RotationLambdaARN = invalidArn;
  return answerOf(() => engine.call("secretsmanager", "RotateSecret", config));
}

// ---------------------------------------------------------------------------
// The reproductions, one per fixture entry the sandbox can request.

const reproductions: Record<string, Reproduction> = {
  "TestKMS::test_generate_random_invalid_number_of_bytes[None]#generate-random-exc": generateRandom(undefined),
  "TestKMS::test_generate_random_invalid_number_of_bytes[0]#generate-random-exc": generateRandom(0),
  "TestKMS::test_generate_random_invalid_number_of_bytes[1025]#generate-random-exc": generateRandom(1025),

  "TestKMS::test_encrypt_validate_plaintext_size_per_key_type[RSA_2048-RSAES_OAEP_SHA_1]#generate-random-exc": encryptTooLarge("RSA_2048", "RSAES_OAEP_SHA_1"),
  "TestKMS::test_encrypt_validate_plaintext_size_per_key_type[RSA_2048-RSAES_OAEP_SHA_256]#generate-random-exc": encryptTooLarge("RSA_2048", "RSAES_OAEP_SHA_256"),
  "TestKMS::test_encrypt_validate_plaintext_size_per_key_type[RSA_3072-RSAES_OAEP_SHA_1]#generate-random-exc": encryptTooLarge("RSA_3072", "RSAES_OAEP_SHA_1"),
  "TestKMS::test_encrypt_validate_plaintext_size_per_key_type[RSA_3072-RSAES_OAEP_SHA_256]#generate-random-exc": encryptTooLarge("RSA_3072", "RSAES_OAEP_SHA_256"),
  "TestKMS::test_encrypt_validate_plaintext_size_per_key_type[RSA_4096-RSAES_OAEP_SHA_1]#generate-random-exc": encryptTooLarge("RSA_4096", "RSAES_OAEP_SHA_1"),
  "TestKMS::test_encrypt_validate_plaintext_size_per_key_type[RSA_4096-RSAES_OAEP_SHA_256]#generate-random-exc": encryptTooLarge("RSA_4096", "RSAES_OAEP_SHA_256"),

  // The key lives in the secondary Region; the client asks in the default one.
  "TestKMS::test_get_key_in_different_region#describe-key-diff-region-with-id": () => {
    const engine = newEngine();
    const { keyId } = createKey(engine, { Description: "test key 123" }, SECONDARY);
    return { error: answerOf(() => engine.call("kms", "DescribeKey", { KeyId: keyId }, { region: REGION })), values: { "<key-id:1>": keyId, "<secondary-region>": SECONDARY } };
  },
  "TestKMS::test_get_key_in_different_region#describe-key-diff-region-with-arn": () => {
    const engine = newEngine();
    const { arn } = createKey(engine, { Description: "test key 123" }, SECONDARY);
    return { error: answerOf(() => engine.call("kms", "DescribeKey", { KeyId: arn }, { region: REGION })), values: { "<secondary-region>": SECONDARY } };
  },

  "TestKMS::test_get_key_does_not_exist#describe-nonexistent-key-with-id": () => {
    const engine = newEngine();
    createKey(engine, { Description: "test key 123" });
    const fakeKeyId = "134f2428-cec1-4b25-a1ae-9048164dba47";
    return { error: answerOf(() => engine.call("kms", "DescribeKey", { KeyId: fakeKeyId })), values: { "<key-arn>": keyArnIn(REGION, fakeKeyId) } };
  },
  "TestKMS::test_get_key_does_not_exist#describe-key-with-valid-id-mrk": () => {
    const engine = newEngine();
    createKey(engine, { Description: "test key 123" });
    const fakeKeyId = "mrk-d3b95762d3b95762d3b95762d3b95762";
    return { error: answerOf(() => engine.call("kms", "DescribeKey", { KeyId: fakeKeyId })), values: { "<mrk-key-arn>": keyArnIn(REGION, fakeKeyId) } };
  },

  "TestKMS::test_get_key_invalid_uuid#describe-key-with-invalid-uuid": () => ({ error: answerOf(() => newEngine().call("kms", "DescribeKey", { KeyId: "fake-key-id" })) }),
  "TestKMS::test_get_key_invalid_uuid#describe-key-with-invalid-uuid-2": () => ({ error: answerOf(() => newEngine().call("kms", "DescribeKey", { KeyId: "134f2428cec14b25a1ae9048164dba47" })) }),
  "TestKMS::test_get_key_invalid_uuid#describe-key-with-invalid-uuid-mrk": () => ({ error: answerOf(() => newEngine().call("kms", "DescribeKey", { KeyId: "mrk-fake-key-id" })) }),

  // The recording's secondary Region was ap-southeast-1 (no transformer for it in this test).
  "TestKMS::test_replicate_key#describe-key-from-different-region": () => {
    const engine = newEngine();
    const { keyId } = createKey(engine, { MultiRegion: true, Description: "test replicated key" });
    return { error: answerOf(() => engine.call("kms", "DescribeKey", { KeyId: keyId }, { region: "ap-southeast-1" })), values: { "<key-id:1>": keyId } };
  },

  "TestKMS::test_create_alias#create_alias": () => {
    const engine = newEngine();
    const { keyId } = createKey(engine);
    return { error: answerOf(() => engine.call("kms", "CreateAlias", { AliasName: "a1b2c3d4", TargetKeyId: keyId })) };
  },

  "TestKMS::test_sign_verify[RSA_2048-RSASSA_PSS_SHA_256]#bad-digest": signBadDigest("RSA_2048", "RSASSA_PSS_SHA_256"),
  "TestKMS::test_sign_verify[RSA_2048-RSASSA_PSS_SHA_256]#bad-signature": verifyBadSignature("RSA_2048", "RSASSA_PSS_SHA_256"),
  "TestKMS::test_sign_verify[RSA_2048-RSASSA_PSS_SHA_384]#bad-digest": signBadDigest("RSA_2048", "RSASSA_PSS_SHA_384"),
  "TestKMS::test_sign_verify[RSA_2048-RSASSA_PSS_SHA_512]#bad-digest": signBadDigest("RSA_2048", "RSASSA_PSS_SHA_512"),
  "TestKMS::test_sign_verify[RSA_4096-RSASSA_PKCS1_V1_5_SHA_256]#bad-digest": signBadDigest("RSA_4096", "RSASSA_PKCS1_V1_5_SHA_256"),
  "TestKMS::test_sign_verify[RSA_4096-RSASSA_PKCS1_V1_5_SHA_512]#bad-digest": signBadDigest("RSA_4096", "RSASSA_PKCS1_V1_5_SHA_512"),
  "TestKMS::test_sign_verify[ECC_NIST_P256-ECDSA_SHA_256]#bad-digest": signBadDigest("ECC_NIST_P256", "ECDSA_SHA_256"),
  "TestKMS::test_sign_verify[ECC_NIST_P384-ECDSA_SHA_384]#bad-digest": signBadDigest("ECC_NIST_P384", "ECDSA_SHA_384"),

  "TestKMS::test_hmac_create_key_invalid_operations#create-hmac-key-without-key-usage": () => ({
    error: answerOf(() => newEngine().call("kms", "CreateKey", { Description: "test HMAC key without key usage", KeySpec: "HMAC_256" })),
  }),
  "TestKMS::test_hmac_create_key_invalid_operations#create-hmac-key-invalid-spec": () => ({
    error: answerOf(() => newEngine().call("kms", "CreateKey", { Description: "test invalid HMAC spec", KeySpec: "HMAC_random" })),
  }),
  "TestKMS::test_hmac_create_key_invalid_operations#create-hmac-key-invalid-key-usage": () => ({
    error: answerOf(() => newEngine().call("kms", "CreateKey", { Description: "test invalid HMAC spec", KeySpec: "HMAC_256", KeyUsage: "RANDOM" })),
  }),

  "TestKMS::test_generate_and_verify_mac[HMAC_224-HMAC_SHA_224]#generate-mac-invalid-key-id": () => {
    const engine = newEngine();
    hmacKey(engine, "HMAC_224");
    return { error: answerOf(() => engine.call("kms", "GenerateMac", { KeyId: "key_id", Message: blob(MAC_MESSAGE), MacAlgorithm: "HMAC_SHA_224" })) };
  },
  "TestKMS::test_invalid_generate_mac[HMAC_224-HMAC_SHA_256]#generate-mac": () => {
    const engine = newEngine();
    const { keyId } = hmacKey(engine, "HMAC_224");
    return { error: answerOf(() => engine.call("kms", "GenerateMac", { KeyId: keyId, Message: blob(MAC_MESSAGE), MacAlgorithm: "HMAC_SHA_256" })) };
  },
  "TestKMS::test_invalid_generate_mac[HMAC_256-INVALID]#generate-mac": () => {
    const engine = newEngine();
    const { keyId } = hmacKey(engine, "HMAC_256");
    return { error: answerOf(() => engine.call("kms", "GenerateMac", { KeyId: keyId, Message: blob(MAC_MESSAGE), MacAlgorithm: "INVALID" })) };
  },
  "TestKMS::test_invalid_verify_mac[HMAC_256-HMAC_SHA_256-some different important message]#verify-mac": () => {
    const engine = newEngine();
    const { keyId } = hmacKey(engine, "HMAC_256");
    const { Mac } = engine.call("kms", "GenerateMac", { KeyId: keyId, Message: blob(MAC_MESSAGE), MacAlgorithm: "HMAC_SHA_256" });
    return { error: answerOf(() => engine.call("kms", "VerifyMac", { KeyId: keyId, Message: blob("some different important message"), MacAlgorithm: "HMAC_SHA_256", Mac })) };
  },
  "TestKMS::test_invalid_verify_mac[HMAC_256-HMAC_SHA_512-some important message]#verify-mac": () => {
    const engine = newEngine();
    const { keyId } = hmacKey(engine, "HMAC_256");
    const { Mac } = engine.call("kms", "GenerateMac", { KeyId: keyId, Message: blob(MAC_MESSAGE), MacAlgorithm: "HMAC_SHA_256" });
    return { error: answerOf(() => engine.call("kms", "VerifyMac", { KeyId: keyId, Message: blob(MAC_MESSAGE), MacAlgorithm: "HMAC_SHA_512", Mac })) };
  },

  "TestKMS::test_import_key_symmetric#encrypt-before-import-error": () => {
    const engine = newEngine();
    const { keyId } = createKey(engine, { Origin: "EXTERNAL" });
    return { error: answerOf(() => engine.call("kms", "Encrypt", { Plaintext: blob("test content 123 !#"), KeyId: keyId })), values: { "<key-id:1>": keyId } };
  },
  "TestKMS::test_import_key_symmetric#import-expiring-key-without-valid-to": () => {
    const engine = newEngine();
    const { keyId } = createKey(engine, { Origin: "EXTERNAL" });
    const wrapped = wrappedMaterial(engine, keyId, material(7));
    return { error: answerOf(() => engine.call("kms", "ImportKeyMaterial", { KeyId: keyId, ...wrapped })) };
  },

  "TestKMS::test_error_messaging_for_invalid_keys#generate-mac-invalid-key-id": () => {
    const engine = newEngine();
    const { encryptDecrypt } = invalidKeysSetup(engine);
    return { error: answerOf(() => engine.call("kms", "GenerateMac", { KeyId: encryptDecrypt.keyId, Message: blob(MAC_MESSAGE), MacAlgorithm: "HMAC_SHA_224" })), values: { "<key-arn>": encryptDecrypt.arn } };
  },
  "TestKMS::test_error_messaging_for_invalid_keys#sign-invalid-key-id": () => {
    const engine = newEngine();
    const { hmac } = invalidKeysSetup(engine);
    return {
      error: answerOf(() => engine.call("kms", "Sign", { KeyId: hmac.keyId, SigningAlgorithm: "RSASSA_PSS_SHA_256", MessageType: "RAW", Message: blob("test message 123!@#") })),
      values: { "<key-arn>": hmac.arn },
    };
  },
  "TestKMS::test_error_messaging_for_invalid_keys#verify-invalid-key-id": () => {
    const engine = newEngine();
    const { encryptDecrypt } = invalidKeysSetup(engine);
    return {
      error: answerOf(() =>
        engine.call("kms", "Verify", { MessageType: "RAW", Signature: blob("random text"), Message: blob("test message"), KeyId: encryptDecrypt.keyId, SigningAlgorithm: "ECDSA_SHA_256" }),
      ),
      values: { "<key-arn>": encryptDecrypt.arn },
    };
  },
  "TestKMS::test_error_messaging_for_invalid_keys#encrypt-invalid-key-id": () => {
    const engine = newEngine();
    const { signVerify } = invalidKeysSetup(engine);
    return { error: answerOf(() => engine.call("kms", "Encrypt", { Plaintext: blob("test message 123!@#"), KeyId: signVerify.keyId })), values: { "<key-arn>": signVerify.arn } };
  },
  "TestKMS::test_error_messaging_for_invalid_keys#decrypt-invalid-key-id": () => {
    const engine = newEngine();
    const { hmac, encryptDecrypt } = invalidKeysSetup(engine);
    const { CiphertextBlob } = engine.call("kms", "Encrypt", { Plaintext: blob("test message 123!@#"), KeyId: encryptDecrypt.keyId });
    return { error: answerOf(() => engine.call("kms", "Decrypt", { CiphertextBlob, KeyId: hmac.keyId })) };
  },

  // 3200 bytes, base64-encoded by the test: 4268 bytes sent.
  "TestKMS::test_plaintext_size_for_encrypt#invalid-plaintext-size-encrypt": () => {
    const engine = newEngine();
    const { keyId } = createKey(engine);
    return { error: answerOf(() => engine.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64encoded("test message 123 !%$@ 1234567890".repeat(100)) })) };
  },

  "TestKMS::test_encrypt_decrypt_encryption_context#decrypt_response_without_encryption_context": () => {
    const engine = newEngine();
    const { keyId } = createKey(engine);
    const algo = "SYMMETRIC_DEFAULT";
    const { CiphertextBlob } = engine.call("kms", "Encrypt", {
      KeyId: keyId,
      Plaintext: b64encoded("test message 123 !%$@ 1234567890"),
      EncryptionAlgorithm: algo,
      EncryptionContext: { "context-key": "context-value" },
    });
    return { error: answerOf(() => engine.call("kms", "Decrypt", { KeyId: keyId, CiphertextBlob, EncryptionAlgorithm: algo })) };
  },

  "TestKMS::test_get_parameters_for_import#response-error": () => {
    const engine = newEngine();
    // The test first gets import parameters for this key; the sandbox imports into symmetric keys only, so that call is left out.
    createKey(engine, { KeyUsage: "SIGN_VERIFY", KeySpec: "ECC_NIST_P256", Origin: "EXTERNAL" });
    const encryptDecrypt = createKey(engine);
    return {
      error: answerOf(() => engine.call("kms", "GetParametersForImport", { KeyId: encryptDecrypt.keyId, WrappingAlgorithm: "RSAES_OAEP_SHA_256", WrappingKeySpec: "RSA_4096" })),
      values: { "<key-arn>": encryptDecrypt.arn },
    };
  },

  "TestKMS::test_derive_shared_secret#response-invalid-key-spec": () => ({ error: answerOf(() => newEngine().call("kms", "CreateKey", { KeySpec: "RSA_2048", KeyUsage: "KEY_AGREEMENT" })) }),

  "TestKMS::test_tag_key_with_duplicate_tag_keys_raises_error#duplicate-tag-keys": () => {
    const engine = newEngine();
    const { keyId } = createKey(engine, TAG_KEY_ERRORS);
    const tags = [
      { TagKey: "tag1", TagValue: "value1" },
      { TagKey: "tag1", TagValue: "another-value1" },
    ];
    return { error: answerOf(() => engine.call("kms", "TagResource", { KeyId: keyId, Tags: tags })) };
  },
  "TestKMS::test_create_key_with_too_many_tags_raises_error#invalid-tag-key": () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ TagKey: `key${i}`, TagValue: `value${i}` }));
    return { error: answerOf(() => newEngine().call("kms", "CreateKey", { ...TAG_KEY_ERRORS, Tags: tags })) };
  },
  "TestKMS::test_tag_existing_key_with_invalid_tag_key#invalid-tag-key": () => {
    const engine = newEngine();
    const { keyId } = createKey(engine, TAG_KEY_ERRORS);
    return { error: answerOf(() => engine.call("kms", "TagResource", { KeyId: keyId, Tags: [{ TagKey: "aws:key1", TagValue: "value1" }] })) };
  },
  "TestKMS::test_key_with_long_tag_value_raises_error#too-long-tag-value": () => ({
    error: answerOf(() => newEngine().call("kms", "CreateKey", { ...TAG_KEY_ERRORS, Tags: [{ TagKey: "tag1", TagValue: "v".repeat(257) }] })),
  }),
  "TestKMS::test_create_key_with_invalid_tag_key[too_long_key]#invalid-tag-key": () => ({
    error: answerOf(() => newEngine().call("kms", "CreateKey", { ...TAG_KEY_ERRORS, Tags: [{ TagKey: "a".repeat(129), TagValue: "value1" }] })),
  }),

  "TestKMS::test_rotate_key_on_demand_raises_error_given_key_is_disabled#error-response": () => {
    const engine = newEngine();
    const { keyId, arn } = createKey(engine, { KeyUsage: "ENCRYPT_DECRYPT", KeySpec: "RSA_4096" });
    engine.call("kms", "DisableKey", { KeyId: keyId });
    return { error: answerOf(() => engine.call("kms", "RotateKeyOnDemand", { KeyId: keyId })), values: { "<key-arn>": arn } };
  },
  "TestKMS::test_rotate_key_on_demand_raises_error_given_non_symmetric_key#error-response": () => {
    const engine = newEngine();
    const { keyId } = createKey(engine, { KeyUsage: "ENCRYPT_DECRYPT", KeySpec: "RSA_4096" });
    return { error: answerOf(() => engine.call("kms", "RotateKeyOnDemand", { KeyId: keyId })) };
  },
  // The test rotates as many times as the limit allows (each rotation completes at once in the sandbox), then once more.
  "TestKMS::test_key_rotations_limits#error-response": () => {
    const engine = newEngine();
    const { keyId, arn } = createKey(engine, { KeyUsage: "ENCRYPT_DECRYPT", KeySpec: "SYMMETRIC_DEFAULT" });
    for (let rotation = 0; rotation < 100; rotation++) {
      const answer = answerOf(() => engine.call("kms", "RotateKeyOnDemand", { KeyId: keyId }));
      if (answer !== SUCCEEDED) return { error: answer, values: { "<key-arn>": arn } };
    }
    throw new Error("RotateKeyOnDemand never reached a limit");
  },

  "TestKMSGenerateKeys::test_generate_data_key_pair_dry_run#dryrun_exception": () => {
    const engine = newEngine();
    const { keyId } = createKey(engine);
    return { error: answerOf(() => engine.call("kms", "GenerateDataKeyPair", { KeyId: keyId, KeyPairSpec: "RSA_2048", DryRun: true })) };
  },

  "TestKMS::test_replicate_replica_key_should_fail#fail-replicate-non-primary-key": () => {
    const engine = newEngine();
    const primary = createKey(engine, { MultiRegion: true, Description: "test primary key" });
    const replica = engine.call("kms", "ReplicateKey", { KeyId: primary.keyId, ReplicaRegion: SECONDARY }).ReplicaKeyMetadata as WireObject;
    const replicaKeyId = String(replica.KeyId);
    return {
      error: answerOf(() => engine.call("kms", "ReplicateKey", { KeyId: replicaKeyId, ReplicaRegion: SECONDARY }, { region: SECONDARY })),
      values: { "<mrk-key-arn>": String(replica.Arn) },
    };
  },

  "TestKMS::test_import_key_material_raises_if_there_is_already_key_material_pending#existing-pending-material-error": () => {
    const engine = newEngine();
    const { keyId } = createKey(engine, { Origin: "EXTERNAL", KeyUsage: "ENCRYPT_DECRYPT", Description: "test-key" });
    engine.call("kms", "ImportKeyMaterial", { KeyId: keyId, ...wrappedMaterial(engine, keyId, material(1)), ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" });
    const pending = engine.call("kms", "ImportKeyMaterial", {
      KeyId: keyId,
      ...wrappedMaterial(engine, keyId, material(2)),
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      ImportType: "NEW_KEY_MATERIAL",
    });
    const error = answerOf(() =>
      engine.call("kms", "ImportKeyMaterial", { KeyId: keyId, ...wrappedMaterial(engine, keyId, material(3)), ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE", ImportType: "NEW_KEY_MATERIAL" }),
    );
    // The refused material's id (AWS's and the sandbox's are derived from the material): import it once the
    // pending material has been rotated in, and read the id ImportKeyMaterial answers.
    engine.call("kms", "RotateKeyOnDemand", { KeyId: keyId });
    const refusedId = String(
      engine.call("kms", "ImportKeyMaterial", { KeyId: keyId, ...wrappedMaterial(engine, keyId, material(3)), ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE", ImportType: "NEW_KEY_MATERIAL" }).KeyMaterialId,
    );
    return { error, values: { "<key-id:1>": keyId, "<key-material-id>": refusedId, "<key-material-id:2>": String(pending.KeyMaterialId) } };
  },
  "TestKMS::test_rotate_key_on_demand_raises_for_no_pending_key_material#rotate-key-on-demand-invalid-state-error": () => {
    const engine = newEngine();
    const { keyId, arn } = createKey(engine, { Origin: "EXTERNAL", KeyUsage: "ENCRYPT_DECRYPT", Description: "test-key" });
    engine.call("kms", "ImportKeyMaterial", { KeyId: keyId, ...wrappedMaterial(engine, keyId, material(1)), ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" });
    return { error: answerOf(() => engine.call("kms", "RotateKeyOnDemand", { KeyId: keyId })), values: { "<key-arn>": arn } };
  },

  // --- Secrets Manager

  "TestSecretsManager::test_exp_raised_on_creation_of_secret_scheduled_for_deletion#invalid_req_ex": () => {
    const engine = newEngine();
    const request = { Name: SECRET_NAME, SecretString: "secretstr-9d8e7f6a" };
    createSecret(engine, request);
    engine.call("secretsmanager", "DeleteSecret", { SecretId: SECRET_NAME, RecoveryWindowInDays: 7 });
    return { error: answerOf(() => createSecret(engine, request)) };
  },
  // An older version of test_create_and_update_secret: GetSecretValue with the ARN minus its random suffix, for a
  // name that itself ends like a suffix (-a1b2c3), is not a partial ARN AWS resolves.
  "TestSecretsManager::test_create_and_update_secret[Invalid/_+=.@-Name-a1b2c3-False]#resource_not_found_dict_1": () => {
    const engine = newEngine();
    const created = createSecret(engine, { Name: "Invalid/_+=.@-Name-a1b2c3", SecretString: "my_secret", Description: "Testing secret creation." });
    const arn = String(created.ARN);
    engine.call("secretsmanager", "GetSecretValue", { SecretId: "Invalid/_+=.@-Name-a1b2c3" });
    engine.call("secretsmanager", "DescribeSecret", { SecretId: "Invalid/_+=.@-Name-a1b2c3" });
    engine.call("secretsmanager", "GetSecretValue", { SecretId: arn });
    return { error: answerOf(() => engine.call("secretsmanager", "GetSecretValue", { SecretId: arn.slice(0, -7) })) };
  },
  "TestSecretsManager::test_invalid_secret_name[Inv Name]#ex_log_1": () => ({
    error: answerOf(() => createSecret(newEngine(), { Name: "Inv Name", SecretString: "MySecretString" })),
  }),
  "TestSecretsManager::test_secret_exists_snapshots#ex_log": () => {
    const engine = newEngine();
    const request = { Name: SECRET_NAME, SecretString: `my_secret_${SECRET_NAME}`, Description: "Snapshot testing secret already exists." };
    createSecret(engine, request);
    return { error: answerOf(() => createSecret(engine, request)), values: { "<SecretId-0idx>": SECRET_NAME } };
  },
  "TestSecretsManager::test_rotate_secret_invalid_lambda_arn#rotate_secret_invalid_arn_exc": () => ({
    error: rotateWithLambda(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:rotate_secret_invalid_lambda_arn`),
  }),
  "TestSecretsManager::test_get_secret_value_errors#error_get_secret_value_non_existing": () => {
    const engine = newEngine();
    const created = createSecret(engine, { Name: "a1b2c3d4", SecretString: "test" });
    return { error: answerOf(() => engine.call("secretsmanager", "GetSecretValue", { SecretId: String(created.ARN), VersionStage: "AWSPREVIOUS" })) };
  },
  "TestSecretsManager::test_get_secret_value_errors#mismatch_version_id_and_stage": () => {
    const engine = newEngine();
    const created = createSecret(engine, { Name: "a1b2c3d4", SecretString: "test" });
    return { error: answerOf(() => engine.call("secretsmanager", "GetSecretValue", { SecretId: "a1b2c3d4", VersionId: String(created.VersionId), VersionStage: "AWSPREVIOUS" })) };
  },
  "TestSecretsManager::test_first_rotate_secret_with_missing_lambda_arn#rotate_secret_no_arn_exc": () => ({ error: rotateWithLambda(undefined) }),
  "TestSecretsManager::test_tag_untag_resource_on_deleted_secret#tag_deleted_secret_error": () => {
    const engine = newEngine();
    const created = createSecret(engine, { Name: "a1b2c3d4", SecretString: "test-secret-value", Tags: [{ Key: "initial-tag", Value: "initial-value" }] });
    const arn = String(created.ARN);
    engine.call("secretsmanager", "DeleteSecret", { SecretId: arn });
    return { error: answerOf(() => engine.call("secretsmanager", "TagResource", { SecretId: arn, Tags: [{ Key: "new-tag", Value: "new-value" }] })) };
  },
};

// ---------------------------------------------------------------------------
// Entries the engine answers differently today (fidelity bugs). Each holds the
// engine's CURRENT answer, in the recording's placeholders; the lead fixes the
// engine and deletes the entry.

const knownDifferences: Record<string, Answer> = {
};

// ---------------------------------------------------------------------------
// Entries the sandbox cannot request, and why.

const notReproducible: Record<string, string> = {
  "TestKMS::test_derive_shared_secret#response-invalid-key-usage": "DeriveSharedSecret: key agreement keys are not simulated (the operation is not in the engine).",
  "TestKMS::test_derive_shared_secret#response-invalid-key-agreement-algo": "DeriveSharedSecret: key agreement keys are not simulated (the operation is not in the engine).",
  "TestKMS::test_derive_shared_secret#response-invalid-key": "DeriveSharedSecret: key agreement keys are not simulated (the operation is not in the engine).",
  "TestKMS::test_derive_shared_secret#response-invalid-public-key": "DeriveSharedSecret: key agreement keys are not simulated (the operation is not in the engine).",
  "TestKMS::test_rotate_key_on_demand_raises_error_given_key_with_imported_key_material#error-response":
    "Superseded: recorded 2025-03, before AWS rotated imported material on demand; the test is gone and AWS now answers KMSInvalidStateException '<key-arn> is pending import.' (test_rotate_key_on_demand_on_external_key_with_no_key_material, 2025-11).",
};

// ---------------------------------------------------------------------------

const GLOBAL_PLACEHOLDERS: Placeholders = { "<partition>": "aws", "<region>": REGION, "111111111111": ACCOUNT };

/** The recorded text with LocalStack's placeholders replaced by the sandbox's values. */
function expand(template: string, values: Placeholders = {}): string {
  let text = template;
  for (const [placeholder, value] of Object.entries({ ...GLOBAL_PLACEHOLDERS, ...values })) text = text.split(placeholder).join(value);
  const unresolved = text.match(/<[A-Za-z][\w:-]*>/);
  if (unresolved) throw new Error(`no value for the placeholder ${unresolved[0]} in: ${template}`);
  return text;
}

describe("recorded AWS errors (LocalStack @aws_validated snapshots) in the sandbox", () => {
  it("has one entry per recorded error, and every table key names one", () => {
    const keys = errors.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    const known = new Set(keys);
    for (const table of [reproductions, knownDifferences, notReproducible]) for (const key of Object.keys(table)) expect(known.has(key), key).toBe(true);
    for (const key of Object.keys(knownDifferences)) expect(key in reproductions, key).toBe(true);
    for (const key of Object.keys(notReproducible)) expect(key in reproductions, key).toBe(false);
  });

  it.each(errors.map((entry) => [keyOf(entry), entry] as const))("%s", (key, entry) => {
    if (key in notReproducible) {
      expect(notReproducible[key]).toMatch(/\S/);
      return;
    }
    const reproduce = reproductions[key];
    if (!reproduce) throw new Error(`no reproduction for ${key}: add one to \`reproductions\` or give the reason in \`notReproducible\``);
    const { error, values } = reproduce();
    const recorded: Answer = { code: entry.code, message: expand(entry.message, values) };
    const current = knownDifferences[key];
    if (current !== undefined) {
      // A known difference (see knownDifferences): the engine's current answer, which must still differ from AWS's.
      expect(error).toEqual(current === SUCCEEDED ? SUCCEEDED : { code: current.code, message: expand(current.message, values) });
      expect(error).not.toEqual(recorded);
      return;
    }
    expect(error).toEqual(recorded);
  });
});
