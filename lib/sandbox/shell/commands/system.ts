import type { CommandSpec } from "./types";
import { err, out, tryHelp } from "./util";

/** The environment, the session and the machine: env, history, clear, date, aws ... */

/** What `clear` writes: erase the screen and the scrollback, cursor home (xterm.js understands it). */
export const CLEAR_SCREEN = "\x1b[H\x1b[2J\x1b[3J";

const env: CommandSpec = {
  name: "env",
  summary: "print the environment, or run a command with changes to it",
  help: "env [-u NAME] [NAME=VALUE ...] [COMMAND [ARG ...]]\n    Without COMMAND, prints the exported variables. With COMMAND, runs it with NAME=VALUE added\n    (and NAME removed for -u).",
  run(ctx) {
    const args = [...ctx.args];
    const variables: Record<string, string> = {};
    const removed: string[] = [];
    while (args.length > 0) {
      const arg = args[0] ?? "";
      if (arg === "-u" || arg === "--unset") {
        args.shift();
        const name = args.shift();
        if (name === undefined) {
          err(ctx, `env: option requires an argument -- 'u'\n${tryHelp("env")}`);
          return 125;
        }
        removed.push(name);
        continue;
      }
      if (arg === "-i" || arg === "-" || arg === "--ignore-environment") {
        err(ctx, "env: -i is not supported in this sandbox");
        return 125;
      }
      if (arg === "--") {
        args.shift();
        break;
      }
      if (arg.startsWith("-") && arg !== "-") {
        err(ctx, `env: invalid option -- '${arg.slice(1, 2)}'\n${tryHelp("env")}`);
        return 125;
      }
      const eq = arg.indexOf("=");
      if (eq <= 0) break;
      variables[arg.slice(0, eq)] = arg.slice(eq + 1);
      args.shift();
    }
    if (args.length === 0) {
      const environment = { ...ctx.shell.environment(), ...variables };
      for (const name of removed) delete environment[name];
      out(ctx, Object.entries(environment).map(([name, value]) => `${name}=${value}\n`).join(""));
      return 0;
    }
    const name = args[0] ?? "";
    if (ctx.shell.kindOf(name) === undefined && !name.includes("/")) {
      err(ctx, `env: ‘${name}’: No such file or directory`);
      return 127;
    }
    const saved = removed.map((variable) => [variable, ctx.shell.vars.get(variable)] as const);
    for (const variable of removed) ctx.shell.vars.delete(variable);
    try {
      return ctx.shell.invoke(args, { skipFunctions: true, variables });
    } finally {
      for (const [variable, value] of saved) if (value) ctx.shell.vars.set(variable, value);
    }
  },
};

const printenv: CommandSpec = {
  name: "printenv",
  summary: "print environment variables",
  help: "printenv [NAME ...]\n    Prints the value of each exported NAME (all of them without NAME). Fails if one is not set.",
  run(ctx) {
    const environment = ctx.shell.environment();
    if (ctx.args.length === 0) {
      out(ctx, Object.entries(environment).map(([name, value]) => `${name}=${value}\n`).join(""));
      return 0;
    }
    let status = 0;
    for (const name of ctx.args) {
      const value = environment[name];
      if (value === undefined) status = 1;
      else out(ctx, `${value}\n`);
    }
    return status;
  },
};

const history: CommandSpec = {
  name: "history",
  builtin: true,
  summary: "list the commands you ran",
  help: "history [N]\n    Lists the command lines of this session with their numbers (the last N only).\n    history -c forgets them. The arrow keys in the terminal walk through the same list.",
  run(ctx) {
    const list = ctx.shell.history;
    if (ctx.args[0] === "-c") {
      list.length = 0;
      return 0;
    }
    const arg = ctx.args[0];
    if (arg !== undefined && !/^\d+$/.test(arg)) {
      err(ctx, /^-/.test(arg) ? `bash: history: ${arg.slice(0, 2)}: invalid option\nhistory: usage: history [-c] [n]` : `bash: history: ${arg}: numeric argument required`);
      return /^-/.test(arg) ? 2 : 1;
    }
    const count = arg === undefined ? list.length : Number(arg);
    const start = Math.max(0, list.length - count);
    out(ctx, list.slice(start).map((line, index) => `${String(start + index + 1).padStart(5)}  ${line}\n`).join(""));
    return 0;
  },
};

