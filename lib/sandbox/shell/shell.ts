import type { RunAwsCli } from "../cli/types";
import type { Sandbox } from "../sandbox";
import { FsError, type ShellFileSystem } from "../vfs/types";
import type { AndOr, Assignment, CaseCommand, Command, CondExpression, ForCommand, FunctionDefinition, List, Pipeline, Program, Redirect, SimpleCommand, WhileCommand, Word } from "./ast";
import { evaluateCondition } from "./conditions";
import { CPU_LIMIT_STATUS, CpuBudget, CpuTimeExceeded, type CpuBudgetOptions } from "./cpu-budget";
import type { CommandSpec } from "./commands/types";
import { arithmetic, expandCommandWords, expandPattern, expandString, expandWord, expandWords, ExpansionError, type ExpansionHost } from "./expand";
import { matchPattern } from "./glob";
import { decode, encode, LimitExceeded, LIMITS, newBudget, Sink, Source, WriteError, type Budget } from "./io";
import { fsMessage, rangeErrorMessage, writeErrorReport } from "./messages";
import { parse } from "./parser";
import { AbortSignal, BreakSignal, ContinueSignal, ExitSignal, ReturnSignal } from "./signals";
import { shellQuote } from "./quote";
import { DEFAULT_TIME_FORMAT, POSIX_TIME_FORMAT, timeReport } from "./time-report";

/**
 * The interpreter: runs parsed command lines against the sandbox's files
 * and engine, with bash's semantics for variables, expansions, pipes,
 * redirects and control flow. Everything is synchronous and bounded (a
 * budget of commands, loop iterations and output bytes per command line),
 * and nothing escapes as an exception: every input gives output and an
 * exit status.
 */

export interface ShellOptions {
  errexit: boolean;
  nounset: boolean;
  pipefail: boolean;
  xtrace: boolean;
}

export interface Variable {
  value: string;
  exported: boolean;
  readonly: boolean;
}

export interface ShellHost {
  fs: ShellFileSystem;
  engine: Sandbox;
  /** The `aws` command; without it `aws` is "command not found". */
  runAws?: RunAwsCli;
  commands: ReadonlyMap<string, CommandSpec>;
}

export interface OutputChunk {
  stream: "stdout" | "stderr";
  bytes: Uint8Array;
}

export interface RunResult {
  stdout: Uint8Array;
  stderr: Uint8Array;
  exitCode: number;
  /** Both streams in the order they were written (what a terminal shows). */
  output: OutputChunk[];
  /** Set when a sandbox limit stopped the command line before it finished. */
  interrupted?: Interruption;
}

/** Why a command line was stopped: it used up its CPU-time budget (exit status 152, as bash reports SIGXCPU). */
export interface Interruption {
  reason: "cpu-budget";
  budgetMs: number;
}

export type RunOptions = CpuBudgetOptions;

type Fd = { kind: "out"; sink: Sink; terminal: boolean } | { kind: "in"; source: Source };
type Fds = Map<number, Fd>;

/** A fixed process id: `$$` is stable so that transcripts are reproducible. */
const SHELL_PID = "4242";
/** Where `<(...)` files are, under the names bash gives the pipes it opens. */
const PROCESS_SUBSTITUTION_DIR = "/dev/fd";

export class Shell {
  readonly fs: ShellFileSystem;
  readonly engine: Sandbox;
  readonly runAws: RunAwsCli | undefined;
  readonly commands: ReadonlyMap<string, CommandSpec>;

  vars = new Map<string, Variable>();
  functions = new Map<string, FunctionDefinition>();
  positional: string[] = [];
  /** `$?` */
  status = 0;
  /** `${PIPESTATUS[@]}`: the status of each command of the last pipeline (before `!`); none before the first. */
  pipeStatus: string[] = [];
  /** `$0`: "bash", or the script being run. */
  scriptName = "bash";
  options: ShellOptions = { errexit: false, nounset: false, pipefail: false, xtrace: false };
  /** Command lines run so far, oldest first (the session fills it). */
  history: string[] = [];

  /** Loops and functions currently running (for `break`, `return` and `local`). */
  loopDepth = 0;
  callDepth = 0;
  private locals: Map<string, Variable | undefined>[] = [];
  private conditionDepth = 0;
  private subshellDepth = 0;
  /** Files of the `<(...)` substitutions open now, newest last. */
  private readonly processSubstitutions: string[] = [];
  private budget: Budget = newBudget();
  private substitutionStatus: number | undefined;
  private activeFds: Fds = new Map();

  constructor(host: ShellHost) {
    this.fs = host.fs;
    this.engine = host.engine;
    this.runAws = host.runAws;
    this.commands = host.commands;
  }

  // ================================================================ running a command line

