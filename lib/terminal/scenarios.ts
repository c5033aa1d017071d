/**
 * The named starting states the learner can pick (lib/sandbox defines what
 * each holds). Listed here with their labels so that pages can show the
 * picker without loading the engine.
 */
export const scenarios = [
  { name: "chapter-27", label: "Chapter 27: KMS, Secrets Manager & Parameter Store", short: "Chapter 27", summary: "the key, rotation function, database, parameter and file that the chapter's commands expect" },
  { name: "empty", label: "Empty account", short: "empty account", summary: "an account with nothing in it yet" },
  { name: "broken-app", label: "Broken application (troubleshooting)", short: "broken application", summary: "an application whose key, secrets and parameter were broken in the ways the chapter lists" },
  { name: "parameter-access", label: "Roles scoped by parameter path", short: "parameter access", summary: "two roles that read different branches of /app, to assume with aws sts assume-role" },
  { name: "integrations", label: "Orders application (EC2, Lambda, CloudFormation)", short: "orders application", summary: "an instance profile, a function role, a KMS key and a user data script, a Lambda handler and a template to deploy" },
] as const;

export type ScenarioName = (typeof scenarios)[number]["name"];

export const DEFAULT_SCENARIO: ScenarioName = "chapter-27";

export function isScenarioName(value: unknown): value is ScenarioName {
  return scenarios.some((scenario) => scenario.name === value);
}

export function scenarioLabel(name: string): string {
  return scenarios.find((scenario) => scenario.name === name)?.label ?? name;
}

export function scenarioShortName(name: string): string {
  return scenarios.find((scenario) => scenario.name === name)?.short ?? name;
}
