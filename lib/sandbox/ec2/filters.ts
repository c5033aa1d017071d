import type { InstanceRecord } from "./state";
import * as errors from "./errors";
import { wildcardMatch } from "../iam/match";

/**
 * DescribeInstances filters the sandbox understands (names as EC2 spells
 * them). Values are matched exactly or with EC2's wildcards (* and ?).
 */
export interface Filter {
  Name: string;
  Values: string[];
}

type Field = (instance: InstanceRecord) => (string | undefined)[];

const FIELDS: Record<string, Field> = {
  "instance-id": (i) => [i.instanceId],
  "instance-state-name": (i) => [i.state],
  "instance-type": (i) => [i.instanceType],
  "image-id": (i) => [i.imageId],
  "reservation-id": (i) => [i.reservationId],
  "availability-zone": (i) => [i.availabilityZone],
  "private-ip-address": (i) => [i.privateIpAddress],
  "subnet-id": (i) => [i.subnetId],
  "vpc-id": (i) => [i.vpcId],
  "iam-instance-profile.arn": (i) => [i.iamInstanceProfile?.arn],
  "tag-key": (i) => i.tags.map((tag) => tag.Key),
  "tag-value": (i) => i.tags.map((tag) => tag.Value),
};

function fieldOf(name: string): Field {
  if (name.startsWith("tag:")) {
    const key = name.slice(4);
    return (i) => i.tags.filter((tag) => tag.Key === key).map((tag) => tag.Value);
  }
  const field = FIELDS[name];
  if (!field) throw errors.invalidFilter(name);
  return field;
}

/** Checks every filter name first (an unknown one fails the request), then returns the matcher. */
export function instanceMatcher(filters: readonly Filter[]): (instance: InstanceRecord) => boolean {
  const checks = filters.map((filter) => ({ field: fieldOf(filter.Name), patterns: filter.Values }));
  // Filters combine with AND; the values of one filter with OR.
  return (instance) => checks.every(({ field, patterns }) => field(instance).some((value) => value !== undefined && patterns.some((pattern) => wildcardMatch(pattern, value))));
}
