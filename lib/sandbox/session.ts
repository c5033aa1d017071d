import * as z from "zod";
import type { RunAwsCli } from "./cli/types";
import { SandboxUsageError } from "./core/errors";
import type { ScriptRequest, ScriptResult } from "./core/script-runner";
import { createEngine } from "./engine";
import type { Sandbox } from "./sandbox";
import { findScenario, SCENARIOS, type ScenarioName } from "./scenarios";
import type { CommandSpec } from "./shell/commands/types";
import { completeLine, type Completion } from "./shell/complete";
import { decode } from "./shell/io";
import { parse } from "./shell/parser";
import { Shell, type Interruption, type RunOptions, type RunResult, type ShellOptions } from "./shell/shell";
import { MemoryFileSystem, type Quota } from "./vfs/memory";
import { checkFilesSnapshot, restoreFiles, snapshotFiles, type FilesSnapshot } from "./vfs/snapshot";
import type { SandboxState } from "./state";

/**
 * A sandbox session: the simulated AWS (engine), the learner's files, and
 * a shell with its variables and history. Terminals, the headless runner
 * and tests drive it through run(); snapshot() and restore() save and load
 * all of it.
 */

/**
 * What a session needs to run command lines, apart from the shell itself:
 * the tools (echo, grep, jq...) and the aws command. `tools.ts` supplies them;
 * the browser's worker opens a sandbox first and loads them a moment later
 * (they are most of the engine's code and the first prompt does not need them).
 */
export interface SessionTools {
  commands: ReadonlyMap<string, CommandSpec>;
  runAwsCli: RunAwsCli;
  completeAwsCli(argvSoFar: string[], partial: string): string[];
}

export interface CreateSandboxOptions {
  /** Starting state (default "chapter-27"). */
  scenario?: ScenarioName;
  /** Seed for every random choice; same seed and commands, same session. */
  seed?: number;
  /** Start of simulated time: a Date, an ISO string or ms since the epoch (default: now). */
  now?: number | string | Date;
  /** The `aws` command; the sandbox's CLI by default (tests may put in a stand-in). */
  runAwsCli?: RunAwsCli;
  /** What the learner's files may hold (vfs DEFAULT_QUOTA: 64 MiB and 20,000 files and directories). */
  quota?: Quota;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** What run() answers, plus both streams in the order they were written (what a terminal shows). */
export interface SessionRunResult extends CommandOutput {
  output: string;
  /** Present when the command line was stopped by its CPU-time budget (exit status 152). */
  interrupted?: Interruption;
}

/**
 * How a command line may run. `budgetMs`: the CPU time it may use before the
 * shell stops it (status 152, a message on stderr); no limit when undefined.
 * `clock`: milliseconds, `performance.now()` by default (tests pass their own).
 */
export type SessionRunOptions = RunOptions;

export const SESSION_FORMAT = "keystone-session";
export const SESSION_VERSION = 1;
const HISTORY_LIMIT = 1000;
/** The files a program (user data, a function) may write on its machine: Lambda gives /tmp 512 MB; the sandbox, enough for scripts. */
const PROGRAM_QUOTA: Quota = { bytes: 8 * 1024 * 1024, entries: 2_000 };

const variableSchema = z.object({ value: z.string(), exported: z.boolean(), readonly: z.boolean() });

const sessionSnapshotSchema = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  scenario: z.string(),
  engine: z.unknown(),
  files: z.unknown(),
  shell: z.object({
    variables: z.record(z.string(), variableSchema),
    functions: z.array(z.string()),
    history: z.array(z.string()),
    status: z.number().int().min(0).max(255),
    options: z.object({ errexit: z.boolean(), nounset: z.boolean(), pipefail: z.boolean(), xtrace: z.boolean() }),
  }),
});

export interface SessionSnapshot {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  scenario: string;
  engine: SandboxState;
  files: FilesSnapshot;
  shell: {
    variables: Record<string, { value: string; exported: boolean; readonly: boolean }>;
    /** Function definitions as written. */
    functions: string[];
    history: string[];
    status: number;
    options: ShellOptions;
  };
}

function initialVariables(fs: MemoryFileSystem, region: string): Record<string, string> {
  return {
    HOME: fs.home,
    USER: "learner",
    LOGNAME: "learner",
    SHELL: "/bin/bash",
    PATH: "/usr/local/bin:/usr/bin:/bin",
    PWD: fs.cwd,
    TERM: "xterm-256color",
    LANG: "C.UTF-8",
    HOSTNAME: "sandbox",
    AWS_DEFAULT_REGION: region,
  };
}

export class SandboxSession {
  readonly engine: Sandbox;
  readonly fs: MemoryFileSystem;
  private currentScenario: string;
  private readonly shell: Shell;
  private tools: SessionTools | undefined;
  /** The shell as the session began, for restore(…, { freshShell: true }). */
  private readonly initialShell: SessionSnapshot["shell"];
  /** The shell's commands: filled when the tools are attached. */
  private readonly commands = new Map<string, CommandSpec>();