  /**
   * Runs one command line (which may span several lines) and returns what it
   * wrote and its status. With `budgetMs`, the command line stops where it is
   * once it has run that long (see cpu-budget.ts); what it did so far stays done.
   */
  run(text: string, options: RunOptions = {}): RunResult {
    const output: OutputChunk[] = [];
    this.budget = newBudget(new CpuBudget(options));
    const stdout = new Sink(this.budget, (bytes) => output.push({ stream: "stdout", bytes }));
    const stderr = new Sink(this.budget, (bytes) => output.push({ stream: "stderr", bytes }));
    const fds: Fds = new Map<number, Fd>([
      [0, { kind: "in", source: Source.empty() }],
      [1, { kind: "out", sink: stdout, terminal: true }],
      [2, { kind: "out", sink: stderr, terminal: true }],
    ]);
    this.loopDepth = 0;
    this.callDepth = 0;
    this.conditionDepth = 0;
    this.subshellDepth = 0;
    this.locals = [];
    let interrupted: Interruption | undefined;
    let status: number;
    try {
      status = this.guarded(stderr, () => this.runText(text, fds));
    } catch (error) {
      if (!(error instanceof CpuTimeExceeded)) throw error;
      stderr.writeAlways(`bash: ${error.message}\n`);
      interrupted = { reason: "cpu-budget", budgetMs: error.budgetMs };
      status = CPU_LIMIT_STATUS;
    }
    this.status = status;
    return { stdout: stdout.bytes(), stderr: stderr.bytes(), exitCode: status, output, ...(interrupted ? { interrupted } : {}) };
  }

  /**
   * Runs `work`, turning every way out (exit, aborts, limits, bugs) into a
   * status. The CPU-time limit is the one exception: it ends the whole
   * command line, however deeply nested (`bash -c`, `$(...)`), so it passes.
   */
  private guarded(stderr: Sink, work: () => number): number {
    try {
      return work();
    } catch (error) {
      if (error instanceof CpuTimeExceeded) throw error;
      return this.statusOf(error, stderr);
    }
  }

