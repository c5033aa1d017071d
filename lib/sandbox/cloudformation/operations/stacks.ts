import { inputs } from "../../contracts/cloudformation";
import { defineOperation, type WireObject } from "../../core/operation";
import * as errors from "../errors";
import { runDeletion, type StackRun } from "../provision";
import { stepStack } from "../stack.machine";
import type { StackRecord } from "../state";
import { authorizeStack, checkStackName, findAuthorizedStack, pruneDeletedStacks, requireAuthorizedStack, visibleStacks } from "../stacks";
import { checkTemplate } from "../template/checks";
import { readTemplate, type Template } from "../template/model";
import { eventShape, resourceSummaryShape, stackResourceShape, stackShape, stackSummaryShape } from "../views";

/**
 * The read operations, DeleteStack, GetTemplate, ValidateTemplate and ListStacks.
 *
 * NOTE: results come in one page (NextToken is accepted and never returned); AWS pages DescribeStacks,
 * DescribeStackEvents, ListStackResources and ListStacks.
 */

/** Newest first (stacks created at the same moment: the later one first). NOTE: AWS does not document the order of DescribeStacks and ListStacks. */
const newestFirst = (stacks: StackRecord[]) => [...stacks].reverse().sort((a, b) => b.createdAt - a.createdAt);

export const describeStacks = defineOperation({
  name: "DescribeStacks",
  input: inputs.DescribeStacks,
  readOnly: true,
  handler(ctx, input) {
    if (input.StackName !== undefined) checkStackName(input.StackName, "lookup");
    if (input.StackName === undefined) {
      authorizeStack(ctx, "DescribeStacks");
      // Without a name: every stack that is not deleted ("returns the description for all the stacks created").
      return { Stacks: newestFirst(visibleStacks(ctx).filter((stack) => stack.status !== "DELETE_COMPLETE")).map(stackShape) };
    }
    return { Stacks: [stackShape(requireAuthorizedStack(ctx, "DescribeStacks", input.StackName))] };
  },
});

export const describeStackEvents = defineOperation({
  name: "DescribeStackEvents",
  input: inputs.DescribeStackEvents,
  readOnly: true,
  handler(ctx, input) {
    checkStackName(input.StackName, "lookup");
    const stack = requireAuthorizedStack(ctx, "DescribeStackEvents", input.StackName);
    return { StackEvents: [...stack.events].reverse().map((event) => eventShape(stack, event)) };
  },
});

export const describeStackResources = defineOperation({
  name: "DescribeStackResources",
  input: inputs.DescribeStackResources,
  readOnly: true,
  handler(ctx, input) {
    let stack: StackRecord | undefined;
    if (input.StackName !== undefined) {
      stack = requireAuthorizedStack(ctx, "DescribeStackResources", input.StackName);
    } else if (input.PhysicalResourceId !== undefined) {
      stack = visibleStacks(ctx).find((candidate) => candidate.resources.some((resource) => resource.physicalId === input.PhysicalResourceId));
      authorizeStack(ctx, "DescribeStackResources", stack ? { stackId: stack.stackId } : {});
      // NOTE: unverified wording for a physical id no stack knows.
      if (!stack) throw errors.validationError(`Stack for ${input.PhysicalResourceId} does not exist`);
    } else {
      // NOTE: unverified wording.
      throw errors.validationError("Either StackName or PhysicalResourceId must be specified.");
    }
    const resources = stack.resources.filter(
      (resource) =>
        (input.LogicalResourceId === undefined || resource.logicalId === input.LogicalResourceId) &&
        (input.StackName !== undefined || input.PhysicalResourceId === undefined || resource.physicalId === input.PhysicalResourceId),
    );
    const found = stack;
    return { StackResources: resources.map((resource) => stackResourceShape(found, resource)) };
  },
});

