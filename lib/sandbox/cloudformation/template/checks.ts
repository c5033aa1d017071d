import * as errors from "../errors";
import { RESOURCE_PROVIDERS } from "../resources";
import { collectReferences, PSEUDO_PARAMETERS } from "./intrinsics";
import { isRecognizedResourceType, type ResourceDeclaration, type Template } from "./model";
import { checkParameterTypes } from "./parameters";

/**
 * The checks CreateStack and ValidateTemplate make on a template before any
 * stack exists, in the order the sandbox reports them: parameter types,
 * resource types, references (Ref, Fn::GetAtt, Fn::Sub variables, DependsOn),
 * then dependency cycles. Also the order CloudFormation creates resources in.
 */

function dependenciesOf(resource: ResourceDeclaration, resourceIds: ReadonlySet<string>): string[] {
  const references = collectReferences(resource.properties);
  const dependencies = new Set<string>(resource.dependsOn);
  for (const name of references.refs) if (resourceIds.has(name)) dependencies.add(name);
  for (const [logicalId] of references.getAtts) if (resourceIds.has(logicalId)) dependencies.add(logicalId);
  return [...dependencies];
}

function checkReferences(value: unknown, template: Template, resourceIds: ReadonlySet<string>, block: "Resources" | "Outputs", extra: readonly string[] = []): void {
  const references = collectReferences(value);
  const unresolved = [
    ...new Set([...references.refs.filter((name) => !(name in template.parameters) && !PSEUDO_PARAMETERS.includes(name) && !resourceIds.has(name)), ...extra.filter((name) => !resourceIds.has(name))]),
  ];
  if (unresolved.length > 0) throw errors.unresolvedDependencies(unresolved, block);
  for (const [logicalId, attribute] of references.getAtts) {
    if (!resourceIds.has(logicalId)) throw errors.getAttUndefinedResource(logicalId);
    const type = template.resources.find((resource) => resource.logicalId === logicalId)?.type ?? "";
    const provider = RESOURCE_PROVIDERS.get(type);
    // Attributes are known for the types the sandbox simulates; others are taken on trust.
    if (provider && !provider.attributes.includes(attribute)) throw errors.getAttUnsupportedAttribute(logicalId, attribute);
  }
}

export function checkTemplate(template: Template): void {
  checkParameterTypes(template);
  const unrecognized = [...new Set(template.resources.map((resource) => resource.type).filter((type) => !isRecognizedResourceType(type)))];
  if (unrecognized.length > 0) throw errors.unrecognizedResourceTypes(unrecognized);
  const resourceIds = new Set(template.resources.map((resource) => resource.logicalId));
  for (const resource of template.resources) checkReferences(resource.properties, template, resourceIds, "Resources", resource.dependsOn);
  for (const output of template.outputs) checkReferences([output.value, output.description, output.exportName], template, resourceIds, "Outputs");
  creationOrder(template);
}

/**
 * The order CloudFormation creates resources in: each after everything it depends on (DependsOn, Ref,
 * Fn::GetAtt, Fn::Sub variables); otherwise in template order.
 * NOTE: AWS creates independent resources in parallel; the sandbox creates one at a time.
 */
export function creationOrder(template: Template): ResourceDeclaration[] {
  const resourceIds = new Set(template.resources.map((resource) => resource.logicalId));
  const pending = new Map(template.resources.map((resource) => [resource.logicalId, dependenciesOf(resource, resourceIds)]));
  const order: ResourceDeclaration[] = [];
  const done = new Set<string>();
  while (pending.size > 0) {
    const next = template.resources.find((resource) => pending.has(resource.logicalId) && pending.get(resource.logicalId)!.every((dependency) => done.has(dependency)));
    if (!next) throw errors.circularDependency([...pending.keys()]);
    order.push(next);
    done.add(next.logicalId);
    pending.delete(next.logicalId);
  }
  return order;
}
