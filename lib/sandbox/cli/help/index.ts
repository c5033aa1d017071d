/**
 * `aws help`, `aws <service> help` and `aws <service> <command> help`, in the
 * project's own words: what a command does, its options (from the model:
 * type, required, valid values, shorthand syntax), an example, and where
 * the sandbox differs from AWS.
 */
import { argumentTable, cliName, paginatorOf, type CliArgument } from "../arguments";
import { commandText, notSimulatedNote, SERVICE_TEXTS } from "../descriptions";
import { GLOBAL_OPTIONS } from "../globals";
import { commandTable, SERVICE_MODELS, type OperationInfo, type Shape } from "../model";

const GLOBAL_HELP: Record<string, string> = {
  debug: "Also print each request the sandbox sends to its simulated AWS, and the response, on standard error.",
  "endpoint-url": "Accepted and ignored: the sandbox is the endpoint.",
  "no-verify-ssl": "Accepted and ignored (no network, no certificates).",
  "no-paginate": "Show only the first page of a paginated command, with its own paging members (NextToken, NextMarker, Truncated).",
  output: "How to print the response: json (default), text, table, yaml or yaml-stream. AWS_DEFAULT_OUTPUT sets the default.",
  query: "A JMESPath expression that picks parts of the response before it is printed, e.g. --query 'Keys[].KeyId'.",
  profile: "Accepted and ignored: the sandbox has one identity (see aws sts get-caller-identity).",
  region: "The Region to call. Otherwise AWS_REGION, then AWS_DEFAULT_REGION, then the sandbox's default Region.",
  version: "Print the version line and exit.",
  color: "on, off or auto: 'on' colours table output.",
  "no-sign-request": "Accepted and ignored (requests are not signed here).",
  "ca-bundle": "Accepted and ignored (no certificates).",
  "cli-read-timeout": "Accepted (must be a whole number of seconds); the sandbox answers at once.",
  "cli-connect-timeout": "Accepted (must be a whole number of seconds); the sandbox answers at once.",
  "cli-binary-format": "base64 (default): blob options such as --plaintext take base64 text. raw-in-base64-out: they take the text itself, as CLI v1 did. fileb:// always reads a file's raw bytes.",
  "no-cli-pager": "Accepted: the sandbox never uses a pager.",
  "cli-auto-prompt": "Accepted and ignored (no interactive prompting).",
  "no-cli-auto-prompt": "Accepted and ignored.",
};

function wrap(text: string, indent: string, width = 78): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

function simulatedServices(): string[] {
  return [...SERVICE_MODELS.keys()];
}

export function topLevelHelp(): string {
  const lines = [
    "AWS CLI (SANDBOX)",
    "",
    wrap("This is the sandbox's aws command: it prints what the real AWS CLI v2 prints, but every request goes to a simulated AWS inside this page, not to Amazon. Nothing you do here costs money or touches a real account.", "  "),
    "",
    "SYNOPSIS",
    "  aws [options] <command> <subcommand> [parameters]",
    "",
    "  aws <command> help              the commands of a service",
    "  aws <command> <subcommand> help the options of a command, with an example",
    "",
    "SERVICES SIMULATED",
  ];
  for (const service of simulatedServices()) lines.push(`  ${service.padEnd(16)}${SERVICE_TEXTS[service]?.title ?? service}`);
  lines.push("", wrap("Every other service of the real CLI (s3, iam, rds ...) is recognised but not simulated.", "  "), "", "GLOBAL OPTIONS");
  for (const option of GLOBAL_OPTIONS) {
    const takesValue = option.action.kind === "store";
    const choices = option.action.choices ? ` <${option.action.choices.join("|")}>` : takesValue ? " <value>" : "";
    lines.push(`  --${option.name}${choices}`, wrap(GLOBAL_HELP[option.name] ?? "", "      "));
  }
  lines.push(
    "",
    "PARAMETER VALUES",
    wrap("file://path reads a file as text; fileb://path reads its raw bytes (use it for binary data such as ciphertext). Structures, lists and maps take JSON or the shorthand syntax Key=value,Key2=value2. List options take several values: --names a b c.", "  "),
    "",
    "EXIT CODES",
    "  0 success, 252 bad command line or parameters, 253 configuration,",
    "  254 the service returned an error, 255 any other failure.",
    "",
  );
  return lines.join("\n");
}

export function serviceHelp(service: string): string {
  const texts = SERVICE_TEXTS[service];
  const table = commandTable(service);
  const lines = [`${service.toUpperCase()} (SANDBOX)`, "", `  ${texts?.title ?? service}`, "", wrap(texts?.summary ?? "", "  "), "", "HOW THE SANDBOX DIFFERS FROM AWS"];
  for (const item of texts?.simplifications ?? []) lines.push(wrap(item, "    ").replace(/^ {4}/, "  - "));
  lines.push("", "SIMULATED COMMANDS");
  for (const operation of [...table.values()].filter((candidate) => candidate.entry.implemented)) {
    lines.push(`  ${operation.command}`, wrap(commandText(service, operation.name)?.summary ?? "", "      "));
  }
  const missing = [...table.values()].filter((operation) => !operation.entry.implemented);
  if (missing.length) {
    lines.push("", "NOT SIMULATED (the real CLI has them; the sandbox answers that it does not simulate them)");
    lines.push(wrap(missing.map((operation) => operation.command).join(", "), "  "));
  }
  lines.push("", `Run 'aws ${service} <command> help' for a command's options and an example.`, "");
  return lines.join("\n");
}

