"use client";

import { lazy, Suspense, useEffect, useState } from "react";
import { DEFAULT_SCENARIO, isScenarioName } from "@/lib/terminal/scenarios";
import { openOptionsFor, prestartSandbox } from "@/lib/workspace/worker-spawn";
import { TerminalSkeleton } from "./TerminalSkeleton";

const SandboxWorkspace = lazy(() => import("./SandboxWorkspace"));

const SCENARIO_KEY = "keystone.sandbox.scenario";

/** The scenario to open: ?scenario= in the address, else the last one chosen, else Chapter 27's. */
function initialScenario(): string {
  const fromUrl = new URLSearchParams(window.location.search).get("scenario");
  if (isScenarioName(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(SCENARIO_KEY);
    if (isScenarioName(stored)) return stored;
  } catch {
    // No storage: the default scenario.
  }
  return DEFAULT_SCENARIO;
}

/**
 * ?seed=27&now=2026-01-15T10:00:00Z: a reproducible new sandbox (for tests and recordings; a saved one wins).
 * ?budget=2000: the CPU time a command line may use, in ms (between 100 ms and a minute).
 */
export function newSandboxOptionsFromUrl(): { seed?: number; now?: string; budgetMs?: number } {
  const params = new URLSearchParams(window.location.search);
  const seed = Number(params.get("seed"));
  const now = params.get("now");
  const budget = Number(params.get("budget"));
  return {
    ...(params.has("seed") && Number.isSafeInteger(seed) ? { seed } : {}),
    ...(now && !Number.isNaN(Date.parse(now)) ? { now } : {}),
    ...(params.has("budget") && Number.isInteger(budget) && budget >= 100 && budget <= 60_000 ? { budgetMs: budget } : {}),
  };
}

function rememberScenario(name: string) {
  try {
    window.localStorage.setItem(SCENARIO_KEY, name);
  } catch {
    // The choice holds for this page.
  }
}

/**
 * Loads the terminal and the engine only in the browser, after the page
 * is up: the server sends a skeleton of the same size.
 */
export function SandboxPageClient() {
  const [scenario, setScenario] = useState<string | undefined>();
  useEffect(() => {
    const name = initialScenario();
    // The worker loads the engine and opens the sandbox while the page loads the terminal.
    prestartSandbox(openOptionsFor(name, newSandboxOptionsFromUrl()));
    setScenario(name);
  }, []);
  return (
    <div className="h-[calc(100dvh-5rem)] min-h-[30rem]">
      {scenario ? (
        <Suspense fallback={<TerminalSkeleton />}>
          <SandboxWorkspace initialScenario={scenario} newSandbox={newSandboxOptionsFromUrl()} onScenario={rememberScenario} />
        </Suspense>
      ) : (
        <TerminalSkeleton />
      )}
    </div>
  );
}
