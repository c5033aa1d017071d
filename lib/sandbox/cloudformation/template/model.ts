import { AwsServiceError } from "../../core/errors";
import * as errors from "../errors";
import { parseJson } from "./json";
import { parseYaml } from "./yaml";

/**
 * A template read into the parts CloudFormation works with, after the
 * format checks AWS makes before any stack exists (all ValidationError
 * "Template format error: ..."). Resource and output order is the template's.
 */

export interface ParameterDeclaration {
  type: string;
  defaultValue?: string;
  allowedValues?: string[];
  allowedPattern?: string;
  minLength?: number;
  maxLength?: number;
  noEcho: boolean;
  description?: string;
}

export interface ResourceDeclaration {
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
  dependsOn: string[];
  /** DeletionPolicy: Delete (the default), Retain, RetainExceptOnCreate, Snapshot. */
  deletionPolicy?: string;
}

export interface OutputDeclaration {
  key: string;
  value: unknown;
  description?: unknown;
  exportName?: unknown;
}

export interface Template {
  description?: string;
  parameters: Record<string, ParameterDeclaration>;
  resources: ResourceDeclaration[];
  outputs: OutputDeclaration[];
}

/** The template sections (user guide, "Template section reference"). */
const SECTIONS = ["AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs"];

/** Message for things CloudFormation does that the sandbox does not simulate (the sandbox's own words). */
export function notSimulated(what: string): AwsServiceError {
  return errors.validationError(`The sandbox does not simulate ${what}.`);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads a template body: JSON when it starts with "{", YAML otherwise (as CloudFormation decides). */
export function readTemplateBody(body: string): Record<string, unknown> {
  let value: unknown;
  if (body.trimStart().startsWith("{")) {
    const parsed = parseJson(body);
    if (!parsed.ok) throw errors.jsonNotWellFormed(parsed.line, parsed.column);
    value = parsed.value;
  } else {
    const parsed = parseYaml(body);
    if (!parsed.ok) {
      if ("notLoaded" in parsed) {
        // The sandbox's own answer, for an engine used without its tools (see template/yaml.ts); InternalFailure would make clients retry.
        throw new AwsServiceError("ValidationError", "This sandbox engine was started without its YAML reader (provideYaml): send the template as JSON.");
      }
      throw errors.yamlNotWellFormed(parsed.line, parsed.column);
    }
    value = parsed.value;
  }
  if (!isPlainObject(value)) throw errors.unsupportedStructure();
  return value;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function readParameter(key: string, declaration: unknown): ParameterDeclaration {
  if (!isPlainObject(declaration) || typeof declaration["Type"] !== "string") {
    // NOTE: unverified wording for a parameter without a Type.
    throw errors.validationError(`Template format error: Every Parameters object must contain a Type member.`);
  }
  const parameter: ParameterDeclaration = { type: declaration["Type"], noEcho: declaration["NoEcho"] === true || declaration["NoEcho"] === "true" };
  const defaultValue = declaration["Default"];
  if (defaultValue !== undefined) parameter.defaultValue = Array.isArray(defaultValue) ? defaultValue.map((item) => scalarText(item) ?? "").join(",") : (scalarText(defaultValue) ?? "");
  if (Array.isArray(declaration["AllowedValues"])) parameter.allowedValues = declaration["AllowedValues"].map((item) => scalarText(item) ?? "");
  if (typeof declaration["AllowedPattern"] === "string") parameter.allowedPattern = declaration["AllowedPattern"];
  const min = Number(declaration["MinLength"]);
  const max = Number(declaration["MaxLength"]);
  if (declaration["MinLength"] !== undefined && Number.isFinite(min)) parameter.minLength = min;
  if (declaration["MaxLength"] !== undefined && Number.isFinite(max)) parameter.maxLength = max;
  if (typeof declaration["Description"] === "string") parameter.description = declaration["Description"];
  void key;
  return parameter;
}

/** The format checks of CreateStack and ValidateTemplate, in the order AWS reports them. */
export function readTemplate(body: string): Template {
  const raw = readTemplateBody(body);

  const unknown = Object.keys(raw).filter((key) => !SECTIONS.includes(key));
  if (unknown.length > 0) throw errors.invalidTemplateProperties(unknown);

  const resources = raw["Resources"];
  if (!isPlainObject(resources) || Object.keys(resources).length === 0) throw errors.noResources();
  const declared: ResourceDeclaration[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource) || typeof resource["Type"] !== "string" || resource["Type"] === "") throw errors.resourceWithoutType(logicalId);
    const properties = resource["Properties"] ?? {};
    if (!isPlainObject(properties)) {
      // NOTE: unverified wording.
      throw errors.validationError(`Template format error: [/Resources/${logicalId}/Properties] Properties must be an object.`);
    }
    const dependsOnRaw = resource["DependsOn"];
    const dependsOn = dependsOnRaw === undefined ? [] : (Array.isArray(dependsOnRaw) ? dependsOnRaw : [dependsOnRaw]).map((item) => String(item));
    if (resource["Condition"] !== undefined) throw notSimulated("conditions (the Condition resource attribute)");
    const deletionPolicy = typeof resource["DeletionPolicy"] === "string" ? resource["DeletionPolicy"] : undefined;
    declared.push({ logicalId, type: resource["Type"], properties, dependsOn, ...(deletionPolicy === undefined ? {} : { deletionPolicy }) });
  }

  if (raw["Transform"] !== undefined) throw notSimulated("transforms (AWS::Serverless, AWS::Include, macros)");
  if (isPlainObject(raw["Conditions"]) && Object.keys(raw["Conditions"]).length > 0) throw notSimulated("the Conditions section (Fn::If, Fn::Equals and the Condition attribute)");

  const parameters: Record<string, ParameterDeclaration> = {};
  if (raw["Parameters"] !== undefined) {
    if (!isPlainObject(raw["Parameters"])) throw errors.validationError("Template format error: Parameters must be an object."); // NOTE: unverified wording.
    for (const [key, declaration] of Object.entries(raw["Parameters"])) parameters[key] = readParameter(key, declaration);
  }

  const outputs: OutputDeclaration[] = [];
  if (raw["Outputs"] !== undefined) {
    if (!isPlainObject(raw["Outputs"])) throw errors.validationError("Template format error: Outputs must be an object."); // NOTE: unverified wording.
    for (const [key, output] of Object.entries(raw["Outputs"])) {
      if (!isPlainObject(output) || output["Value"] === undefined) {
        // NOTE: unverified wording.
        throw errors.validationError("Template format error: Every Outputs member must contain a Value object");
      }
      const exportBlock = output["Export"];
      outputs.push({
        key,
        value: output["Value"],
        ...(output["Description"] === undefined ? {} : { description: output["Description"] }),
        ...(isPlainObject(exportBlock) && exportBlock["Name"] !== undefined ? { exportName: exportBlock["Name"] } : {}),
      });
    }
  }

  const template: Template = { parameters, resources: declared, outputs };
  if (typeof raw["Description"] === "string") template.description = raw["Description"];
  return template;
}

