import * as z from "zod";
import { aws } from "../../core/validation";

/**
 * Request members shared by several operations, with the API model's
 * constraints (botocore ssm 2014-11-06 service-2.json).
 */

/** PSParameterName: 1-2048 (the service's own limit, 1011 with the ARN prefix, is checked in names.ts). */
export const parameterName = () => aws.string({ min: 1, max: 2048 });

/** ParameterNameList: 1-10 names. */
export const parameterNames = () => aws.list(parameterName(), { min: 1, max: 10 });

/** TagKey and TagValue allow letters, separators, digits and _ . : / = + - @ (Unicode classes, hence the u flag). */
const TAG_PATTERN = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;

export const tagKey = () => aws.string({ min: 1, max: 128, pattern: TAG_PATTERN });

export const tag = () => z.object({ Key: tagKey(), Value: aws.string({ min: 0, max: 256, pattern: TAG_PATTERN }) });

export const tagList = () => aws.list(tag(), { max: 1000 });

/** ParameterStringFilter. The Key pattern is printed as the model writes it (without anchors). */
const FILTER_KEY = /^(?:tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType)$/;
export const parameterStringFilter = () =>
  z.object({
    Key: aws
      .string({ min: 1, max: 132 })
      .refine((key) => FILTER_KEY.test(key), { message: "Member must satisfy regular expression pattern: tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType" }),
    Option: aws.string({ min: 1, max: 10 }).optional(),
    Values: aws.list(aws.string({ min: 1, max: 1024 }), { min: 1, max: 50 }).optional(),
  });

export const parameterStringFilters = () => z.array(parameterStringFilter());

/** PSParameterVersion is a long. */
export const parameterVersion = () => aws.integer({ min: 1 });

/** ParameterLabelList: 1-10 labels of 1-100 characters. */
export const labelList = () => aws.list(aws.string({ min: 1, max: 100 }), { min: 1, max: 10 });

/**
 * NOTE: the model's enums print their value sets in AWS's messages; the one
 * verified example (AWS-CLI.md: "[SecureString, StringList, String]") lists
 * the model's order reversed, and the sandbox lists every SSM enum that way.
 */
export const parameterTypeEnum = () => aws.enum(["SecureString", "StringList", "String"]);
export const parameterTierEnum = () => aws.enum(["Intelligent-Tiering", "Advanced", "Standard"]);
export const resourceTypeForTagging = () =>
  aws.enum(["Association", "Automation", "OpsMetadata", "OpsItem", "PatchBaseline", "Parameter", "MaintenanceWindow", "ManagedInstance", "Document"]);
