import type { ServiceSpec } from "../core/operation";
import { createStack } from "./operations/create-stack";
import { deleteStack, describeStackEvents, describeStackResources, describeStacks, getTemplate, listStackResources, listStacks, validateTemplate } from "./operations/stacks";

/**
 * AWS CloudFormation: stacks from JSON or YAML templates, whose resources
 * (SSM parameters, secrets, KMS keys and aliases, EC2 instances) are created
 * through the other simulated services with the caller's permissions. Its
 * point is dynamic references and Systems Manager parameter types: what
 * CloudFormation resolves, as whom, where the value ends up, and where it
 * never appears. See README.md, "CloudFormation".
 *
 * NOTE: CloudFormation speaks AWS's Query protocol with XML; the sandbox keeps
 * its requests and responses as the other services' JSON (the CLI prints the
 * same either way).
 */

export const cloudFormationService: ServiceSpec = {
  id: "cloudformation",
  eventSource: "cloudformation.amazonaws.com",
  validationErrorCode: "ValidationError",
  errorMessageKey: "message",
  operations: {
    CreateStack: createStack,
    DescribeStacks: describeStacks,
    DescribeStackEvents: describeStackEvents,
    DescribeStackResources: describeStackResources,
    ListStackResources: listStackResources,
    DeleteStack: deleteStack,
    GetTemplate: getTemplate,
    ValidateTemplate: validateTemplate,
    ListStacks: listStacks,
  },
};

export { stackMachine } from "./stack.machine";
export { SIMULATED_RESOURCE_TYPES } from "./resources";
export { provideYaml } from "./template/yaml";
