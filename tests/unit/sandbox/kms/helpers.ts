import * as z from "zod";
import { fromBase64, toBase64, utf8 } from "@/lib/sandbox/core/encoding";
import { defineOperation, type ServiceSpec, type WireObject } from "@/lib/sandbox/core/operation";
import { aws } from "@/lib/sandbox/core/validation";
import { createEngine, type Sandbox } from "@/lib/sandbox/index";
import { kmsClient } from "@/lib/sandbox/kms/client";
import { kmsService } from "@/lib/sandbox/kms/service";
import { Sandbox as SandboxClass } from "@/lib/sandbox/sandbox";
import { stsService } from "@/lib/sandbox/sts/service";
export { ACCOUNT, awsError, expectError as expectAwsError, PARTNER, REGION, START, START_MS } from "../shared";
import { START } from "../shared";


export const newSandbox = (seed = 1): Sandbox => createEngine({ seed, now: START });

export const b64 = (text: string): string => toBase64(utf8.encode(text));
export const text = (base64: unknown): string => utf8.decode(fromBase64(String(base64)));

export interface KeyInfo {
  keyId: string;
  arn: string;
  metadata: WireObject;
}

/** CreateKey with the given members; the new key's id, ARN and metadata. */
export function createKey(sandbox: Sandbox, input: WireObject = {}): KeyInfo {
  const metadata = sandbox.call("kms", "CreateKey", input).KeyMetadata as WireObject;
  return { keyId: String(metadata.KeyId), arn: String(metadata.Arn), metadata };
}

export function describe_(sandbox: Sandbox, keyId: string): WireObject {
  return sandbox.call("kms", "DescribeKey", { KeyId: keyId }).KeyMetadata as WireObject;
}

export const keyState = (sandbox: Sandbox, keyId: string): unknown => describe_(sandbox, keyId).KeyState;



export function encrypt(sandbox: Sandbox, keyId: string, plaintext: string, context?: Record<string, string>): string {
  return String(sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64(plaintext), ...(context ? { EncryptionContext: context } : {}) }).CiphertextBlob);
}

export function decrypt(sandbox: Sandbox, blob: string, context?: Record<string, string>): string {
  return text(sandbox.call("kms", "Decrypt", { CiphertextBlob: blob, ...(context ? { EncryptionContext: context } : {}) }).Plaintext);
}

/**
 * A tiny stand-in for Parameter Store that encrypts and decrypts through KMS
 * the way the real services do: ctx.call with `via`, nothing read from KMS state.
 */
export const fakeParameterStore: ServiceSpec = {
  id: "ssm",
  eventSource: "ssm.amazonaws.com",
  errorMessageKey: "message",
  operations: {
    SealValue: defineOperation({
      name: "SealValue",
      input: z.object({ KeyId: aws.string().optional(), Value: aws.string(), Name: aws.string() }),
      readOnly: false,
      handler(ctx, input) {
        const kms = kmsClient(ctx, "ssm.amazonaws.com");
        const { ciphertext, keyArn } = kms.encrypt({ keyId: input.KeyId ?? "alias/aws/ssm", plaintext: utf8.encode(input.Value), context: { PARAMETER_ARN: input.Name } });
        return { Blob: toBase64(ciphertext), KeyArn: keyArn };
      },
    }),
    OpenValue: defineOperation({
      name: "OpenValue",
      input: z.object({ Blob: aws.string(), Name: aws.string() }),
      readOnly: true,
      handler(ctx, input) {
        const kms = kmsClient(ctx, "ssm.amazonaws.com");
        const { plaintext, keyArn } = kms.decrypt({ ciphertext: fromBase64(input.Blob), context: { PARAMETER_ARN: input.Name } });
        return { Value: utf8.decode(plaintext), KeyArn: keyArn };
      },
    }),
    NewDataKey: defineOperation({
      name: "NewDataKey",
      input: z.object({ KeyId: aws.string() }),
      readOnly: true,
      handler(ctx, input) {
        const kms = kmsClient(ctx, "ssm.amazonaws.com");
        const { plaintext, ciphertext, keyArn } = kms.generateDataKey({ keyId: input.KeyId });
        return { Length: plaintext.length, Blob: toBase64(ciphertext), KeyArn: keyArn, Description: String(kms.describeKey(input.KeyId).Description) };
      },
    }),
  },
};

/** A sandbox with KMS, STS and the fake Parameter Store. */
export const sandboxWithFakeSsm = (seed = 1): SandboxClass => new SandboxClass([kmsService, fakeParameterStore, stsService], { seed, now: START });

/** An IAM policy document as the sandbox's putUser expects it. */
export const allow = (action: string | string[], resource: string | string[] = "*") => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: action, Resource: resource }],
});
