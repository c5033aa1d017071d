/**
 * The CLI's global options (awscli/data/cli.json), in its order, and the
 * main parser built from them. What each does in the sandbox is said in
 * `aws help` (help/text.ts).
 */
import type { ArgAction } from "./argparse";
import { OUTPUT_FORMATS } from "./output";

export interface GlobalOption {
  name: string;
  action: Omit<ArgAction, "optionStrings">;
}

export const GLOBAL_OPTIONS: readonly GlobalOption[] = [
  { name: "debug", action: { dest: "debug", kind: "store_true", default: false } },
  { name: "endpoint-url", action: { dest: "endpoint_url", kind: "store" } },
  { name: "no-verify-ssl", action: { dest: "verify_ssl", kind: "store_false", default: true } },
  { name: "no-paginate", action: { dest: "paginate", kind: "store_false", default: true } },
  { name: "output", action: { dest: "output", kind: "store", choices: OUTPUT_FORMATS } },
  { name: "query", action: { dest: "query", kind: "store" } },
  { name: "profile", action: { dest: "profile", kind: "store" } },
  { name: "region", action: { dest: "region", kind: "store" } },
  { name: "version", action: { dest: "version", kind: "version" } },
  { name: "color", action: { dest: "color", kind: "store", choices: ["on", "off", "auto"], default: "auto" } },
  { name: "no-sign-request", action: { dest: "sign_request", kind: "store_false", default: true } },
  { name: "ca-bundle", action: { dest: "ca_bundle", kind: "store" } },
  { name: "cli-read-timeout", action: { dest: "read_timeout", kind: "store" } },
  { name: "cli-connect-timeout", action: { dest: "connect_timeout", kind: "store" } },
  { name: "cli-binary-format", action: { dest: "cli_binary_format", kind: "store", choices: ["base64", "raw-in-base64-out"] } },
  { name: "no-cli-pager", action: { dest: "no_cli_pager", kind: "store_true", default: false } },
  { name: "cli-auto-prompt", action: { dest: "cli_auto_prompt", kind: "store_true", default: false } },
  { name: "no-cli-auto-prompt", action: { dest: "no_cli_auto_prompt", kind: "store_true", default: false } },
];

/** What `aws --version` prints: the CLI v2 line, marked as the sandbox's. */
export const VERSION_TEXT = "aws-cli/2.x (sandbox) Python/3.11 Browser/sandbox exe/sandbox prompt/off";

export function mainParserActions(commands: readonly string[]): ArgAction[] {
  const actions: ArgAction[] = GLOBAL_OPTIONS.map((option) => ({ ...option.action, optionStrings: [`--${option.name}`] }));
  // MainArgParser adds --version again (replacing cli.json's), then the command.
  actions.push({ optionStrings: ["--version"], dest: "version", kind: "version", version: VERSION_TEXT });
  actions.push({ optionStrings: [], dest: "command", kind: "command", choices: commands, required: true });
  return actions;
}
