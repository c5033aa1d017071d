/**
 * Instruments the engine's services to check them against the API contracts
 * generated from botocore (lib/sandbox/contracts/): every operation handler is
 * wrapped, without changing the engine, so that
 *
 * - each object it returns is checked, as it goes on the wire (JSON), against
 *   the contract's strict `outputs[operation]` schema;
 * - each error it throws is recorded by code;
 * - its parsed input is a Proxy that records which request members it reads.
 *
 * Nested service-to-service calls (ctx.call) and the calls of scheduled work
 * go through the same Sandbox.execute, hence through the same wrapped handlers.
 * `instrumentServices` is used by the contract test's vi.mock of
 * lib/sandbox/engine, so createEngine(), and with it every session
 * (createSandbox), is built from the instrumented services.
 */
import type * as z from "zod";
import * as cloudformation from "@/lib/sandbox/contracts/cloudformation";
import * as cloudtrail from "@/lib/sandbox/contracts/cloudtrail";
import * as ec2 from "@/lib/sandbox/contracts/ec2";
import * as kms from "@/lib/sandbox/contracts/kms";
import * as lambda from "@/lib/sandbox/contracts/lambda";
import * as secretsmanager from "@/lib/sandbox/contracts/secretsmanager";
import * as ssm from "@/lib/sandbox/contracts/ssm";
import * as sts from "@/lib/sandbox/contracts/sts";
import { isAwsServiceError } from "@/lib/sandbox/core/errors";
import type { OperationContext, OperationSpec, ServiceId, ServiceSpec } from "@/lib/sandbox/core/operation";

export interface Contract {
  inputs: Readonly<Record<string, z.ZodType>>;
  outputs: Readonly<Record<string, z.ZodType>>;
  errors: Readonly<Record<string, readonly string[]>>;
}

/** The generated contract of each simulated service (the files are named after the service ids). */
export const contracts: Record<ServiceId, Contract> = { kms, secretsmanager, ssm, sts, ec2, lambda, cloudformation, cloudtrail };

/** What was seen of one operation ("service.Operation") during the workload. */
export interface OperationRecord {
  service: ServiceId;
  operation: string;
  /** Handler invocations (successful or not). */
  calls: number;
  /** Successful responses checked against outputs[operation]. */
  responses: number;
  /** AwsServiceError codes thrown by the handler, with counts. */
  errors: Map<string, number>;
  /** Top-level request members the handler read (get, `in`, descriptor), in any call. */
  read: Set<string>;
}

/** A response that does not fit outputs[operation]: one per distinct (operation, path, problem), with the first request that showed it. */
export interface ResponseViolation {
  service: ServiceId;
  operation: string;
  /** Where in the response, array indices as []: "KeyMetadata.Foo", "Parameters[].Value". */
  path: string;
  /** "not in model" for a member the model lacks, else zod's issue (e.g. "invalid_type: expected number"). */
  problem: string;
  count: number;
  /** The first parsed request (blobs as base64) and the offending value. */
  example: { input: unknown; value: unknown };
}

/** A handler that threw something else than an AwsServiceError (the engine reports it as InternalFailure). */
export interface Crash {
  service: ServiceId;
  operation: string;
  message: string;
  input: unknown;
}

export interface ErrorExample {
  input: unknown;
  message: string;
}

export class ContractRecorder {
  readonly operations = new Map<string, OperationRecord>();
  /** The operations under way, innermost last (a handler's nested calls run inside it). */
  readonly active: OperationRecord[] = [];
  /** While above 0, reads of watched inputs are not counted (a handler's own request parser is reading them). */
  suspended = 0;
  readonly responseViolations = new Map<string, ResponseViolation>();
  readonly crashes: Crash[] = [];
  /** The first request and message of each (operation, error code). */
  readonly errorExamples = new Map<string, ErrorExample>();

  record(service: ServiceId, operation: string): OperationRecord {
    const id = `${service}.${operation}`;
    let record = this.operations.get(id);
    if (!record) {
      record = { service, operation, calls: 0, responses: 0, errors: new Map(), read: new Set() };
      this.operations.set(id, record);
    }
    return record;
  }
}

/** The recorder the instrumented engines of the contract test write to. */
export const recorder = new ContractRecorder();

