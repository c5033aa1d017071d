import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { SandboxUsageError, type Sandbox } from "@/lib/sandbox";

/**
 * `npm run endpoint -- --state FILE`: the endpoint's sandbox kept in a file
 * between runs. The file is the engine's snapshot as JSON (the same format the
 * browser saves). A file that cannot be read back is reported and left as it
 * is: the endpoint refuses to start rather than overwrite what may be a
 * learner's only copy.
 */

export class StateFileError extends Error {}

/** Restores the engine from `path`; "new" when there is no such file yet (it is written on the first save). */
export function loadStateFile(engine: Sandbox, path: string): "restored" | "new" {
  if (!existsSync(path)) return "new";
  const untouched = `The file was left as it is: move it away, or give another --state file.`;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new StateFileError(`Cannot read the state file ${path}: ${error instanceof Error ? error.message : String(error)}. ${untouched}`);
  }
  let snapshot: unknown;
  try {
    snapshot = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`The state file ${path} is not JSON (${error instanceof Error ? error.message : String(error)}). ${untouched}`);
  }
  try {
    engine.restore(snapshot);
  } catch (error) {
    if (error instanceof SandboxUsageError) throw new StateFileError(`The state file ${path} cannot be used: ${error.message} ${untouched}`);
    throw error;
  }
  return "restored";
}

/** Writes the engine's state to `path` whole or not at all (a temporary file renamed over it), so a crash mid-write never leaves half a file. */
export function saveStateFile(engine: Sandbox, path: string): void {
  const temporary = `${path}.saving`;
  writeFileSync(temporary, JSON.stringify(engine.snapshot()));
  renameSync(temporary, path);
}
