export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function formatArn({ partition = "aws", service, region, account, resource }: Omit<Arn, "partition"> & { partition?: string }): string {
  return `arn:${partition}:${service}:${region}:${account}:${resource}`;
}

export function parseArn(text: string): Arn | undefined {
  const match = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(text);
  if (!match) return undefined;
  const [, partition = "", service = "", region = "", account = "", resource = ""] = match;
  return { partition, service, region, account, resource };
}