  /** Without `tools` the session can be built, restored and saved, but runs nothing until attachTools(). */
  constructor(options: CreateSandboxOptions = {}, tools?: SessionTools) {
    const name = options.scenario ?? "chapter-27";
    const scenario = findScenario(name);
    if (!scenario) throw new SandboxUsageError(`There is no scenario "${String(name)}"; the scenarios are ${SCENARIOS.map((s) => s.name).join(", ")}.`);
    this.engine = createEngine({ ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.now === undefined ? {} : { now: options.now }) });
    const engine = this.engine;
    this.fs = new MemoryFileSystem({ clock: () => engine.now, random: (length) => engine.randomBytes(length), ...(options.quota ? { quota: options.quota } : {}) });
    this.currentScenario = scenario.name;
    scenario.build(this.engine, this.fs);
    const runAws: RunAwsCli = options.runAwsCli ?? ((argv, context) => this.requireTools().runAwsCli(argv, context));
    this.shell = new Shell({ fs: this.fs, engine: this.engine, runAws, commands: this.commands });
    for (const [name, value] of Object.entries(initialVariables(this.fs, this.engine.region))) this.shell.setVar(name, value, { exported: true });
    this.initialShell = this.shellSnapshot();
    this.engine.setScriptRunner((request) => this.runProgram(request, runAws));
    if (tools) this.attachTools(tools);
  }

  /**
   * Runs a program on a machine of its own for the engine (EC2 user data, a
   * Lambda handler): fresh files holding only the request's, a fresh shell
   * with only the request's variables, the same commands and the same engine.
   */
  private runProgram(request: ScriptRequest, runAws: RunAwsCli): ScriptResult {
    this.requireTools();
    const engine = this.engine;
    const fs = new MemoryFileSystem({ clock: () => engine.now, home: "/root", quota: PROGRAM_QUOTA });
    for (const [path, bytes] of Object.entries(request.files)) {
      fs.mkdir(path.slice(0, path.lastIndexOf("/")) || "/", { parents: true });
      fs.writeFile(path, bytes);
    }
    fs.mkdir(request.cwd, { parents: true });
    fs.chdir(request.cwd);
    // Without credentials in its environment, a program's aws finds none (no learner to fall back on).
    const programAws: RunAwsCli = (argv, context) => runAws(argv, { ...context, credentials: "environment-only" });
    const shell = new Shell({ fs, engine, runAws: programAws, commands: this.commands });
    for (const [name, value] of Object.entries({ ...request.env, PWD: request.cwd })) shell.setVar(name, value, { exported: true });
    shell.positional = [...request.args];
    shell.scriptName = request.name;
    const result = shell.run(request.program, { budgetMs: request.budgetMs });
    return { stdout: result.stdout, stderr: result.stderr, output: joinChunks(result), exitCode: result.exitCode, timedOut: result.interrupted?.reason === "cpu-budget" };
  }

  /** Gives the session its tools and aws command (once; later calls change nothing). */
  attachTools(tools: SessionTools): void {
    if (this.tools) return;
    this.tools = tools;
    for (const [name, spec] of tools.commands) this.commands.set(name, spec);
  }

  get hasTools(): boolean {
    return this.tools !== undefined;
  }

  private requireTools(): SessionTools {
    if (!this.tools) throw new SandboxUsageError("The sandbox's commands are not loaded yet: attach them with attachTools() before running a command.");
    return this.tools;
  }

  get scenario(): string {
    return this.currentScenario;
  }

  /** Runs a command line (it may span lines) and answers what it printed and its exit status. */
  async run(commandLine: string, options?: SessionRunOptions): Promise<SessionRunResult> {
    return this.runSync(commandLine, options);
  }

  /** run() without the Promise, for the headless runner and tests. */
  runSync(commandLine: string, options?: SessionRunOptions): SessionRunResult {
    const result = this.runBytes(commandLine, options);
    return {
      stdout: decode(result.stdout),
      stderr: decode(result.stderr),
      exitCode: result.exitCode,
      output: decode(joinChunks(result)),
      ...(result.interrupted ? { interrupted: result.interrupted } : {}),
    };
  }

  /** The raw bytes a command line wrote (binary output intact). */
  runBytes(commandLine: string, options?: SessionRunOptions): RunResult {
    this.requireTools();
    this.remember(commandLine);
    return this.shell.run(commandLine, options);
  }

  private remember(commandLine: string): void {
    const line = commandLine.replace(/\n+$/, "");
    if (line.trim() === "" || line.startsWith(" ")) return;
    const history = this.shell.history;
    if (history[history.length - 1] === line) return;
    history.push(line);
    if (history.length > HISTORY_LIMIT) history.splice(0, history.length - HISTORY_LIMIT);
  }

  /** Whether bash would ask for more lines (its `> ` prompt): an open quote, a trailing |, && or \, an unfinished if/for/while, a here-document. */
  needsMoreInput(text: string): boolean {
    return parse(text).status === "incomplete";
  }

  /** Completion of the word at the cursor, or undefined when there is nothing to offer. */
  complete(line: string, cursor: number): Completion | undefined {
    const tools = this.requireTools();
    const completion = completeLine(line, cursor, {
      fs: this.fs,
      commands: [...this.shell.commands.keys(), ...this.shell.functions.keys()],
      variables: this.shell.vars.keys(),
      completeAws: (argv, partial) => {
        try {
          return tools.completeAwsCli([...argv], partial);
        } catch {
          return [];
        }
      },
    });
    return completion && completion.candidates.length > 0 ? completion : undefined;
  }

  cwd(): string {
    return this.fs.cwd;
  }

  home(): string {
    return this.fs.home;
  }

  history(): readonly string[] {
    return this.shell.history;
  }

  /** The exported variables (what `env` prints). */
  environment(): Record<string, string> {
    return this.shell.environment();
  }

  /**
   * The whole session as plain JSON: engine, files, variables, functions,
   * history. `{ trail: false }` leaves the engine's trail out (see
   * Sandbox.snapshot).
   */
  snapshot(options: { trail?: boolean } = {}): SessionSnapshot {
    const { engine, shell, ...header } = this.snapshotWithoutFiles(options);
    return { ...header, engine, files: snapshotFiles(this.fs), shell };
  }

  /** snapshot() without the files: for savers that save the files only when `fs.revision` changed. */
  snapshotWithoutFiles(options: { trail?: boolean } = {}): Omit<SessionSnapshot, "files"> {
    return {
      format: SESSION_FORMAT,
      version: SESSION_VERSION,
      scenario: this.currentScenario,
      engine: this.engine.snapshot({ trail: options.trail !== false }),
      shell: this.shellSnapshot(),
    };
  }

  private shellSnapshot(): SessionSnapshot["shell"] {
    const variables: SessionSnapshot["shell"]["variables"] = {};
    for (const [name, variable] of this.shell.vars) variables[name] = { ...variable };
    return {
      variables,
      functions: [...this.shell.functions.values()].map((definition) => definition.source),
      history: [...this.shell.history],
      status: this.shell.status,
      options: { ...this.shell.options },
    };
  }

  /**
   * Replaces the session with a snapshot. Everything is checked before
   * anything changes: a malformed or foreign snapshot throws with a message
   * saying why and leaves the session as it was. With `freshShell`, only the
   * AWS state and the files are taken: the shell is this session's as it
   * was new (its variables, no functions, no history) in the home directory,
   * as a check on a learner's work runs (lib/quiz/sandbox-task-check.ts).
   */
  restore(snapshot: unknown, options: { freshShell?: boolean } = {}): void {
    const header = snapshot as { format?: unknown; version?: unknown } | null;
    if (typeof snapshot !== "object" || header === null || header.format !== SESSION_FORMAT) {
      throw new SandboxUsageError(`This is not a sandbox session export (it has no "format": "${SESSION_FORMAT}").`);
    }
    if (header.version !== SESSION_VERSION) {
      throw new SandboxUsageError(`This export has format version ${String(header.version)}; this sandbox reads version ${SESSION_VERSION}.`);
    }
    const parsed = sessionSnapshotSchema.safeParse(snapshot);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SandboxUsageError(`The export is damaged: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}.`);
    }
    const data = options.freshShell ? { ...parsed.data, shell: this.initialShell } : parsed.data;
    const filesProblem = checkFilesSnapshot(data.files);
    if (filesProblem) throw new SandboxUsageError(`The export is damaged: files: ${filesProblem}.`);
    // Build the files aside, so that a listing that does not fit together fails here.
    const files = new MemoryFileSystem({ home: this.fs.home });
    try {
      restoreFiles(files, data.files);
    } catch (error) {
      throw new SandboxUsageError(`The export is damaged: files: ${error instanceof Error ? error.message : String(error)}.`);
    }
    const functions = data.shell.functions.map((source) => {
      const result = parse(source, { final: true });
      const definition = result.status === "ok" ? result.program.body[0]?.first.commands[0] : undefined;
      if (definition?.kind !== "function") throw new SandboxUsageError(`The export is damaged: shell.functions: not a function definition: ${source.slice(0, 40)}.`);
      return definition;
    });
    try {
      // Last, as it is all or nothing too: after it nothing can fail.
      this.engine.restore(data.engine);
    } catch (error) {
      throw new SandboxUsageError(`The export is damaged: engine: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.fs.replaceAll(files.entries(), options.freshShell ? this.fs.home : files.cwd);
    this.shell.vars = new Map(Object.entries(data.shell.variables).map(([name, variable]) => [name, { ...variable }]));
    this.shell.functions = new Map(functions.map((definition) => [definition.name, definition]));
    this.shell.history = [...data.shell.history];
    this.shell.status = data.shell.status;
    this.shell.options = { ...data.shell.options };
    this.currentScenario = data.scenario;
  }
}

function joinChunks(result: RunResult): Uint8Array {
  let size = 0;
  for (const chunk of result.output) size += chunk.bytes.length;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of result.output) {
    out.set(chunk.bytes, offset);
    offset += chunk.bytes.length;
  }
  return out;
}


export type { Completion } from "./shell/complete";
export type { ScenarioName } from "./scenarios";