export const listStackResources = defineOperation({
  name: "ListStackResources",
  input: inputs.ListStackResources,
  readOnly: true,
  handler(ctx, input) {
    checkStackName(input.StackName, "lookup");
    const stack = requireAuthorizedStack(ctx, "ListStackResources", input.StackName);
    return { StackResourceSummaries: stack.resources.map(resourceSummaryShape) };
  },
});

/**
 * DeleteStack: deletes the resources newest first, with the caller's permissions.
 * A stack that does not exist, or is already deleted, is not an error and nothing changes.
 * NOTE: AWS deletes asynchronously; the sandbox finishes inside the call (DescribeStacks by stack id shows
 * DELETE_COMPLETE at once). RetainResources, RoleARN and DeletionMode are not simulated (ignored).
 */
export const deleteStack = defineOperation({
  name: "DeleteStack",
  input: inputs.DeleteStack,
  readOnly: false,
  handler(ctx, input) {
    checkStackName(input.StackName, "lookup");
    const stack = findAuthorizedStack(ctx, "DeleteStack", input.StackName);
    if (!stack) return {};
    const next = stepStack(stack.status, { type: "stack.delete" }, stack.stackName);
    if (stack.status === "DELETE_COMPLETE") return {};
    pruneDeletedStacks(ctx);
    stack.status = next as StackRecord["status"];
    // The template says which resources to keep (DeletionPolicy); it was read when the stack was created.
    let template: Template;
    try {
      template = readTemplate(stack.templateBody);
    } catch {
      template = { parameters: {}, resources: [], outputs: [] };
    }
    const run: StackRun = { ctx, stack, template, values: {}, shownValues: {}, created: new Map(), ssmCache: new Map() };
    runDeletion(run);
    return {};
  },
});

export const getTemplate = defineOperation({
  name: "GetTemplate",
  input: inputs.GetTemplate,
  readOnly: true,
  handler(ctx, input) {
    // NOTE: change sets are not simulated.
    if (input.ChangeSetName !== undefined) throw errors.validationError("The sandbox does not simulate change sets.");
    // NOTE: unverified wording for a call without StackName.
    const stack = requireAuthorizedStack(ctx, "GetTemplate", input.StackName ?? "");
    // The template as given: dynamic references stay as written. Without transforms, Processed is the same text.
    return { TemplateBody: stack.templateBody, StagesAvailable: ["Original", "Processed"] };
  },
});

/**
 * ValidateTemplate: the format checks CreateStack makes (a type the sandbox does not simulate is still a valid
 * template), and the template's parameters.
 */
export const validateTemplate = defineOperation({
  name: "ValidateTemplate",
  input: inputs.ValidateTemplate,
  readOnly: true,
  handler(ctx, input) {
    authorizeStack(ctx, "ValidateTemplate");
    if (input.TemplateBody === undefined && input.TemplateURL === undefined) throw errors.noTemplate();
    if (input.TemplateBody === undefined) throw errors.validationError("The sandbox does not simulate templates given by TemplateURL (there is no S3 in the sandbox); pass the template with --template-body.");
    const template = readTemplate(input.TemplateBody);
    checkTemplate(template);
    const output: WireObject = {
      Parameters: Object.entries(template.parameters).map(([key, parameter]) => ({
        ParameterKey: key,
        ...(parameter.defaultValue === undefined ? {} : { DefaultValue: parameter.defaultValue }),
        NoEcho: parameter.noEcho,
        ...(parameter.description === undefined ? {} : { Description: parameter.description }),
      })),
    };
    if (template.description !== undefined) output.Description = template.description;
    return output;
  },
});

export const listStacks = defineOperation({
  name: "ListStacks",
  input: inputs.ListStacks,
  readOnly: true,
  handler(ctx, input) {
    authorizeStack(ctx, "ListStacks");
    const filter = input.StackStatusFilter;
    const stacks = newestFirst(visibleStacks(ctx).filter((stack) => filter === undefined || filter.length === 0 || filter.includes(stack.status)));
    return {
      StackSummaries: stacks.map((stack) => stackSummaryShape(stack, stack.description)),
    };
  },
});