  private statusOf(error: unknown, stderr: Sink): number {
    if (error instanceof ExitSignal || error instanceof AbortSignal || error instanceof ReturnSignal) return error.status;
    if (error instanceof BreakSignal || error instanceof ContinueSignal) return 0;
    // The shell's own message could not be written to a full file.
    if (error instanceof WriteError) return 1;
    const say = (message: string) => stderr.writeAlways(`bash: ${message}\n`);
    if (error instanceof LimitExceeded) {
      say(error.message);
      return 1;
    }
    if (error instanceof ExpansionError) {
      say(error.message);
      return error.status;
    }
    const limit = error instanceof RangeError ? rangeErrorMessage(error) : undefined;
    if (limit) {
      say(limit);
      return 1;
    }
    say(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

  /** Parses and runs text in the current shell (the command line itself, `eval`, `source`). */
  private runText(text: string, fds: Fds): number {
    const parsed = parse(text, { final: true });
    const stderr = this.sinkOf(fds, 2);
    if (parsed.status !== "ok") {
      stderr.write(`bash: ${parsed.status === "error" ? parsed.message : "syntax error: unexpected end of file"}\n`);
      this.status = 2;
      return 2;
    }
    for (const warning of parsed.warnings) stderr.write(`bash: ${warning}\n`);
    return this.execProgram(parsed.program, fds);
  }

  private execProgram(program: Program, fds: Fds): number {
    return this.execList(program.body, fds);
  }

  // ================================================================ lists and pipelines

  private execList(list: List, fds: Fds): number {
    let status = this.status;
    for (const item of list) status = this.execAndOr(item, fds);
    return status;
  }

  private execAndOr(item: AndOr, fds: Fds): number {
    const last = item.rest.length;
    let status = this.runPipeline(item.first, fds, last > 0);
    for (let index = 0; index < item.rest.length; index++) {
      const { operator, pipeline } = item.rest[index] ?? { operator: "&&", pipeline: item.first };
      if ((operator === "&&") !== (status === 0)) continue;
      status = this.runPipeline(pipeline, fds, index < last - 1);
    }
    return status;
  }

  private runPipeline(pipeline: Pipeline, fds: Fds, exempt: boolean): number {
    if (exempt || pipeline.negated) this.conditionDepth += 1;
    let status: number;
    try {
      status = this.execPipeline(pipeline, fds);
    } finally {
      if (exempt || pipeline.negated) this.conditionDepth -= 1;
    }
    this.status = status;
    if (status !== 0 && this.options.errexit && this.conditionDepth === 0 && !exempt && !pipeline.negated) throw new ExitSignal(status);
    return status;
  }

  private execPipeline(pipeline: Pipeline, fds: Fds): number {
    if (pipeline.timed) return this.timePipeline(pipeline, pipeline.timed.posix, fds);
    const { commands } = pipeline;
    let status: number;
    if (commands.length === 1) {
      status = this.execCommand(commands[0] as Command, fds);
      this.pipeStatus = [String(status)];
    } else {
      const statuses: number[] = [];
      let input = this.sourceOf(fds);
      for (let index = 0; index < commands.length; index++) {
        const command = commands[index] as Command;
        const elementFds: Fds = new Map(fds);
        elementFds.set(0, { kind: "in", source: input });
        let pipe: Sink | undefined;
        if (index < commands.length - 1) {
          pipe = new Sink(this.budget);
          elementFds.set(1, { kind: "out", sink: pipe, terminal: false });
          if (pipeline.stderrToo[index]) elementFds.set(2, { kind: "out", sink: pipe, terminal: false });
        }
        // Each part of a pipeline runs in a subshell: `echo x | read v` sets nothing here.
        statuses.push(this.subshell(elementFds, () => this.execCommand(command, elementFds)));
        if (pipe) input = new Source(pipe.drain());
      }
      status = statuses[statuses.length - 1] ?? 0;
      this.pipeStatus = statuses.map(String);
      if (this.options.pipefail) status = [...statuses].reverse().find((code) => code !== 0) ?? 0;
    }
    return pipeline.negated ? (status === 0 ? 1 : 0) : status;
  }

  /**
   * `time pipeline`: runs it, then reports on the shell's stderr (not the
   * pipeline's: `time cmd 2>/dev/null` still shows it) how long it took in
   * simulated time, which only `clock advance` moves, so the usual report
   * is 0m0.000s; the sandbox has no process CPU time, so user and sys are 0.
   * It reports however the pipeline ends (`exit`, `set -e`), except by
   * `return` or when a sandbox limit stops the command line.
   */
  private timePipeline(pipeline: Pipeline, posix: boolean, fds: Fds): number {
    const started = this.engine.now;
    const report = () => {
      // An unset TIMEFORMAT means bash's default; an empty one, no report.
      const format = posix ? POSIX_TIME_FORMAT : (this.vars.get("TIMEFORMAT")?.value ?? DEFAULT_TIME_FORMAT);
      this.sinkOf(fds, 2).write(timeReport(format, { real: this.engine.now - started, user: 0, sys: 0 }));
    };
    let status: number;
    try {
      status = this.execPipeline({ negated: pipeline.negated, commands: pipeline.commands, stderrToo: pipeline.stderrToo }, fds);
    } catch (error) {
      // bash reports after `exit`, `break` or an error, but not after `return` from a function.
      if (!(error instanceof ReturnSignal || error instanceof LimitExceeded || error instanceof CpuTimeExceeded)) report();
      throw error;
    }
    report();
    return status;
  }

  /** Runs `work` in a subshell: variables, functions, options, positional parameters and the directory come back as they were. */
  subshell(fds: Fds, work: () => number): number {
    if (this.subshellDepth >= LIMITS.maxSubshellDepth) {
      this.sinkOf(fds, 2).write("bash: subshells nested too deeply (sandbox limit)\n");
      return 1;
    }
    const saved = {
      vars: new Map([...this.vars].map(([name, variable]) => [name, { ...variable }])),
      functions: new Map(this.functions),
      positional: [...this.positional],
      options: { ...this.options },
      cwd: this.fs.cwd,
      locals: this.locals.map((scope) => new Map(scope)),
      loopDepth: this.loopDepth,
      scriptName: this.scriptName,
    };
    this.subshellDepth += 1;
    try {
      return work();
    } catch (error) {
      if (error instanceof ExitSignal) return error.status;
      if (error instanceof BreakSignal || error instanceof ContinueSignal) return 0;
      if (error instanceof ReturnSignal) return error.status;
      throw error;
    } finally {
      this.subshellDepth -= 1;
      this.vars = saved.vars;
      this.functions = saved.functions;
      this.positional = saved.positional;
      this.options = saved.options;
      this.locals = saved.locals;
      this.loopDepth = saved.loopDepth;
      this.scriptName = saved.scriptName;
      try {
        this.fs.chdir(saved.cwd);
      } catch {
        // The directory is gone: stay where the file system put us.
      }
    }
  }

  // ================================================================ commands

  private execCommand(command: Command, fds: Fds): number {
    this.budget.cpu.check();
    this.budget.commands += 1;
    if (this.budget.commands > LIMITS.maxCommands) throw new LimitExceeded(`stopped after ${LIMITS.maxCommands} commands (sandbox limit)`);
    // Expansions see the command's descriptors: what a $(...) writes to stderr goes where the command's stderr goes, as in bash.
    const previous = this.activeFds;
    this.activeFds = fds;
    const openSubstitutions = this.processSubstitutions.length;
    try {
      switch (command.kind) {
        case "simple":
          return this.execSimple(command, fds);
        case "function":
          this.functions.set(command.name, command);
          return 0;
        default:
          return this.withRedirects(command.redirects, fds, (inner) => {
            this.activeFds = inner;
            return this.execCompound(command, inner);
          });
      }
    } finally {
      this.activeFds = previous;
      this.closeProcessSubstitutions(openSubstitutions);
    }
  }

  private execCompound(command: Exclude<Command, SimpleCommand | { kind: "function" }>, fds: Fds): number {
    switch (command.kind) {
      case "if": {
        for (const clause of command.clauses) {
          if (this.condition(clause.condition, fds) === 0) return this.execList(clause.body, fds);
        }
        return command.elseBody ? this.execList(command.elseBody, fds) : 0;
      }
      case "for":
        return this.execFor(command, fds);
      case "arith-for":
        return this.loop(fds, () => this.arith(command.init) && true, () => this.arith(command.test) !== 0n, () => this.arith(command.update) && true, command.body);
      case "while":
        return this.execWhile(command, fds);
      case "case":
        return this.execCase(command, fds);
      case "group":
        return command.subshell ? this.subshell(fds, () => this.execList(command.body, fds)) : this.execList(command.body, fds);
      case "arith": {
        const value = this.arith(command.expression);
        return value !== 0n ? 0 : 1;
      }
      case "cond":
        return this.execCond(command.expression, fds);
    }
  }

  private condition(list: List, fds: Fds): number {
    this.conditionDepth += 1;
    try {
      return this.execList(list, fds);
    } finally {
      this.conditionDepth -= 1;
    }
  }

  private arith(word: Word): bigint {
    return arithmetic(expandString(word, this.expansionHost()), this.expansionHost());
  }

  private tick(): void {
    this.budget.cpu.check();
    this.budget.iterations += 1;
    if (this.budget.iterations > LIMITS.maxIterations) throw new LimitExceeded(`loop stopped after ${LIMITS.maxIterations} iterations (sandbox limit)`);
  }

  /** Runs one loop body; false when the loop must stop (`break`). */
  private loopBody(body: List, fds: Fds, setStatus: (status: number) => void): boolean {
    try {
      setStatus(this.execList(body, fds));
      return true;
    } catch (error) {
      if (error instanceof BreakSignal) {
        if (error.levels > 1) {
          error.levels -= 1;
          throw error;
        }
        return false;
      }
      if (error instanceof ContinueSignal) {
        if (error.levels > 1) {
          error.levels -= 1;
          throw error;
        }
        return true;
      }
      throw error;
    }
  }

  private loop(fds: Fds, init: () => unknown, test: () => boolean, update: () => unknown, body: List): number {
    let status = 0;
    this.loopDepth += 1;
    try {
      init();
      while (test()) {
        this.tick();
        if (!this.loopBody(body, fds, (value) => (status = value))) break;
        update();
      }
    } finally {
      this.loopDepth -= 1;
    }
    return status;
  }

  private execFor(command: ForCommand, fds: Fds): number {
    const items = command.items ? expandWords(command.items, this.expansionHost()) : [...this.positional];
    let status = 0;
    this.loopDepth += 1;
    try {
      for (const item of items) {
        this.tick();
        this.assign(command.name, item);
        if (!this.loopBody(command.body, fds, (value) => (status = value))) break;
      }
    } finally {
      this.loopDepth -= 1;
    }
    return status;
  }

  private execWhile(command: WhileCommand, fds: Fds): number {
    let status = 0;
    this.loopDepth += 1;
    try {
      for (;;) {
        this.tick();
        const result = this.condition(command.condition, fds);
        if ((result === 0) === command.until) break;
        if (!this.loopBody(command.body, fds, (value) => (status = value))) break;
      }
    } finally {
      this.loopDepth -= 1;
    }
    return status;
  }

  private execCase(command: CaseCommand, fds: Fds): number {
    const host = this.expansionHost();
    const subject = expandString(command.subject, host);
    let status = 0;
    let fallThrough = false;
    for (const item of command.items) {
      if (!fallThrough && !item.patterns.some((pattern) => matchPattern(expandPattern(pattern, host), subject, false, host.checkTime))) continue;
      status = this.execList(item.body, fds);
      if (item.terminator === ";;") return status;
      fallThrough = item.terminator === ";&";
    }
    return status;
  }

  private execCond(expression: CondExpression, fds: Fds): number {
    try {
      return evaluateCondition(expression, this.expansionHost(), this.fs) ? 0 : 1;
    } catch (error) {
      if (error instanceof ExpansionError && error.status === 2) {
        // An invalid regular expression after =~ fails silently.
        if (error.message !== "") this.sinkOf(fds, 2).write(`bash: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  }

  // ================================================================ simple commands

  private execSimple(command: SimpleCommand, fds: Fds): number {
    const host = this.expansionHost();
    this.substitutionStatus = undefined;
    const argv = expandCommandWords(command.words, host);
    if (argv.length === 0) {
      // Assignments only (and maybe redirects, which still create or truncate files).
      const status = this.withRedirects(command.redirects, fds, () => {
        for (const assignment of command.assignments) {
          const error = this.assignFrom(assignment, host);
          if (error) {
            // bash abandons the rest of the command line after assigning to a read-only variable.
            this.sinkOf(fds, 2).write(`bash: ${error}\n`);
            throw new AbortSignal(1);
          }
        }
        return this.substitutionStatus ?? 0;
      });
      if (this.options.xtrace && command.assignments.length > 0) {
        this.sinkOf(fds, 2).write(command.assignments.map((a) => `+ ${a.name}=${shellQuote(expandString(a.value, host))}`).join("\n") + "\n");
      }
      return status;
    }
    const temporary = command.assignments.map((assignment) => ({ name: assignment.name, value: this.assignmentValue(assignment, host) }));
    return this.withRedirects(command.redirects, fds, (inner) => {
      if (this.options.xtrace) this.sinkOf(inner, 2).write(`+ ${[...temporary.map((t) => `${t.name}=${shellQuote(t.value)}`), ...argv.map(shellQuote)].join(" ")}\n`);
      return this.withTemporaryVariables(temporary, () => this.invokeWith(argv, inner, {}));
    });
  }

  private assignmentValue(assignment: Assignment, host: ExpansionHost): string {
    const value = expandString(assignment.value, host);
    return assignment.append ? (this.getVar(assignment.name) ?? "") + value : value;
  }

  /** Performs an assignment word; returns bash's error text when it cannot. */
  private assignFrom(assignment: Assignment, host: ExpansionHost): string | undefined {
    return this.setVar(assignment.name, this.assignmentValue(assignment, host));
  }

  private withTemporaryVariables<T>(temporary: { name: string; value: string }[], work: () => T): T {
    if (temporary.length === 0) return work();
    const saved = temporary.map(({ name }) => [name, this.vars.get(name)] as const);
    for (const { name, value } of temporary) {
      const existing = this.vars.get(name);
      if (existing?.readonly) continue;
      this.vars.set(name, { value, exported: true, readonly: false });
    }
    try {
      return work();
    } finally {
      for (const [name, variable] of saved.reverse()) {
        if (variable) this.vars.set(name, variable);
        else this.vars.delete(name);
      }
    }
  }

  /**
   * Runs a command by name with its arguments: a function, a builtin or
   * tool, a script given by path, or "command not found".
   */
  invokeWith(argv: string[], fds: Fds, options: { skipFunctions?: boolean }): number {
    const [name = "", ...args] = argv;
    this.budget.cpu.check();
    const previous = this.activeFds;
    this.activeFds = fds;
    try {
      const definition = options.skipFunctions ? undefined : this.functions.get(name);
      if (definition) return this.callFunction(name, definition.body, args, fds);
      const spec = this.commands.get(name) ?? this.commands.get(toolName(name));
      if (spec) {
        const stdout = this.outFd(fds, 1);
        try {
          return spec.run({
            name,
            args,
            stdin: this.sourceOf(fds),
            stdout: stdout.sink,
            stderr: this.sinkOf(fds, 2),
            stdoutIsTerminal: stdout.terminal,
            shell: this,
          });
        } catch (error) {
          if (error instanceof WriteError) {
            // Its output went to a file on a full file system.
            const report = writeErrorReport(name, spec.builtin === true, error.code);
            this.sinkOf(fds, 2).write(`${report.message}\n`);
            return report.status;
          }
          // A file error a command did not word itself: coreutils' generic form.
          if (!(error instanceof FsError)) throw error;
          this.sinkOf(fds, 2).write(`${name}: ${error.path}: ${fsMessage(error.code)}\n`);
          return 1;
        }
      }
      if (name.includes("/")) return this.runScriptFile(name, args, fds);
      this.sinkOf(fds, 2).write(`bash: ${name}: command not found\n`);
      return 127;
    } finally {
      this.activeFds = previous;
    }
  }

  /** `./script.sh`: the file runs as a bash script in a subshell. */
  private runScriptFile(path: string, args: string[], fds: Fds): number {
    const stat = this.fs.stat(path);
    if (!stat) {
      this.sinkOf(fds, 2).write(`bash: ${path}: No such file or directory\n`);
      return 127;
    }
    if (stat.type === "directory") {
      this.sinkOf(fds, 2).write(`bash: ${path}: Is a directory\n`);
      return 126;
    }
    let text: string;
    try {
      text = decode(this.fs.readFile(path));
    } catch (error) {
      if (!(error instanceof FsError)) throw error;
      this.sinkOf(fds, 2).write(`bash: ${path}: ${fsMessage(error.code)}\n`);
      return 126;
    }
    return this.runScript(text, { subshell: true, name: path, args });
  }

  private callFunction(name: string, body: Command, args: string[], fds: Fds): number {
    if (this.callDepth >= LIMITS.maxFunctionDepth) {
      this.sinkOf(fds, 2).write(`bash: ${name}: maximum function nesting level exceeded (${LIMITS.maxFunctionDepth})\n`);
      throw new AbortSignal(1);
    }
    const savedPositional = this.positional;
    this.positional = args;
    this.locals.push(new Map());
    this.callDepth += 1;
    try {
      return this.execCommand(body, fds);
    } catch (error) {
      if (error instanceof ReturnSignal) return error.status;
      throw error;
    } finally {
      this.callDepth -= 1;
      const scope = this.locals.pop();
      for (const [variableName, variable] of [...(scope ?? new Map<string, Variable | undefined>())].reverse()) {
        if (variable) this.vars.set(variableName, variable);
        else this.vars.delete(variableName);
      }
      this.positional = savedPositional;
    }
  }

  // ================================================================ redirects

  private withRedirects(redirects: readonly Redirect[], fds: Fds, work: (fds: Fds) => number): number {
    if (redirects.length === 0) return work(fds);
    const opened = this.openRedirects(redirects, fds);
    if ("error" in opened) {
      // The message goes where stderr points after the redirects before the failing one (2>&1 counts).
      this.sinkOf(opened.fds, 2).write(`bash: ${opened.error}\n`);
      return 1;
    }
    return work(opened.fds);
  }

  /** Applies redirects in order; returns the new descriptors (files open for writing, fs.open), or bash's error text. */
  private openRedirects(redirects: readonly Redirect[], fds: Fds): { fds: Fds } | { error: string; fds: Fds } {
    const next: Fds = new Map(fds);
    const host = this.expansionHost();
    for (const redirect of redirects) {
      const operator = redirect.operator;
      const input = operator === "<" || operator === "<>" || operator === "<&" || operator === "<<" || operator === "<<-" || operator === "<<<";
      const fd = redirect.fd ?? (input ? 0 : 1);
      if (operator === "<<" || operator === "<<-") {
        next.set(fd, { kind: "in", source: new Source(encode(expandString(redirect.target, host))) });
        continue;
      }
      if (operator === "<<<") {
        next.set(fd, { kind: "in", source: new Source(encode(expandString(redirect.target, host) + "\n")) });
        continue;
      }
      const fields = expandWord(redirect.target, host);
      if (fields.length !== 1) {
        return { error: `${redirect.target.text}: ambiguous redirect`, fds: next };
      }
      const target = fields[0] ?? "";
      if (operator === ">&" || operator === "<&") {
        if (target === "-") {
          next.delete(fd);
          continue;
        }
        if (/^\d+$/.test(target)) {
          const source = next.get(Number(target));
          if (!source) {
                return { error: `${target}: Bad file descriptor`, fds: next };
          }
          next.set(fd, source);
          continue;
        }
        if (operator === "<&") {
            return { error: `${target}: ambiguous redirect`, fds: next };
        }
      }
      // Names Linux gives to the standard streams.
      const standard = { "/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2, "/dev/fd/0": 0, "/dev/fd/1": 1, "/dev/fd/2": 2 }[target];
      if (standard !== undefined) {
        const source = next.get(standard);
        if (source) {
          if (operator === "&>" || operator === "&>>" || (operator === ">&" && redirect.fd === undefined)) {
            next.set(1, source);
            next.set(2, source);
          } else next.set(fd, source);
          continue;
        }
      }
      try {
        if (input) {
          next.set(fd, { kind: "in", source: new Source(this.fs.readFile(target), true) });
          continue;
        }
        const append = operator === ">>" || operator === "&>>";
        const stat = this.fs.stat(target);
        if (stat?.type === "directory") throw new FsError("EISDIR", target);
        // Written straight through, so a full file system stops the command at the write that does not fit.
        // A file the command removes meanwhile takes the rest of its output, and it goes nowhere, as on Linux.
        const file = this.fs.open(target, { append });
        const sink = new Sink(this.budget, undefined, (bytes) => {
          try {
            file.write(bytes);
          } catch (error) {
            if (error instanceof FsError) throw new WriteError(error.code);
            throw error;
          }
        });
        const fd2: Fd = { kind: "out", sink, terminal: false };
        if (operator === "&>" || operator === "&>>" || (operator === ">&" && redirect.fd === undefined)) {
          next.set(1, fd2);
          next.set(2, fd2);
        } else next.set(fd, fd2);
      } catch (error) {
        if (error instanceof FsError) return { error: `${target}: ${fsMessage(error.code)}`, fds: next };
        throw error;
      }
    }
    return { fds: next };
  }

  private sourceOf(fds: Fds): Source {
    const fd = fds.get(0);
    return fd?.kind === "in" ? fd.source : Source.empty();
  }

  private outFd(fds: Fds, number: number): { sink: Sink; terminal: boolean } {
    const fd = fds.get(number);
    if (fd?.kind === "out") return fd;
    // A closed or input-only descriptor: writes go nowhere (bash would report a write error).
    return { sink: new Sink(this.budget), terminal: false };
  }

  private sinkOf(fds: Fds, number: number): Sink {
    return this.outFd(fds, number).sink;
  }

  // ================================================================ expansion host

  private expansionHost(): ExpansionHost {
    const shell = this;
    return {
      lookup: (name) => shell.lookup(name),
      positional: () => shell.positional,
      assign: (name, value) => {
        const error = shell.setVar(name, value);
        if (error) throw new ExpansionError(error);
      },
      substitute: (program) => shell.substitute(program),
      processSubstitution: (direction, program) => shell.processSubstitution(direction, program),
      home: shell.fs.home,
      fs: shell.fs,
      nounset: shell.options.nounset,
      checkTime: () => shell.budget.cpu.check(),
      elements: (name) => {
        if (name === "PIPESTATUS") return shell.pipeStatus;
        const value = shell.lookup(name);
        return value === undefined ? [] : [value];
      },
    };
  }

  /** `$(...)`: runs in a subshell, output captured; trailing newlines removed; NUL bytes dropped as bash does. */
  private substitute(program: Program): string {
    const fds: Fds = new Map(this.activeFds);
    const sink = new Sink(this.budget);
    fds.set(1, { kind: "out", sink, terminal: false });
    const status = this.subshell(fds, () => this.execProgram(program, fds));
    this.substitutionStatus = status;
    this.status = status;
    return decode(sink.drain()).replace(/\0/g, "").replace(/\n+$/, "");
  }

  /**
   * `<(...)`: runs in a subshell like `$(...)`, its output kept whole in a
   * file named as bash names the pipe it opens (/dev/fd/63, then 62 ...),
   * which lives until the command that expanded it ends. $? is not changed.
   * NOTE: bash reads a pipe while the command runs; here the list runs to
   * its end first, and the file can be read more than once.
   */
  private processSubstitution(direction: "<" | ">", program: Program): string {
    if (direction === ">") throw new ExpansionError("process substitution >(...) is not supported in the sandbox (<(...) is)");
    const fds: Fds = new Map(this.activeFds);
    const sink = new Sink(this.budget);
    fds.set(1, { kind: "out", sink, terminal: false });
    const status = this.status;
    this.subshell(fds, () => this.execProgram(program, fds));
    this.status = status;
    const path = `${PROCESS_SUBSTITUTION_DIR}/${63 - this.processSubstitutions.length}`;
    try {
      this.fs.mkdir(PROCESS_SUBSTITUTION_DIR, { parents: true });
      this.fs.writeFile(path, sink.drain());
    } catch (error) {
      // A full file system, or a /dev/fd the learner made a file: bash would fail to open the pipe.
      if (error instanceof FsError) throw new ExpansionError(`${path}: ${fsMessage(error.code)}`);
      throw error;
    }
    this.processSubstitutions.push(path);
    return path;
  }

  /** Removes the files of the process substitutions made since `count` were open (the command that made them has ended). */
  private closeProcessSubstitutions(count: number): void {
    while (this.processSubstitutions.length > count) {
      const path = this.processSubstitutions.pop()!;
      try {
        this.fs.remove(path);
        if (this.processSubstitutions.length === 0 && this.fs.list(PROCESS_SUBSTITUTION_DIR).length === 0) this.fs.remove(PROCESS_SUBSTITUTION_DIR, { recursive: true });
      } catch (error) {
        // The command may have removed or replaced it itself (rm /dev/fd/63): nothing is left to close.
        if (!(error instanceof FsError)) throw error;
      }
    }
  }

  private lookup(name: string): string | undefined {
    switch (name) {
      case "?":
        return String(this.status);
      case "$":
        return SHELL_PID;
      case "#":
        return String(this.positional.length);
      case "0":
        return this.scriptName;
      case "-":
        return (this.options.errexit ? "e" : "") + "hB" + (this.options.nounset ? "u" : "") + (this.options.xtrace ? "x" : "");
      case "!":
        return undefined;
      case "PIPESTATUS":
        // A plain $PIPESTATUS is its first element, as for any bash array.
        return this.pipeStatus[0];
      default:
        if (/^[1-9][0-9]*$/.test(name)) return this.positional[Number(name) - 1];
        return this.vars.get(name)?.value;
    }
  }

  // ================================================================ variables (for builtins too)

  getVar(name: string): string | undefined {
    return this.lookup(name);
  }

  /** Sets a variable (keeping its export flag); returns bash's error text for a read-only one. */
  setVar(name: string, value: string, options: { exported?: boolean } = {}): string | undefined {
    const existing = this.vars.get(name);
    if (existing?.readonly) return `${name}: readonly variable`;
    if (value.length > LIMITS.maxWordLength) throw new LimitExceeded(`${name}: value too large (sandbox limit)`);
    this.vars.set(name, { value, exported: options.exported ?? existing?.exported ?? false, readonly: false });
    return undefined;
  }

  private assign(name: string, value: string): void {
    const error = this.setVar(name, value);
    if (error) throw new ExpansionError(error);
  }

  unsetVar(name: string): string | undefined {
    const existing = this.vars.get(name);
    if (existing?.readonly) return `unset: ${name}: cannot unset: readonly variable`;
    this.vars.delete(name);
    return undefined;
  }

  /** `local name`: the variable gets its old value back when the function returns. */
  declareLocal(name: string): boolean {
    const scope = this.locals[this.locals.length - 1];
    if (!scope) return false;
    if (!scope.has(name)) scope.set(name, this.vars.get(name) && { ...(this.vars.get(name) as Variable) });
    return true;
  }

  /** The environment programs see: the exported variables. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [name, variable] of this.vars) if (variable.exported) env[name] = variable.value;
    return env;
  }

  // ================================================================ nested runs (eval, source, bash, command)

  /** `eval`: runs text in the current shell, with the current command's streams. */
  evalText(text: string): number {
    return this.runText(text, this.activeFds);
  }

  /**
   * `bash file`, `bash -c`, `source file`: runs a script. A new shell
   * (`subshell`) gets $0 = `name` and its own positional parameters; a
   * sourced file shares the shell and gets `args` as $1... only if given.
   */
  runScript(text: string, options: { subshell: boolean; name?: string; args?: string[] }): number {
    const fds = this.activeFds;
    if (this.callDepth >= LIMITS.maxFunctionDepth) {
      this.sinkOf(fds, 2).write(`bash: maximum nesting level of scripts exceeded (${LIMITS.maxFunctionDepth}, sandbox limit)\n`);
      return 1;
    }
    const work = () => {
      const savedPositional = this.positional;
      const args = options.args ?? [];
      if (options.subshell || args.length > 0) this.positional = args;
      if (options.name !== undefined) this.scriptName = options.name;
      this.callDepth += 1;
      try {
        return this.runText(text, fds);
      } catch (error) {
        if (error instanceof ReturnSignal) return error.status;
        if (options.subshell && error instanceof AbortSignal) return error.status;
        throw error;
      } finally {
        this.callDepth -= 1;
        if (!options.subshell) this.positional = savedPositional;
      }
    };
    if (!options.subshell) return work();
    return this.subshell(fds, () => {
      // A new bash sees only exported variables, and no functions.
      for (const [name, variable] of [...this.vars]) if (!variable.exported) this.vars.delete(name);
      this.functions = new Map();
      this.options = { errexit: false, nounset: false, pipefail: false, xtrace: false };
      return this.guarded(this.sinkOf(fds, 2), work);
    });
  }

  /** `command`, `env`, `exec`, `xargs`: runs a command by name with the current command's streams. */
  invoke(argv: string[], options: { skipFunctions?: boolean; variables?: Record<string, string> } = {}): number {
    const fds = this.activeFds;
    const temporary = Object.entries(options.variables ?? {}).map(([name, value]) => ({ name, value }));
    return this.withTemporaryVariables(temporary, () => this.invokeWith(argv, fds, options));
  }

  /** What a name runs as: for `type`, `which` and `command -v`. */
  kindOf(name: string): "function" | "builtin" | "program" | undefined {
    if (this.functions.has(name)) return "function";
    const spec = this.commands.get(name);
    if (!spec) return undefined;
    return spec.builtin ? "builtin" : "program";
  }

  /** The budget of the command line being run (commands that loop over large inputs count against it). */
  tickLoop(): void {
    this.tick();
  }

  /** Stops the command line when its CPU time is spent: tools call it as they walk their input. */
  checkTime(): void {
    this.budget.cpu.check();
  }
}

/** `/usr/bin/cat` runs `cat`: the sandbox's programs live in the usual places. */
function toolName(name: string): string {
  const match = /^\/(?:usr\/(?:local\/)?)?s?bin\/([^/]+)$/.exec(name);
  return match?.[1] ?? "";
}

export type { Fds };
