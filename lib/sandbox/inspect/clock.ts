import type { SandboxState } from "../state";

/**
 * Simulated time and what is due in it: the Clock pane's view. Each scheduled
 * event gets a label a learner understands and the resource's short name.
 */

export interface ScheduledView {
  id: number;
  at: number;
  kind: string;
  /** "Key deletion", "Secret rotation"... */
  label: string;
  resource: string;
  /** The last part of the ARN: a key id, a secret or parameter name. */
  resourceName: string;
  accountId: string;
  region: string;
}

export interface ClockView {
  now: number;
  /** Soonest first. */
  scheduled: ScheduledView[];
}

const LABELS: Record<string, string> = {
  "kms.deleteKey": "Key deletion",
  "kms.rotateKey": "Key rotation",
  "secretsmanager.deleteSecret": "Secret deletion",
  "secretsmanager.rotateSecret": "Secret rotation",
  "ssm.parameterExpiration": "Parameter expiration",
};

export function scheduledLabel(kind: string): string {
  return LABELS[kind] ?? kind;
}

/** `arn:aws:kms:...:key/ID` -> ID; `...:secret:NAME-AbCdEf` -> NAME-AbCdEf; `...:parameter/a/b` -> /a/b. */
export function resourceShortName(arn: string): string {
  const parameter = arn.indexOf(":parameter/");
  if (parameter !== -1) {
    const name = arn.slice(parameter + ":parameter".length);
    return name;
  }
  const secret = arn.indexOf(":secret:");
  if (secret !== -1) return arn.slice(secret + ":secret:".length);
  const slash = arn.lastIndexOf("/");
  return slash === -1 ? arn : arn.slice(slash + 1);
}

export function describeClock(state: Readonly<SandboxState>): ClockView {
  return {
    now: state.now,
    scheduled: state.scheduled.map((event) => ({
      id: event.id,
      at: event.at,
      kind: event.kind,
      label: scheduledLabel(event.kind),
      resource: event.resource,
      resourceName: resourceShortName(event.resource),
      accountId: event.accountId,
      region: event.region,
    })),
  };
}
