/**
 * A key's timeline once KMS has deleted it. The engine forgets a deleted
 * key (keyTimeline answers undefined, as DescribeKey answers
 * NotFoundException), so the pane keeps the last timeline it drew and ends
 * it here: the waiting period ran out at the deletion date, the moment the
 * trail records DeleteKey.
 */
import type { KeyTimeline } from "./timeline";

/** The last timeline seen, continued to `now` if its deletion date has passed; undefined when it has not. */
export function afterDeletion(last: KeyTimeline, now: number): KeyTimeline | undefined {
  const deletedAt = last.deletionDate;
  if (deletedAt === undefined || deletedAt > now) return undefined;
  const segments = last.segments.map((segment) => (segment.to === undefined ? { ...segment, to: deletedAt } : segment));
  const { deletionDate: _gone, nextRotationAt: _never, ...rest } = last;
  return {
    ...rest,
    now,
    state: "Deleted",
    segments: [...segments, { from: deletedAt, state: "Deleted" }],
    events: [...last.events, { at: deletedAt, eventName: "DeleteKey", state: "Deleted" }],
    materials: last.materials.map((material) => ({ ...material, current: false })),
  };
}
