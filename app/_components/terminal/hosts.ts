import { CommandHistory } from "@/lib/terminal/history";
import { browserStorage } from "@/lib/ui/browser-storage";
import { SandboxHost } from "@/lib/terminal/session-host";
import { adoptPrestarted, spawnSandboxWorker } from "@/lib/workspace/worker-spawn";

/**
 * One sandbox per scenario per page, shared by every view that shows it
 * (terminal, accessible log, panes, the docked panel), and one arrow-key
 * history. Each sandbox runs in its own Web Worker. This module is part of
 * the lazily loaded terminal code.
 */
const hosts = new Map<string, SandboxHost>();
let history: CommandHistory | undefined;
let newSandboxOptions: NewSandboxOptions = {};

export interface NewSandboxOptions {
  /** Seed and start time for sandboxes created from now on (tests and recordings ask for them with ?seed=&now=). */
  seed?: number;
  now?: string;
  /** CPU time per command line (tests ask for a short one with ?budget=). */
  budgetMs?: number;
}

export function setNewSandboxOptions(options: NewSandboxOptions): void {
  newSandboxOptions = options;
}

// Where storage is disabled, history lasts as long as the page.
export { browserStorage };

export function hostFor(scenario: string): SandboxHost {
  let host = hosts.get(scenario);
  if (!host) {
    const { budgetMs, ...newSandbox } = newSandboxOptions;
    host = new SandboxHost({ scenario, spawnWorker: spawnSandboxWorker, adopt: adoptPrestarted, legacyStorage: browserStorage(), newSandbox, ...(budgetMs === undefined ? {} : { budgetMs }) });
    hosts.set(scenario, host);
  }
  return host;
}

/**
 * The sandbox of a lab, saved under "lab:ID" apart from the scenario's own,
 * started from the lab's seed at the time its command log began (so the
 * server's replay starts from the same state). SandboxConsole finds it by
 * that key.
 */
export function labHostFor(key: string, lab: { scenario: string; seed: number; startedAt: string }): SandboxHost {
  let host = hosts.get(key);
  if (!host) {
    host = new SandboxHost({ scenario: lab.scenario, saveAs: key, spawnWorker: spawnSandboxWorker, newSandbox: { seed: lab.seed, now: lab.startedAt } });
    hosts.set(key, host);
  }
  return host;
}

export function sharedHistory(): CommandHistory {
  history ??= CommandHistory.persisted(browserStorage());
  return history;
}

/** Asks every open sandbox to finish saving (the page is going away). */
export function flushAll(): void {
  for (const host of hosts.values()) host.flush();
}
