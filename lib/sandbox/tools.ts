/**
 * The session's tools (echo, grep, jq, base64...) and the aws command, with
 * what they bring in: the CLI's models and output formats, JMESPath, YAML,
 * and re2js for linear-time regular expressions. Most of the engine's code
 * by size, and nothing a session needs until it runs a command, so the
 * browser's worker loads this module after it has opened the sandbox.
 */
import { RE2JS } from "re2js";
import * as YAML from "yaml";
import { provideYaml } from "./cloudformation/template/yaml";
import { completeAwsCli, runAwsCli } from "./cli";
import type { SessionTools } from "./session";
import { commandRegistry } from "./shell/commands";
import { provideRe2 } from "./shell/regex-engine";

provideRe2(RE2JS);
provideYaml(YAML);

/** The tools a session runs with (the command registry is built once and shared: its commands keep no state). */
export function sessionTools(): SessionTools {
  return { commands: commandRegistry(), runAwsCli, completeAwsCli };
}
