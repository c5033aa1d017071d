import { shellBuiltins } from "./builtins";
import { clock } from "./clock";
import { cmp } from "./cmp";
import { dd } from "./dd";
import { diff } from "./diff";
import { encodingCommands } from "./encoding";
import { fileCommands } from "./files";
import { jq } from "./jq";
import { openssl } from "./openssl";
import { echo, printf } from "./output";
import { systemCommands } from "./system";
import { textCommands } from "./text";
import type { CommandSpec } from "./types";
import { zip } from "./zip";
import { err, out } from "./util";

/** Every command the sandbox's shell knows, by name, and `help` over them. */

const INTRODUCTION = `This is the sandbox's shell: bash's syntax and the usual Linux tools, running in your
browser. Your files live in /home/learner and are kept with the sandbox. AWS is simulated:
aws kms, secretsmanager, ssm, sts, cloudtrail, ec2, lambda and cloudformation act on the sandbox, not a real account.
The simulated clock stands still until you run \`clock advance\` (for example 8d).
Devices: /dev/null, /dev/zero and /dev/urandom (seeded: read a count, as in head -c 32 /dev/urandom),
and /dev/stdin, /dev/stdout, /dev/stderr for a command's own streams (cat /dev/stdin, tee /dev/stderr).

Shell syntax: quotes ('...', "...", $'...', \\), $VAR, \${VAR}, \${VAR:-default} and the other
\${...} forms, $(...), \`...\`, $((...)), <(...), pipes |, redirections > >> < 2> 2>&1 &> <<EOF <<<,
; && ||, { ...; }, ( ... ), if/elif/else, for, while, until, case, functions, [ ] and [[ ]],
time, globs (* ? [...]) and braces ({a,b} {1..5}). A command spread over several lines (a
trailing \\, an open quote or an unfinished if/for/while) is read on until it is complete.
Not supported: arrays (except \${PIPESTATUS[@]}), background jobs (a trailing & just runs the
command), process substitution into a command >(...), aliases, history expansion (!!), and exec with only
redirections.
Limits: a command line stops after ${10_000} loop turns, 16 MiB of output, or the CPU time the
page allows it (the message says how much). Your files hold up to 64 MiB and 20,000 files and
directories; a name has at most 255 bytes and a path fewer than 4096. The terminal shows text,
colours and cursor movement from commands, and ignores other control sequences.

Type \`help NAME\` for one command. Commands:`;

/** Help for the shell's grammar words, which are not commands. */
const KEYWORD_HELP: Record<string, string> = {
  if: "if COMMANDS; then COMMANDS; [elif COMMANDS; then COMMANDS;]... [else COMMANDS;] fi\n    Runs the `then` part of the first condition that succeeds (status 0), or the `else` part.",
  for: "for NAME in WORDS ...; do COMMANDS; done\n    Runs COMMANDS once for each word, with $NAME set to it. for ((i=0; i<3; i++)) also works.",
  while: "while COMMANDS; do COMMANDS; done\n    Repeats while the condition succeeds. `until` repeats while it fails.",
  until: "until COMMANDS; do COMMANDS; done\n    Repeats while the condition fails.",
  case: "case WORD in PATTERN [| PATTERN]...) COMMANDS ;; ... esac\n    Runs the commands of the first pattern that matches WORD (patterns use * ? [...]).",
  function: "NAME () { COMMANDS; }   or   function NAME { COMMANDS; }\n    Defines a function; its arguments are $1, $2 ... and `local` makes variables its own.",
  time: "time [-p] PIPELINE\n    Runs PIPELINE, then prints on stderr how long it took: real (elapsed), user and sys (CPU)\n    time. The sandbox measures simulated time, which stands still unless the pipeline runs\n    `clock advance`, so real is usually 0m0.000s; user and sys are always 0. -p prints POSIX's\n    format; TIMEFORMAT changes the format as in bash (%R %U %S %P, e.g. TIMEFORMAT='%R s').",
  "[[": "[[ EXPRESSION ]]\n    Like [ ], without word splitting, plus == and != with patterns, =~ with a regular\n    expression, && and || inside, and < > comparing text.",
};

let registry: Map<string, CommandSpec> | undefined;

const help: CommandSpec = {
  name: "help",
  builtin: true,
  summary: "explain the shell and its commands",
  help: "help [NAME ...]\n    Without NAME: what this shell supports and the list of commands. With NAME: that command.",
  run(ctx) {
    const commands = ctx.shell.commands;
    if (ctx.args.length === 0) {
      const names = [...commands.keys()].sort();
      const width = Math.max(...names.map((name) => name.length));
      out(ctx, `${INTRODUCTION}\n${names.map((name) => `  ${name.padEnd(width)}  ${commands.get(name)?.summary ?? ""}\n`).join("")}`);
      return 0;
    }
    let status = 0;
    for (const name of ctx.args) {
      const spec = commands.get(name);
      // Own keys only: "help constructor" must not print Object.prototype.constructor.
      const text = spec?.help ?? (Object.hasOwn(KEYWORD_HELP, name) ? KEYWORD_HELP[name] : undefined);
      if (text === undefined) {
        err(ctx, `bash: help: no help topics match \`${name}'.  Try \`help help' or \`man -k ${name}' or \`info ${name}'.`);
        status = 1;
        continue;
      }
      out(ctx, `${text}\n`);
    }
    return status;
  },
};

export function commandRegistry(): ReadonlyMap<string, CommandSpec> {
  registry ??= new Map([...shellBuiltins, ...fileCommands, ...textCommands, ...encodingCommands, ...systemCommands, echo, printf, jq, openssl, zip, cmp, diff, dd, clock, help].map((spec) => [spec.name, spec]));
  return registry;
}

export type { CommandSpec, CommandContext } from "./types";
