import { createEngine, type Sandbox, type SandboxOptions } from "@/lib/sandbox";
import { SCENARIOS, findScenario } from "@/lib/sandbox/scenarios";
import { MemoryFileSystem } from "@/lib/sandbox/vfs";

/**
 * The sandbox's named starting states (lib/sandbox/scenarios), served by the
 * endpoint: the engine a scenario builds, and the files it puts in the
 * learner's home directory (the recorder copies them into the real CLI's
 * working directory).
 */

export const SCENARIO_NAMES: readonly string[] = SCENARIOS.map((scenario) => scenario.name);

export interface ScenarioWorld {
  engine: Sandbox;
  /** Files of the learner's home directory, by path relative to it. */
  files: Record<string, Uint8Array>;
}

export function scenarioWorld(name: string, options: SandboxOptions = {}): ScenarioWorld | undefined {
  const scenario = findScenario(name);
  if (!scenario) return undefined;
  const engine = createEngine(options);
  const fs = new MemoryFileSystem({ clock: () => engine.now });
  scenario.build(engine, fs);
  const files: Record<string, Uint8Array> = {};
  const collect = (directory: string, prefix: string) => {
    for (const entry of fs.list(directory)) {
      const path = `${directory}/${entry}`;
      if (fs.stat(path)?.type === "directory") collect(path, `${prefix}${entry}/`);
      else files[`${prefix}${entry}`] = fs.readFile(path);
    }
  };
  collect(fs.home, "");
  return { engine, files };
}

export function scenarioEngine(name: string, options: SandboxOptions = {}): Sandbox | undefined {
  return scenarioWorld(name, options)?.engine;
}
