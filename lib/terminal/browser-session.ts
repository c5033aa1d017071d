import { createSandbox, type CreateSandboxOptions } from "@/lib/sandbox";
import { isScenarioName } from "./scenarios";
import type { SessionPort } from "./session-port";

export interface NewSessionOptions {
  seed?: number;
  now?: string;
}

/**
 * A lib/sandbox session as the terminal sees it. A new sandbox gets a
 * random seed (so two learners' key ids differ, as in AWS) and starts at
 * the real current time, unless a seed and time are asked for.
 */
export function createBrowserSession(scenario: string, options: NewSessionOptions = {}): SessionPort {
  if (!isScenarioName(scenario)) throw new Error(`There is no scenario "${scenario}".`);
  const settings: CreateSandboxOptions = {
    scenario,
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
    now: options.now ?? Date.now(),
  };
  const session = createSandbox(settings);
  return {
    run: (commandLine) => session.run(commandLine),
    complete: (line, cursor) => session.complete(line, cursor),
    needsMoreInput: (text) => session.needsMoreInput(text),
    snapshot: () => session.snapshot(),
    restore: (snapshot) => session.restore(snapshot),
    cwd: () => session.cwd(),
    home: () => session.home(),
  };
}
