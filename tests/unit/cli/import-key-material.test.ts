import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox/create-sandbox";

/**
 * Bring your own key, in the terminal, with the commands of AWS's "Importing
 * key material" instructions (developer guide: download the wrapping key and
 * import token, decode them with openssl enc -d -base64 -A, make 256 bits of
 * material with openssl rand, wrap it with openssl pkeyutl, import it).
 */
describe("importing key material from the terminal", () => {
  it("runs AWS's instructions verbatim, and the key encrypts once the material is in", () => {
    const session = createSandbox({ scenario: "empty", seed: 61 });
    const run = (line: string) => session.runSync(line);
    expect(run("KEY=$(aws kms create-key --origin EXTERNAL --query KeyMetadata.KeyId --output text)").exitCode).toBe(0);
    run("export KEY_PARAMETERS=$(aws kms get-parameters-for-import --key-id $KEY --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_2048)");
    run('echo $KEY_PARAMETERS | jq -r ".ImportToken" > ImportToken.b64');
    run('echo $KEY_PARAMETERS | jq -r ".PublicKey" > PublicKey.b64');
    expect(run("openssl enc -d -base64 -A -in PublicKey.b64 -out PublicKey.bin && openssl enc -d -base64 -A -in ImportToken.b64 -out ImportToken.bin").exitCode).toBe(0);
    expect(run("openssl rand -out PlaintextKeyMaterial.bin 32").exitCode).toBe(0);
    const wrap = run(
      "openssl pkeyutl -encrypt -in PlaintextKeyMaterial.bin -out EncryptedKeyMaterial.bin -inkey PublicKey.bin -keyform DER -pubin -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256",
    );
    expect([wrap.exitCode, wrap.stderr]).toEqual([0, ""]);
    const imported = run("aws kms import-key-material --key-id $KEY --encrypted-key-material fileb://EncryptedKeyMaterial.bin --import-token fileb://ImportToken.bin --expiration-model KEY_MATERIAL_DOES_NOT_EXPIRE");
    expect(imported.exitCode).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ KeyId: expect.stringMatching(/^arn:aws:kms:us-east-1:\d{12}:key\//), KeyMaterialId: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(run("aws kms describe-key --key-id $KEY --query KeyMetadata.KeyState --output text").stdout).toBe("Enabled\n");
    expect(run("aws kms encrypt --key-id $KEY --plaintext aGVsbG8= --query EncryptionAlgorithm --output text").stdout).toBe("SYMMETRIC_DEFAULT\n");

    // Deleting the material makes the key unusable at once (immediate revocation).
    run("aws kms delete-imported-key-material --key-id $KEY");
    const refused = run("aws kms encrypt --key-id $KEY --plaintext aGVsbG8=");
    expect(refused.exitCode).toBe(254);
    expect(refused.stderr).toMatch(/\(KMSInvalidStateException\) when calling the Encrypt operation: arn:aws:kms:.* is pending import\.\n$/);
  });
});
