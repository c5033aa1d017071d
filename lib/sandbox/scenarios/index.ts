import { brokenAppScenario } from "./broken-app";
import { chapter27Scenario } from "./chapter-27";
import { emptyScenario } from "./empty";
import { integrationsScenario } from "./integrations";
import { parameterAccessScenario } from "./parameter-access";
import type { Scenario } from "./types";

/** The named starting states of a sandbox session. */
export const SCENARIOS: readonly Scenario[] = [chapter27Scenario, emptyScenario, brokenAppScenario, parameterAccessScenario, integrationsScenario];

export type ScenarioName = "chapter-27" | "empty" | "broken-app" | "parameter-access" | "integrations";

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.name === name);
}

export type { Scenario } from "./types";
export { CHAPTER_27_KEY_ID, CHAPTER_27_APP_DB_PASSWORD, CHAPTER_27_PLAINTEXT } from "./chapter-27";