const clear: CommandSpec = {
  name: "clear",
  summary: "clear the terminal screen",
  help: "clear\n    Clears the terminal (Ctrl-L does the same).",
  run(ctx) {
    out(ctx, CLEAR_SCREEN);
    return 0;
  },
};

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** strftime for UTC, the conversions date(1) users reach for. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  const hour12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  const dayOfYear = Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  const table: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()] ?? "",
    A: () => DAY_NAMES[d.getUTCDay()] ?? "",
    b: () => MONTHS[d.getUTCMonth()] ?? "",
    h: () => MONTHS[d.getUTCMonth()] ?? "",
    B: () => MONTH_NAMES[d.getUTCMonth()] ?? "",
    c: () => strftime("%a %b %e %H:%M:%S %Y", ms),
    C: () => two(Math.floor(d.getUTCFullYear() / 100)),
    d: () => two(d.getUTCDate()),
    D: () => strftime("%m/%d/%y", ms),
    e: () => String(d.getUTCDate()).padStart(2, " "),
    F: () => strftime("%Y-%m-%d", ms),
    H: () => two(d.getUTCHours()),
    I: () => two(hour12),
    j: () => String(dayOfYear).padStart(3, "0"),
    k: () => String(d.getUTCHours()).padStart(2, " "),
    l: () => String(hour12).padStart(2, " "),
    m: () => two(d.getUTCMonth() + 1),
    M: () => two(d.getUTCMinutes()),
    n: () => "\n",
    N: () => String(d.getUTCMilliseconds() * 1_000_000).padStart(9, "0"),
    p: () => (d.getUTCHours() < 12 ? "AM" : "PM"),
    P: () => (d.getUTCHours() < 12 ? "am" : "pm"),
    r: () => strftime("%I:%M:%S %p", ms),
    R: () => strftime("%H:%M", ms),
    s: () => String(Math.floor(ms / 1000)),
    S: () => two(d.getUTCSeconds()),
    t: () => "\t",
    T: () => strftime("%H:%M:%S", ms),
    u: () => String(d.getUTCDay() === 0 ? 7 : d.getUTCDay()),
    w: () => String(d.getUTCDay()),
    y: () => two(d.getUTCFullYear() % 100),
    Y: () => String(d.getUTCFullYear()),
    z: () => "+0000",
    Z: () => "UTC",
    "%": () => "%",
  };
  return format.replace(/%(:?z|[a-zA-Z%])/g, (match, letter: string) => (letter === ":z" ? "+00:00" : (table[letter]?.() ?? match)));
}

/** The dates `date -d` understands: @SECONDS, ISO 8601 forms, "now". */
function parseDate(text: string, now: number): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "now") return now;
  if (/^@-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed.slice(1)) * 1000;
  if (trimmed === "today") return now;
  if (trimmed === "tomorrow") return now + 86_400_000;
  if (trimmed === "yesterday") return now - 86_400_000;
  const relative = /^([+-]?\d+)\s*(second|minute|hour|day|week)s?(\s+ago)?$/.exec(trimmed);
  if (relative) {
    const unit = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 }[relative[2] as "day"];
    return now + Number(relative[1]) * unit * (relative[3] ? -1 : 1);
  }
  const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2}| UTC)?$/.test(trimmed);
  if (!iso) return undefined;
  const normalised = trimmed.replace(" UTC", "Z").replace(" ", "T");
  const value = Date.parse(/T/.test(normalised) && !/(Z|[+-]\d{2}:?\d{2})$/.test(normalised) ? normalised + "Z" : /T/.test(normalised) ? normalised : normalised + "T00:00:00Z");
  return Number.isNaN(value) ? undefined : value;
}