/** The request as a reader can see it: blobs (Uint8Array) as base64, like the wire. */
export function printable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) => {
      if (item instanceof Uint8Array) {
        let text = "";
        for (const byte of item) text += String.fromCharCode(byte);
        return btoa(text);
      }
      return item;
    }) ?? "null",
  );
}

function pathText(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += "[]";
    else text += (text ? "." : "") + String(part);
  }
  return text || "(root)";
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[part] : undefined;
  return value;
}

function checkResponse(target: ContractRecorder, service: ServiceId, operation: string, output: unknown, input: unknown): void {
  const schema = contracts[service].outputs[operation];
  if (!schema) return; // an operation the contract lacks: the test reports it separately
  // What goes on the wire: JSON drops undefined members, as the JSON 1.1 body does.
  const wire: unknown = JSON.parse(JSON.stringify(output ?? {}));
  const result = schema.safeParse(wire);
  if (result.success) return;
  const found: { path: string; problem: string; value: unknown }[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) found.push({ path: pathText([...issue.path, key]), problem: "not in model", value: valueAt(wire, [...issue.path, key]) });
    } else {
      const detail = issue.code === "invalid_type" ? `invalid_type: expected ${issue.expected}` : `${issue.code}: ${issue.message}`;
      found.push({ path: pathText(issue.path), problem: detail, value: valueAt(wire, issue.path) });
    }
  }
  for (const { path, problem, value } of found) {
    const key = `${service}.${operation} ${path} ${problem}`;
    const known = target.responseViolations.get(key);
    if (known) known.count += 1;
    else target.responseViolations.set(key, { service, operation, path, problem, count: 1, example: { input: printable(input), value } });
  }
}

/**
 * The parsed input, seen through a Proxy that notes each top-level member the handler
 * looks at (get, `in`, property descriptors: destructuring, spreading and Object.entries
 * count as reads of the members present). Nested values are handed out as they are.
 */
function watched<T>(input: T, reader: () => OperationRecord | undefined, target: ContractRecorder): T {
  if (input === null || typeof input !== "object" || input instanceof Uint8Array) return input;
  const note = (property: PropertyKey) => {
    if (typeof property === "string" && target.suspended === 0) reader()?.read.add(property);
  };
  return new Proxy(input as object, {
    get(object, property, receiver) {
      note(property);
      return Reflect.get(object, property, receiver) as unknown;
    },
    has(object, property) {
      note(property);
      return Reflect.has(object, property);
    },
    getOwnPropertyDescriptor(object, property) {
      note(property);
      return Reflect.getOwnPropertyDescriptor(object, property);
    },
  }) as T;
}

function instrumentOperation(target: ContractRecorder, service: ServiceId, name: string, spec: OperationSpec<z.ZodType>): OperationSpec<z.ZodType> {
  const original = spec.handler;
  return {
    ...spec,
    handler(ctx: OperationContext, input: unknown) {
      const record = target.record(service, name);
      record.calls += 1;
      target.active.push(record);
      let output;
      try {
        output = original.call(spec, ctx, watched(input, () => record, target));
      } catch (error) {
        if (isAwsServiceError(error)) {
          record.errors.set(error.code, (record.errors.get(error.code) ?? 0) + 1);
          const key = `${service}.${name} ${error.code}`;
          if (!target.errorExamples.has(key)) target.errorExamples.set(key, { input: printable(input), message: error.message });
        } else {
          target.crashes.push({ service, operation: name, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error), input: printable(input) });
        }
        throw error;
      } finally {
        target.active.pop();
      }
      record.responses += 1;
      checkResponse(target, service, name, output, input);
      return output;
    },
  };
}

/** Copies of the services whose operation handlers are instrumented (the originals are untouched). */
export function instrumentServices(services: readonly ServiceSpec[], target: ContractRecorder = recorder): ServiceSpec[] {
  return services.map((service) => ({
    ...service,
    operations: Object.fromEntries(Object.entries(service.operations).map(([name, spec]) => [name, instrumentOperation(target, service.id, name, spec)])),
  }));
}

/** The request members the model gives an operation (the top-level members of inputs[operation]). */
export function modelMembers(service: ServiceId, operation: string): string[] {
  const schema = contracts[service].inputs[operation] as unknown as { shape?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.shape ?? {});
}
