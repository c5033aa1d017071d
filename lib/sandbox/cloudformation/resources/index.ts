import { ec2InstanceProvider } from "./ec2-instance";
import { kmsAliasProvider, kmsKeyProvider } from "./kms";
import { secretProvider } from "./secret";
import { ssmParameterProvider } from "./ssm-parameter";
import type { ResourceProvider } from "./types";

/** The resource types the sandbox's CloudFormation creates (help texts list them from here). */
export const RESOURCE_PROVIDERS: ReadonlyMap<string, ResourceProvider> = new Map(
  [ssmParameterProvider, secretProvider, kmsKeyProvider, kmsAliasProvider, ec2InstanceProvider].map((provider) => [provider.type, provider]),
);

export const SIMULATED_RESOURCE_TYPES: readonly string[] = [...RESOURCE_PROVIDERS.keys()];

export type { ResourceProvider } from "./types";
