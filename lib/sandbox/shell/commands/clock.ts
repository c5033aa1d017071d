import type { ScheduledEvent } from "../../core/scheduler";
import { DAY, parseDuration } from "../../core/time";
import type { Sandbox } from "../../sandbox";
import type { CommandSpec } from "./types";
import { err, out } from "./util";

/**
 * `clock`: the sandbox's simulated time. `clock advance 8d` moves it
 * forward and lets everything due happen on the way (key deletions,
 * scheduled rotations, expiring parameters), then says what happened.
 */

/** More than this would leave the range of JavaScript dates long before anything interesting happens. */
const MAX_ADVANCE = 36_500 * DAY;

export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, "Z");

const KEY_ID = /:key\/(.+)$/;

function secretName(arn: string): string {
  const name = arn.slice(arn.indexOf(":secret:") + ":secret:".length);
  return name.replace(/-[A-Za-z0-9]{6}$/, "");
}

/** One line about a due event that ran, or undefined when it changed nothing (the thing was already gone). */
export function describeEvent(engine: Sandbox, event: ScheduledEvent): string | undefined {
  const region = engine.peek().accounts[event.accountId]?.regions[event.region];
  const at = `${iso(event.at)}  `;
  switch (event.kind) {
    case "kms.deleteKey": {
      const keyId = KEY_ID.exec(event.resource)?.[1] ?? event.resource;
      return region?.kms.keys[keyId] ? undefined : `${at}KMS key ${keyId} deleted`;
    }
    case "kms.rotateKey": {
      const keyId = KEY_ID.exec(event.resource)?.[1] ?? event.resource;
      return `${at}KMS key ${keyId}: key material rotated (automatic rotation)`;
    }
    case "secretsmanager.deleteSecret":
      return region?.secretsManager.secrets[event.resource] ? undefined : `${at}Secret ${secretName(event.resource)} deleted`;
    case "secretsmanager.rotateSecret": {
      const attempt = region?.secretsManager.secrets[event.resource]?.rotation.lastAttempt;
      if (!attempt || attempt.startedAt !== event.at) return undefined;
      if (attempt.outcome === "succeeded") return `${at}Secret ${secretName(event.resource)} rotated (scheduled rotation)`;
      const failure = attempt.error ?? attempt.steps.find((step) => !step.ok);
      return `${at}Secret ${secretName(event.resource)}: scheduled rotation failed${failure?.errorMessage ? `: ${failure.errorMessage}` : ""}`;
    }
    case "ssm.parameterExpiration": {
      const name = event.resource.slice(event.resource.indexOf(":parameter") + ":parameter".length);
      const exists = region && (region.ssm.parameters[name] ?? region.ssm.parameters[name.slice(1)]);
      return exists ? undefined : `${at}Parameter ${name} expired and was deleted`;
    }
    default:
      return `${at}${event.kind} ${event.resource}`;
  }
}

export const clock: CommandSpec = {
  name: "clock",
  builtin: true,
  summary: "show or move the simulated time",
  help: `clock
    Prints the sandbox's simulated time (UTC). Time stands still until you move it.
clock advance DURATION
    Moves the clock forward by DURATION: a number followed by d (days), h (hours) or m
    (minutes), or a combination such as 1d12h. Everything due on the way happens in order:
    keys pending deletion are deleted, secrets are rotated on schedule, keys rotate, expired
    parameters go. Each thing that happened is listed with its time, then the new time.
    Example: \`aws kms schedule-key-deletion --key-id ... --pending-window-in-days 7\`,
    then \`clock advance 8d\`.`,
  run(ctx) {
    const engine = ctx.shell.engine;
    const [sub, amount, extra] = ctx.args;
    if (sub === undefined) {
      out(ctx, `${iso(engine.now)}\n`);
      return 0;
    }
    if (sub !== "advance" || extra !== undefined) {
      err(ctx, "clock: usage: clock [advance DURATION]   (DURATION like 8d, 12h, 30m, 1d12h)");
      return 2;
    }
    if (amount === undefined) {
      err(ctx, "clock: advance: missing duration (like 8d, 12h, 30m or 1d12h)");
      return 2;
    }
    const ms = parseDuration(amount);
    if (ms === undefined) {
      err(ctx, `clock: invalid duration ‘${amount}’: use a number followed by d, h or m (8d, 12h, 30m, 1d12h)`);
      return 1;
    }
    if (ms > MAX_ADVANCE) {
      err(ctx, `clock: cannot move the clock more than 36500 days at once (sandbox limit)`);
      return 1;
    }
    const ran = engine.advanceClock(ms);
    const lines = ran.map((event) => describeEvent(engine, event)).filter((line): line is string => line !== undefined);
    out(ctx, [...lines, iso(engine.now)].join("\n") + "\n");
    return 0;
  },
};
