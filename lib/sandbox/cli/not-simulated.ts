/**
 * What the sandbox says about a service or an operation the real AWS CLI has
 * and the sandbox does not simulate. The terminal's `aws` prints it, and the
 * local endpoint answers it (as UnknownOperationException's message), so both
 * faces say the same.
 */
import { commandTable, xformName } from "./model";

export function notSimulatedService(command: string): string {
  return (
    `aws ${command}: this is a command of the real AWS CLI, but the sandbox does not simulate it. ` +
    "The sandbox simulates kms, secretsmanager, ssm (Parameter Store), sts, cloudtrail lookup-events, and the parts of ec2, lambda and cloudformation the chapter uses. Run 'aws help' to see them."
  );
}

/** `command` is the CLI's name (create-grant); `operation` the API's (CreateGrant), when known. */
export function notSimulatedOperation(service: string, command: string, operation: string | undefined): string {
  const name = operation ? `${operation} (aws ${service} ${command})` : `aws ${service} ${command}`;
  return `${name} is part of the real AWS CLI, but the sandbox does not simulate it. Run 'aws ${service} help' to see the commands it simulates.`;
}

/**
 * For an API operation name of a simulated service: the notice when the real
 * service has it and the sandbox does not simulate it; undefined when the
 * service has no such operation (AWS answers those with no message).
 */
export function notSimulatedApiOperation(service: string, operation: string): string | undefined {
  const command = xformName(operation);
  const info = commandTable(service).get(command);
  if (!info || info.name !== operation || info.entry.implemented) return undefined;
  return notSimulatedOperation(service, command, operation);
}