/** The CLI's shorthand example for an option (ParamShorthandDocGen). */
function shorthandDocs(shape: Shape, stack: string[]): string {
  if (stack.length > 3) throw new Error("too complex");
  if (shape.type === "structure") {
    const parts = [...shape.members].map(([name, member]) => {
      if (stack.includes(member.name)) return `${name}=( ... recursive ... )`;
      stack.push(member.name);
      try {
        return `${name}=${shorthandDocs(member, stack)}`;
      } finally {
        stack.pop();
      }
    });
    const inner = parts.join(",");
    return stack.length ? `{${inner}}` : inner;
  }
  if (shape.type === "list") {
    stack.push(shape.member.name);
    let element: string;
    try {
      element = shorthandDocs(shape.member, stack);
    } finally {
      stack.pop();
    }
    return ["structure", "list", "map"].includes(shape.member.type) || stack.length > 1 ? `[${element},${element}]` : `${element},${element}`;
  }
  if (shape.type === "map") {
    const value = shorthandDocs(shape.value, stack);
    const start = `KeyName1=${value},KeyName2=${value}`;
    return stack.length ? `{${start}}` : start;
  }
  return shape.type;
}

function shorthandExample(argument: CliArgument): string | undefined {
  const shape = argument.shape;
  if (!shape) return undefined;
  const complex = shape.type === "structure" || shape.type === "map" || (shape.type === "list" && ["structure", "list", "map"].includes(shape.member.type));
  if (!complex) return undefined;
  try {
    return shape.type === "list" ? `${shorthandDocs(shape.member, [])} ...` : shorthandDocs(shape, []);
  } catch {
    return undefined;
  }
}

function typeLabel(argument: CliArgument): string {
  if (argument.kind === "page") return argument.parseType === "string" ? "string" : "integer";
  const shape = argument.shape;
  if (!shape) return "string";
  if (shape.type === "list") return `list of ${shape.member.type === "structure" ? "structures" : shape.member.type + "s"}`;
  if (shape.type === "blob") return "blob (base64, or fileb://file)";
  return shape.type;
}

function constraints(shape: Shape | undefined): string {
  if (!shape) return "";
  const { min, max } = shape.spec;
  if (min === undefined && max === undefined) return "";
  const unit = shape.type === "string" ? " characters" : shape.type === "blob" ? " bytes" : shape.type === "list" ? " items" : "";
  if (min !== undefined && max !== undefined) return ` (${min}-${max}${unit})`;
  return min !== undefined ? ` (at least ${min}${unit})` : ` (at most ${max}${unit})`;
}

export function operationHelp(operation: OperationInfo): string {
  const text = commandText(operation.service, operation.name);
  const table = argumentTable(operation).filter((argument) => !argument.undocumented);
  const lines = [`${operation.command.toUpperCase()} (aws ${operation.service} ${operation.command}, API action ${operation.name})`, "", wrap(text?.summary ?? "", "  ")];
  if (text?.note) lines.push("", wrap(`Sandbox: ${text.note}`, "  "));
  lines.push("", "SYNOPSIS", `  aws ${operation.service} ${operation.command}`);
  for (const argument of table) {
    const name = argument.kind === "boolean" ? `${cliName(argument)} | --no-${argument.name}` : `${cliName(argument)} <value>`;
    lines.push(argument.required ? `    ${name}` : `    [${name}]`);
  }
  lines.push("", "OPTIONS");
  for (const argument of table) {
    if (argument.kind === "custom" || argument.kind === "page") continue;
    const required = argument.required ? "required" : "optional";
    lines.push(`  ${argument.kind === "boolean" ? `${cliName(argument)} | --no-${argument.name}` : cliName(argument)} (${typeLabel(argument)}, ${required})${constraints(argument.shape)}`);
    const shape = argument.shape;
    const enumShape = shape?.type === "list" ? shape.member : shape;
    if (enumShape?.enumValues.length) lines.push(wrap(`Valid values: ${enumShape.enumValues.join(", ")}`, "      "));
    const shorthand = shorthandExample(argument);
    if (shorthand) lines.push(`      Shorthand: ${shorthand}`);
  }
  lines.push(
    "  --cli-input-json | --cli-input-yaml (string)",
    wrap("Read the parameters from JSON or YAML (see --generate-cli-skeleton); options on the command line win.", "      "),
    "  --generate-cli-skeleton (input | output | yaml-input)",
    wrap("Print a template of the parameters (input) or of the response (output) instead of calling AWS.", "      "),
  );
  const paginator = paginatorOf(operation);
  if (paginator) {
    lines.push(
      "  --starting-token, --page-size, --max-items",
      wrap(`${operation.command} is paginated: the CLI fetches every page and merges them unless --no-paginate is given. --max-items stops early and prints a NextToken to pass to --starting-token.`, "      "),
    );
  }
  lines.push("", "EXAMPLE", `  ${text?.example ?? `aws ${operation.service} ${operation.command}`}`);
  const simplifications = SERVICE_TEXTS[operation.service]?.simplifications ?? [];
  if (simplifications.length) {
    lines.push("", "SANDBOX NOTES");
    for (const item of simplifications) lines.push(wrap(item, "    ").replace(/^ {4}/, "  - "));
  }
  lines.push("");
  return lines.join("\n");
}

export { notSimulatedNote };