/**
 * The service namespaces of CloudFormation resource types (one per AWS_<Namespace> page of the user guide's
 * "AWS resource and property types reference", awsdocs/aws-cloudformation-user-guide at its last update,
 * September 2023). A type outside `AWS::<one of these>::...` is "Unrecognized".
 * NOTE: the sandbox checks the namespace only, not the resource name after it, and does not know
 * namespaces added since.
 */
export const RESOURCE_NAMESPACES = new Set(
  (
    "ACMPCA APS AccessAnalyzer AmazonMQ Amplify AmplifyUIBuilder ApiGateway ApiGatewayV2 AppConfig AppFlow AppIntegrations AppMesh AppRunner " +
    "AppStream AppSync ApplicationAutoScaling ApplicationInsights Athena AuditManager AutoScaling AutoScalingPlans Backup BackupGateway Batch " +
    "BillingConductor Budgets CE CUR Cassandra CertificateManager Chatbot CleanRooms Cloud9 CloudFormation CloudFront CloudTrail CloudWatch " +
    "CodeArtifact CodeBuild CodeCommit CodeDeploy CodeGuruProfiler CodeGuruReviewer CodePipeline CodeStar CodeStarConnections " +
    "CodeStarNotifications Cognito Comprehend Config Connect ConnectCampaigns ControlTower CustomerProfiles DAX DLM DMS DataBrew DataPipeline " +
    "DataSync Detective DevOpsGuru DeviceFarm DirectoryService DocDB DocDBElastic DynamoDB EC2 ECR ECS EFS EKS EMR EMRContainers EMRServerless " +
    "ElastiCache ElasticBeanstalk ElasticLoadBalancing ElasticLoadBalancingV2 Elasticsearch EntityResolution EventSchemas Events Evidently FIS " +
    "FMS FSx FinSpace Forecast FraudDetector GameLift GlobalAccelerator Glue Grafana Greengrass GreengrassV2 GroundStation GuardDuty HealthLake " +
    "IAM IVS IVSChat IdentityStore ImageBuilder Inspector InspectorV2 InternetMonitor IoT IoT1Click IoTAnalytics IoTCoreDeviceAdvisor IoTEvents " +
    "IoTFleetHub IoTFleetWise IoTSiteWise IoTTwinMaker IoTWireless KMS KafkaConnect Kendra KendraRanking Kinesis KinesisAnalytics " +
    "KinesisAnalyticsV2 KinesisFirehose KinesisVideo LakeFormation Lambda Lex LicenseManager Lightsail Location Logs LookoutEquipment " +
    "LookoutMetrics LookoutVision M2 MSK MWAA Macie ManagedBlockchain MediaConnect MediaConvert MediaLive MediaPackage MediaPackageV2 MediaStore " +
    "MediaTailor MemoryDB Neptune NetworkFirewall NetworkManager NimbleStudio OSIS Oam Omics OpenSearchServerless OpenSearchService OpsWorks " +
    "OpsWorksCM Organizations PCAConnectorAD Panorama Personalize Pinpoint PinpointEmail Pipes Proton QLDB QuickSight RAM RDS RUM Redshift " +
    "RedshiftServerless RefactorSpaces Rekognition ResilienceHub ResourceExplorer2 ResourceGroups RoboMaker RolesAnywhere Route53 " +
    "Route53RecoveryControl Route53RecoveryReadiness Route53Resolver S3 S3ObjectLambda S3Outposts SDB SES SNS SQS SSM SSMContacts SSMIncidents " +
    "SSO SageMaker Scheduler SecretsManager SecurityHub ServiceCatalog ServiceCatalogAppRegistry ServiceDiscovery Shield Signer SimSpaceWeaver " +
    "StepFunctions SupportApp Synthetics SystemsManagerSAP Timestream Transfer VerifiedPermissions VoiceID VpcLattice WAF WAFRegional WAFv2 " +
    "Wisdom WorkSpaces WorkSpacesWeb XRay"
  ).split(" "),
);

/** Whether CloudFormation knows a resource type at all (custom resources included). */
export function isRecognizedResourceType(type: string): boolean {
  if (/^Custom::[A-Za-z0-9_@-]{1,60}$/.test(type)) return true;
  const match = /^AWS::([A-Za-z0-9]+)::[A-Za-z0-9]+$/.exec(type);
  return match !== null && RESOURCE_NAMESPACES.has(match[1]!);
}
