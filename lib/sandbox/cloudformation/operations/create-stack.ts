import { inputs } from "../../contracts/cloudformation";
import { defineOperation } from "../../core/operation";
import * as errors from "../errors";
import { precheckDynamicReferences, pseudoParameters, runCreation, stackEvent, type StackRun } from "../provision";
import { RESOURCE_PROVIDERS, SIMULATED_RESOURCE_TYPES } from "../resources";
import { stepStack } from "../stack.machine";
import type { OnFailure, StackRecord } from "../state";
import { authorizeStack, checkStackName, cloudFormationState, findStack, pruneDeletedStacks, stackArn } from "../stacks";
import { checkTemplate } from "../template/checks";
import { notSimulated, readTemplate } from "../template/model";
import { checkParameterNames, resolveParameters } from "../template/parameters";
import { MASK } from "../views";

/**
 * CreateStack: the template, parameters and dynamic references are checked first (ValidationError, no stack);
 * then the stack exists and its resources are created in dependency order, each through the real simulated
 * service as the caller.
 *
 * NOTE: AWS creates the stack asynchronously (the call answers with the StackId at once, and describe-stacks shows
 * CREATE_IN_PROGRESS for a while); the sandbox does all the work inside the call, so DescribeStacks shows the final
 * status (CREATE_COMPLETE, ROLLBACK_COMPLETE, ...) immediately. The events show every step.
 */

/** Text for a resource type CloudFormation has that the sandbox does not create (the sandbox's own words). */
export function unsupportedTypeMessage(types: readonly string[]): string {
  return `The sandbox does not simulate the resource type${types.length === 1 ? "" : "s"} ${types.join(", ")}. Its CloudFormation creates ${SIMULATED_RESOURCE_TYPES.join(", ")}.`;
}

export const createStack = defineOperation({
  name: "CreateStack",
  input: inputs.CreateStack,
  readOnly: false,
  handler(ctx, input) {
    checkStackName(input.StackName, "create");
    authorizeStack(ctx, "CreateStack", { stackName: input.StackName });
    if (input.TemplateBody === undefined && input.TemplateURL === undefined) throw errors.noTemplate();
    // NOTE: templates in S3 are not simulated (the sandbox has no S3).
    if (input.TemplateBody === undefined) throw notSimulated("templates given by TemplateURL (there is no S3 in the sandbox); pass the template with --template-body");
    if (input.RoleARN !== undefined) throw notSimulated("service roles (RoleARN): CloudFormation acts with the caller's permissions");
    if (input.OnFailure !== undefined && input.DisableRollback !== undefined) {
      // NOTE: unverified wording; the API reference says OnFailure and DisableRollback can't be given together.
      throw errors.validationError("You can specify either DisableRollback or OnFailure, but not both.");
    }

    // The name must be free (a deleted stack's name is).
    const existing = findStack(ctx, input.StackName);
    stepStack(existing?.status ?? "Absent", { type: "stack.create" }, input.StackName);

    // Template checks, in CloudFormation's order; none creates anything.
    const template = readTemplate(input.TemplateBody);
    checkTemplate(template);
    const unsupported = [...new Set(template.resources.map((resource) => resource.type).filter((type) => !RESOURCE_PROVIDERS.has(type)))];
    if (unsupported.length > 0) throw errors.validationError(unsupportedTypeMessage(unsupported));
    const parameters = resolveParameters(ctx, template, input.Parameters ?? []);
    const ssmCache = new Map<string, string>();
    const deferredSecure = precheckDynamicReferences(ctx, template, ssmCache);

    // The stack exists from here on.
    pruneDeletedStacks(ctx);
    const stackId = stackArn(ctx, input.StackName, ctx.random.uuid());
    const onFailure: OnFailure = input.OnFailure ?? (input.DisableRollback === true ? "DO_NOTHING" : "ROLLBACK");
    const stack: StackRecord = {
      stackId,
      stackName: input.StackName,
      status: stepStack("Absent", { type: "stack.create" }, input.StackName) as StackRecord["status"],
      ...(template.description === undefined ? {} : { description: template.description }),
      templateBody: input.TemplateBody,
      parameters: parameters.records,
      capabilities: [...(input.Capabilities ?? [])],
      tags: (input.Tags ?? []).map((item) => ({ Key: item.Key, Value: item.Value })),
      // DescribeStacks shows DisableRollback true for OnFailure DO_NOTHING too (the two ask for the same).
      disableRollback: onFailure === "DO_NOTHING",
      ...(input.ClientRequestToken === undefined ? {} : { clientRequestToken: input.ClientRequestToken }),
      createdAt: ctx.now,
      resources: [],
      outputs: [],
      events: [],
    };
    cloudFormationState(ctx).stacks[stackId] = stack;
    ctx.touches(stackId, "AWS::CloudFormation::Stack");

    const values = { ...pseudoParameters(ctx, input.StackName, stackId), ...parameters.values };
    const shownValues = { ...values };
    for (const record of parameters.records) if (record.noEcho) shownValues[record.key] = Array.isArray(values[record.key]) ? [MASK] : MASK;
    const run: StackRun = { ctx, stack, template, values, shownValues, created: new Map(), ssmCache };
    stackEvent(run, "CREATE_IN_PROGRESS", errors.USER_INITIATED);
    const stackLevelProblem = deferredSecure.length > 0 ? errors.ssmSecureNotSupportedText(deferredSecure) : checkParameterNames(ctx, parameters.namesToCheck);
    runCreation(run, onFailure, stackLevelProblem);
    return { StackId: stackId };
  },
});
