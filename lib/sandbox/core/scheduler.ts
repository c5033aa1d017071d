/**
 * Things that happen later in simulated time: a key's deletion at the end of
 * its waiting period, a scheduled secret rotation, a yearly key rotation.
 * They live in the sandbox state (so snapshots carry them) and run in order
 * of due time as the clock is advanced past them.
 */
export interface ScheduledEvent {
  /** Unique and increasing: orders events due at the same instant. */
  id: number;
  /** Due time, ms since the epoch. */
  at: number;
  /** Which handler runs it, e.g. "kms.deleteKey". */
  kind: string;
  accountId: string;
  region: string;
  /** The resource it concerns (a key ARN, a secret ARN): lets an operation cancel what it scheduled. */
  resource: string;
}

export function insertScheduled(queue: ScheduledEvent[], event: ScheduledEvent): void {
  let index = queue.length;
  while (index > 0) {
    const previous = queue[index - 1]!;
    if (previous.at < event.at || (previous.at === event.at && previous.id < event.id)) break;
    index--;
  }
  queue.splice(index, 0, event);
}

/** Removes the events of `kind` for `resource` (e.g. a deletion cancelled by CancelKeyDeletion). */
export function cancelScheduled(queue: ScheduledEvent[], kind: string, resource: string): void {
  for (let index = queue.length - 1; index >= 0; index--) {
    const event = queue[index]!;
    if (event.kind === kind && event.resource === resource) queue.splice(index, 1);
  }
}
