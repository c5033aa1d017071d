"use client";

import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { registerSandboxTarget } from "@/lib/terminal/bridge";
import type { ConsoleHandle } from "./SandboxConsole";
import { openOptionsFor, prestartSandbox } from "@/lib/workspace/worker-spawn";
import { TerminalSkeleton } from "./TerminalSkeleton";

const SandboxConsole = lazy(() => import("./SandboxConsole").then((module) => ({ default: module.SandboxConsole })));

/**
 * A terminal embedded in a section (`<SandboxTerminal scenario="chapter-27" />`).
 * The page carries only this placeholder: the terminal loads when the
 * learner starts it or a "Run in sandbox" button on the page sends it
 * commands (they then run here rather than in a docked panel).
 */
export function SandboxTerminal({ scenario }: { scenario: string }) {
  const [started, setStarted] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const handle = useRef<ConsoleHandle | undefined>(undefined);
  const inbox = useRef<string[]>([]);

  const onHandle = useCallback((next: ConsoleHandle | undefined) => {
    handle.current = next;
    if (next) for (const text of inbox.current.splice(0)) next.typeCommands(text);
  }, []);

  useEffect(
    () =>
      registerSandboxTarget({
        typeCommands: (text) => {
          box.current?.scrollIntoView({ block: "nearest" });
          if (handle.current) handle.current.typeCommands(text);
          else {
            inbox.current.push(text);
            prestartSandbox(openOptionsFor(scenario));
            setStarted(true);
          }
        },
      }),
    [],
  );

  return (
    <div ref={box} className="not-prose my-6 h-[26rem]" data-testid="sandbox-embedded">
      {started ? (
        <Suspense fallback={<TerminalSkeleton />}>
          <SandboxConsole scenario={scenario} title="Try it in the sandbox" autoFocus onHandle={onHandle} />
        </Suspense>
      ) : (
        <TerminalSkeleton>
          <p className="max-w-md text-center text-slate-300">A terminal with a simulated AWS account, saved in your browser. Type the commands from this section.</p>
          <button type="button" onClick={() => {
              prestartSandbox(openOptionsFor(scenario));
              setStarted(true);
            }} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
            Start the sandbox
          </button>
        </TerminalSkeleton>
      )}
    </div>
  );
}
