/**
 * Tab completion for the terminal: services, then a service's commands,
 * then a command's options not used yet (and the global options), then the
 * valid values of the option just typed.
 */
import { argumentTable, cliName } from "./arguments";
import { GLOBAL_OPTIONS } from "./globals";
import { OUTPUT_FORMATS } from "./output";
import { commandTable, SERVICE_MODELS } from "./model";
import { allRegions } from "./regions";

const GLOBAL_VALUES: Record<string, readonly string[]> = {
  "--output": OUTPUT_FORMATS,
  "--color": ["on", "off", "auto"],
  "--cli-binary-format": ["base64", "raw-in-base64-out"],
};

function globalTakesValue(option: string): boolean {
  return GLOBAL_OPTIONS.some((global) => `--${global.name}` === option && global.action.kind === "store");
}

/**
 * Completions for the word being typed.
 * @param argvSoFar the words after "aws" before the one being completed
 * @param partial the word being completed (may be "")
 */
export function completeAwsCli(argvSoFar: string[], partial: string): string[] {
  const words = [...argvSoFar];
  const positionals: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (word.startsWith("--")) {
      if (globalTakesValue(word)) index++;
      continue;
    }
    positionals.push(word);
  }
  const previous = words[words.length - 1];
  const matching = (candidates: Iterable<string>) => [...candidates].filter((candidate) => candidate.startsWith(partial));

  // The value of a global option.
  // Own keys only: a word such as "toString" must not find Object.prototype's members.
  const globalValues = previous !== undefined && Object.hasOwn(GLOBAL_VALUES, previous) ? GLOBAL_VALUES[previous] : undefined;
  if (globalValues) return matching(globalValues);
  if (previous === "--region") return matching(allRegions().sort());
  const globalOptions = GLOBAL_OPTIONS.map((option) => `--${option.name}`).filter((option) => !words.includes(option));

  if (positionals.length === 0) {
    if (partial.startsWith("-")) return matching(globalOptions);
    return matching([...SERVICE_MODELS.keys(), "help"]);
  }
  const service = positionals[0]!;
  if (!SERVICE_MODELS.has(service)) return [];
  const table = commandTable(service);
  if (positionals.length === 1) {
    if (partial.startsWith("-")) return matching(globalOptions);
    return matching([...[...table.values()].filter((operation) => operation.entry.implemented).map((operation) => operation.command), "help"]);
  }
  const operation = table.get(positionals[1]!);
  if (!operation?.entry.implemented) return [];
  const argumentsOf = argumentTable(operation).filter((argument) => !argument.undocumented || argument.negates);

  // The value of the option just typed: its enum values (or a boolean's nothing).
  if (previous?.startsWith("--")) {
    const argument = argumentsOf.find((candidate) => cliName(candidate) === previous);
    if (argument && argument.kind !== "boolean") {
      if (argument.name === "generate-cli-skeleton") return matching(["input", "output", "yaml-input"]);
      const shape = argument.shape?.type === "list" ? argument.shape.member : argument.shape;
      const values = shape?.enumValues ?? [];
      if (values.length) return matching(values);
      if (shape?.type === "blob" || shape?.type === "string") return matching(["fileb://", "file://"].filter((prefix) => shape.type === "blob" || prefix === "file://"));
      return [];
    }
  }
  // A list option keeps taking enum values after its first one.
  const lastOption = [...words].reverse().find((word) => word.startsWith("--"));
  if (lastOption && !partial.startsWith("-")) {
    const argument = argumentsOf.find((candidate) => cliName(candidate) === lastOption);
    if (argument?.kind === "list" && argument.shape?.member.enumValues.length) return matching(argument.shape.member.enumValues);
  }
  const used = new Set(words.filter((word) => word.startsWith("--")));
  const options = argumentsOf
    .filter((argument) => !used.has(cliName(argument)) && !(argument.negates && used.has(`--${argument.negates}`)) && !(argument.kind === "boolean" && !argument.negates && used.has(`--no-${argument.name}`)))
    .map(cliName);
  if (partial === "" || partial.startsWith("-")) return matching([...options, ...globalOptions]);
  return [];
}
