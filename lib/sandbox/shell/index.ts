/**
 * The sandbox's shell: bash's grammar and semantics over the sandbox's
 * files and engine, with the tools a learner needs (see `help`).
 */
export { Shell, type ShellHost, type ShellOptions, type Variable, type RunResult, type OutputChunk, type RunOptions, type Interruption } from "./shell";
export { CPU_LIMIT_STATUS, cpuLimitMessage } from "./cpu-budget";
export { parse, needsMoreInput, type ParseResult } from "./parser";
export { commandRegistry, type CommandSpec, type CommandContext } from "./commands";
export { CLEAR_SCREEN } from "./commands/system";
export { completeLine, type Completion, type CompletionSources } from "./complete";
export { LIMITS } from "./io";
