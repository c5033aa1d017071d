/**
 * How the workspace writes times, durations and names: simulated time in
 * UTC (the sandbox's clock has no time zone), durations in the units a
 * learner thinks in, ARNs shortened to what tells resources apart.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2026-01-15 10:00:00 UTC". */
export function formatSimTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** "2026-01-15". */
export function formatSimDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** The two largest units: "6 days 23 hours", "45 minutes", "less than a minute". */
export function formatDuration(ms: number): string {
  const total = Math.abs(ms);
  if (total < MINUTE) return "less than a minute";
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${plural(days, "day")} ${plural(hours, "hour")}` : plural(days, "day");
  if (hours > 0) return minutes > 0 ? `${plural(hours, "hour")} ${plural(minutes, "minute")}` : plural(hours, "hour");
  return plural(minutes, "minute");
}

/** "in 7 days", "3 hours ago", "now". */
export function formatRelative(now: number, at: number): string {
  if (Math.abs(at - now) < MINUTE) return "now";
  return at > now ? `in ${formatDuration(at - now)}` : `${formatDuration(now - at)} ago`;
}

/** The part of an ARN that names the resource: a key id, a secret or parameter name, a role. */
export function shortArn(arn: string): string {
  const parameter = arn.indexOf(":parameter/");
  if (parameter !== -1) return arn.slice(parameter + ":parameter".length);
  const secret = arn.indexOf(":secret:");
  if (secret !== -1) return arn.slice(secret + ":secret:".length);
  const resource = arn.split(":").slice(5).join(":");
  return resource || arn;
}

/** Secrets Manager appends "-" and six random characters to a secret's ARN; the name is what learners typed. */
export function secretNameOfArn(arn: string): string {
  return shortArn(arn).replace(/-[A-Za-z0-9]{6}$/, "");
}

export interface TreeNode<T> {
  /** The path segment ("db" in /app/prod/db). */
  name: string;
  /** The full path up to here. */
  path: string;
  /** The item at exactly this path, if any (a parameter can also be a folder: /a and /a/b). */
  item?: T;
  children: TreeNode<T>[];
}

/**
 * Parameter names as a tree by their "/" hierarchy, as the console's
 * hierarchy view does. Names without a leading slash sit at the root.
 */
export function pathTree<T>(items: readonly T[], nameOf: (item: T) => string): TreeNode<T>[] {
  const root: TreeNode<T> = { name: "", path: "", children: [] };
  for (const item of items) {
    const name = nameOf(item);
    const parts = name.split("/").filter((part, index) => part !== "" || index > 0);
    let node = root;
    let path = "";
    parts.forEach((part, index) => {
      path = name.startsWith("/") || index > 0 ? `${path}/${part}` : part;
      let child = node.children.find((candidate) => candidate.name === part);
      if (!child) {
        child = { name: part, path, children: [] };
        node.children.push(child);
      }
      node = child;
    });
    node.item = item;
  }
  const sort = (nodes: TreeNode<T>[]): TreeNode<T>[] => {
    nodes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const node of nodes) sort(node.children);
    return nodes;
  };
  return sort(root.children);
}
