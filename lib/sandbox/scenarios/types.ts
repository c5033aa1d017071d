import type { Sandbox } from "../sandbox";
import type { MemoryFileSystem } from "../vfs/memory";

/** A named starting state: what the engine and the learner's files hold before the first command. */
export interface Scenario {
  name: string;
  /** One line for pickers and `help`. */
  description: string;
  build(engine: Sandbox, fs: MemoryFileSystem): void;
}
