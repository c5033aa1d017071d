/**
 * How a "Run in sandbox" button finds a terminal on the page: terminals
 * (the one embedded in a section, the docked panel) register here, and the
 * button hands its commands to the newest one. Tiny and dependency-free on
 * purpose: the buttons import it eagerly, while the terminal itself loads
 * only when needed.
 */

export interface SandboxTarget {
  /** Types the commands (one per line) into the terminal and runs them, loading it first if needed. */
  typeCommands(text: string): void;
  /** Shows a pane of the workspace (a visualiser) beside the terminal, when the target has panes. */
  showPane?(pane: string): void;
}

const targets: SandboxTarget[] = [];

export function registerSandboxTarget(target: SandboxTarget): () => void {
  targets.push(target);
  return () => {
    const index = targets.indexOf(target);
    if (index !== -1) targets.splice(index, 1);
  };
}

/** The terminal most recently put on the page, if any. */
export function currentSandboxTarget(): SandboxTarget | undefined {
  return targets.at(-1);
}