const date: CommandSpec = {
  name: "date",
  summary: "print the (simulated) date and time",
  help: "date [-u] [-d DATE] [-I[SPEC]] [+FORMAT]\n    Prints the sandbox's simulated time, in UTC (the sandbox has no other time zone).\n    +FORMAT uses %Y %m %d %H %M %S %s %F %T %a %b ... ; -d @SECONDS or -d 2026-01-01 prints another\n    date; -I prints ISO 8601 (-Iseconds with the time). `clock advance` moves the time.",
  run(ctx) {
    const now = ctx.shell.engine.now;
    let when = now;
    let format = "%a %b %e %H:%M:%S %Z %Y";
    const args = [...ctx.args];
    while (args.length > 0) {
      const arg = args.shift() ?? "";
      if (arg === "-u" || arg === "--utc" || arg === "--universal") continue;
      if (arg === "-d" || arg === "--date" || arg.startsWith("--date=") || (arg.startsWith("-d") && arg.length > 2)) {
        const value = arg === "-d" || arg === "--date" ? args.shift() : arg.startsWith("--date=") ? arg.slice(7) : arg.slice(2);
        if (value === undefined) {
          err(ctx, `date: option requires an argument -- 'd'\n${tryHelp("date")}`);
          return 1;
        }
        const parsed = parseDate(value, now);
        if (parsed === undefined) {
          err(ctx, `date: invalid date ‘${value}’`);
          return 1;
        }
        when = parsed;
        continue;
      }
      if (arg === "-R" || arg === "--rfc-email") {
        format = "%a, %d %b %Y %H:%M:%S +0000";
        continue;
      }
      const isoMatch = /^(?:-I|--iso-8601=?)(date|hours|minutes|seconds|ns)?$/.exec(arg);
      if (isoMatch) {
        const spec = isoMatch[1] ?? "date";
        format = { date: "%Y-%m-%d", hours: "%Y-%m-%dT%H%:z", minutes: "%Y-%m-%dT%H:%M%:z", seconds: "%Y-%m-%dT%H:%M:%S%:z", ns: "%Y-%m-%dT%H:%M:%S,%N%:z" }[spec] ?? "%Y-%m-%d";
        continue;
      }
      if (arg.startsWith("+")) {
        format = arg.slice(1);
        continue;
      }
      if (arg.startsWith("-")) {
        err(ctx, `date: invalid option -- '${arg.slice(1, 2)}'\n${tryHelp("date")}`);
        return 1;
      }
      err(ctx, `date: invalid date ‘${arg}’`);
      return 1;
    }
    if (!Number.isFinite(when) || Math.abs(when) > 8.64e15) {
      err(ctx, "date: time is out of range");
      return 1;
    }
    out(ctx, `${strftime(format, when)}\n`);
    return 0;
  },
};

const sleep: CommandSpec = {
  name: "sleep",
  summary: "wait (returns at once)",
  help: "sleep SECONDS\n    Returns at once: the sandbox's time only moves with `clock advance`.",
  run(ctx) {
    if (ctx.args.length === 0) {
      err(ctx, `sleep: missing operand\n${tryHelp("sleep")}`);
      return 1;
    }
    for (const arg of ctx.args) {
      if (!/^\d+(\.\d+)?[smhd]?$/.test(arg) && arg !== "infinity") {
        err(ctx, `sleep: invalid time interval ‘${arg}’\n${tryHelp("sleep")}`);
        return 1;
      }
    }
    return 0;
  },
};

const whoami: CommandSpec = {
  name: "whoami",
  summary: "print your user name",
  help: "whoami\n    Prints the name of the sandbox's Linux user (learner). For your AWS identity: aws sts get-caller-identity.",
  run(ctx) {
    out(ctx, `${ctx.shell.getVar("USER") ?? "learner"}\n`);
    return 0;
  },
};

const hostname: CommandSpec = {
  name: "hostname",
  summary: "print the machine's name",
  help: "hostname\n    Prints the name of the simulated machine.",
  run(ctx) {
    // The session's machine is "sandbox"; programs on simulated instances have their own names.
    out(ctx, `${ctx.shell.getVar("HOSTNAME") || "sandbox"}\n`);
    return 0;
  },
};

const aws: CommandSpec = {
  name: "aws",
  summary: "the AWS command line interface (simulated KMS, Secrets Manager, Parameter Store, STS, and parts of EC2, Lambda, CloudFormation)",
  help: "aws SERVICE COMMAND [OPTIONS]\n    Runs an AWS CLI v2 command against the sandbox's simulated AWS. `aws help`, `aws kms help`\n    and `aws kms encrypt help` explain the services and their commands.",
  run(ctx) {
    const runAws = ctx.shell.runAws;
    if (!runAws) {
      err(ctx, "bash: aws: command not found");
      return 127;
    }
    let result: ReturnType<typeof runAws>;
    try {
      result = runAws(ctx.args, { engine: ctx.shell.engine, fs: ctx.shell.fs, env: ctx.shell.environment(), stdin: ctx.stdin.readAll() });
    } catch (error) {
      // The CLI answers every input itself; this only guards against a bug there.
      err(ctx, `\naws: internal error in the sandbox's CLI: ${error instanceof Error ? error.message : String(error)}`);
      return 255;
    }
    ctx.stdout.write(result.stdout);
    ctx.stderr.write(result.stderr);
    return result.exitCode;
  },
};

export const systemCommands: CommandSpec[] = [env, printenv, history, clear, date, sleep, whoami, hostname, aws];
