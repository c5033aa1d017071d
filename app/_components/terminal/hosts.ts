import { CommandHistory } from "@/lib/terminal/history";
import { SandboxHost } from "@/lib/terminal/session-host";
import { createBrowserSession } from "@/lib/terminal/browser-session";

/**
 * One sandbox per scenario per page, shared by every view that shows it
 * (terminal, accessible log, docked panel), and one arrow-key history.
 * This module is part of the lazily loaded terminal code.
 */
const hosts = new Map<string, SandboxHost>();
let history: CommandHistory | undefined;
let newSandboxOptions: NewSandboxOptions = {};

export interface NewSandboxOptions {
  /** Seed and start time for sandboxes created from now on (tests and recordings ask for them with ?seed=&now=). */
  seed?: number;
  now?: string;
}

export function setNewSandboxOptions(options: NewSandboxOptions): void {
  newSandboxOptions = options;
}

export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage can be disabled; the sandbox then lasts as long as the page.
    return undefined;
  }
}

export function hostFor(scenario: string): SandboxHost {
  let host = hosts.get(scenario);
  if (!host) {
    host = new SandboxHost({ scenario, createSession: (name) => createBrowserSession(name, newSandboxOptions), storage: browserStorage() });
    hosts.set(scenario, host);
  }
  return host;
}

export function sharedHistory(): CommandHistory {
  history ??= CommandHistory.persisted(browserStorage());
  return history;
}

/** Saves every open sandbox now (the page is going away). */
export function flushAll(): void {
  for (const host of hosts.values()) host.flush();
}
