"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { LabDefinition } from "@/lib/labs/lab";
import { newLabLog, readLabLog, writeLabLog, type LabLog } from "@/lib/labs/browser-log";
import { advance } from "@/lib/labs/progress";
import { browserStorage } from "@/lib/ui/browser-storage";
import type { SandboxHost } from "@/lib/terminal/session-host";
import { currentAccount } from "../account/account-client";
import type { ConsoleHandle } from "../terminal/SandboxConsole";

/** What the server said of the learner's log (signed in), or where the lab is kept (not signed in). */
export type RecordStatus =
  | { kind: "browser" }
  | { kind: "reset" }
  | { kind: "saving" }
  | { kind: "saved"; stepsDone: number; steps: number; completed: boolean }
  | { kind: "error"; message: string };

interface ServerReply {
  steps: number;
  stepsDone: number;
  completed: boolean;
}

export interface LabApi {
  definition: LabDefinition;
  log: LabLog | undefined;
  host: SandboxHost | undefined;
  checking: boolean;
  record: RecordStatus;
  storageRefused: boolean;
  showHint(stepId: string): void;
  showSolution(stepId: string): void;
  runInTerminal(text: string): void;
  setConsole(handle: ConsoleHandle | undefined): void;
  reset(): Promise<void>;
  recordNow(): void;
}

const LabContext = createContext<LabApi | undefined>(undefined);

export function useLab(): LabApi | undefined {
  return useContext(LabContext);
}

/**
 * A lab's state on the page: its sandbox (a worker of its own, saved as
 * "lab:ID"), the command log the server replays, the steps done (checked
 * after every command on a copy of the sandbox, lib/labs/progress.ts), the
 * hints and solutions shown, and, when signed in, what the server confirmed.
 */
export function LabProvider({ definition, children }: { definition: LabDefinition; children: ReactNode }) {
  const [log, setLog] = useState<LabLog | undefined>();
  const [host, setHost] = useState<SandboxHost | undefined>();
  const [checking, setChecking] = useState(false);
  const [record, setRecord] = useState<RecordStatus>({ kind: "browser" });
  const [storageRefused, setStorageRefused] = useState(false);
  const logRef = useRef<LabLog | undefined>(undefined);
  const hostRef = useRef<SandboxHost | undefined>(undefined);
  const consoleRef = useRef<ConsoleHandle | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const signedIn = useRef<Promise<boolean> | undefined>(undefined);

  const save = useCallback(
    (next: LabLog) => {
      logRef.current = next;
      setLog(next);
      setStorageRefused(!writeLabLog(browserStorage(), definition.id, next));
    },
    [definition.id],
  );

  const startAgain = useRef<(resets: number) => Promise<void>>(async () => undefined);

  const labKey = `lab:${definition.id}`;
  // Asked once per page; reads only the ref, so callbacks may call it without depending on it.
  const isSignedIn = () => (signedIn.current ??= currentAccount().then((account) => account !== null));

  /**
   * Sends the log to the server (signed in only). A log from before an
   * instructor's reset is a 409 carrying the reset count: the lab starts
   * again. Resolves with the answer otherwise, or undefined (not signed in,
   * reset).
   */
  const sendLog = useCallback(
    async (url: string, method: "PUT" | "POST"): Promise<{ response: Response; body: (ServerReply & { error?: string }) | null } | undefined> => {
      const current = logRef.current;
      if (!current || !(await isSignedIn())) return undefined;
      const response = await fetch(url, {
        method,
        headers: { "Content-Type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ labId: definition.id, startedAt: current.startedAt, commands: current.commands, solutionsShown: current.solutionsShown.length, resets: current.resets }),
      });
      const body = (await response.json().catch(() => null)) as (ServerReply & { error?: string; details?: { resets?: string } }) | null;
      if (response.status === 409 && body?.details?.resets) {
        await startAgain.current(Number(body.details.resets));
        return undefined;
      }
      return { response, body };
    },
    [definition.id],
  );

  /** The log replayed by the server, which records the steps the replay finishes. */
  const sendToServer = useCallback(async () => {
    if (!(await isSignedIn())) return;
    setRecord({ kind: "saving" });
    try {
      const answer = await sendLog("/api/progress/labs", "PUT");
      if (!answer) return;
      const { response, body } = answer;
      if (!response.ok || !body) throw new Error(body?.error ?? `The server answered ${response.status}.`);
      setRecord({ kind: "saved", stepsDone: body.stepsDone, steps: body.steps, completed: body.completed });
    } catch (error) {
      setRecord({ kind: "error", message: error instanceof Error ? error.message : String(error) });
    }
  }, [sendLog]);

  /**
   * Signed in, the log also goes to the server a few seconds after the last
   * command (kept, not replayed), so a class sees who is working and what
   * they typed; replays happen when a step is done.
   */
  const idleTimer = useRef<number | undefined>(undefined);
  const sendActivity = useCallback(() => sendLog("/api/progress/labs/activity", "POST").catch(() => undefined), [sendLog]);
  const sendSoon = useCallback(() => {
    window.clearTimeout(idleTimer.current);
    idleTimer.current = window.setTimeout(() => void sendActivity(), 4_000);
  }, [sendActivity]);

  /** Checks the steps after the last one done, in order, on a copy of the sandbox; records on the server when one more is done. */
  const recheck = useCallback(() => {
    queue.current = queue.current.then(async () => {
      const current = logRef.current;
      const sandbox = hostRef.current;
      if (!current || !sandbox) return;
      setChecking(true);
      try {
        const done = await advance(definition.steps, current.stepsDone, async (check) => (await sandbox.checkTask(check)).passed);
        const latest = logRef.current ?? current;
        if (done > latest.stepsDone) {
          save({ ...latest, stepsDone: done });
          window.clearTimeout(idleTimer.current);
          await sendToServer();
        }
      } catch {
        // The sandbox was stopped or restarted mid-check; the next command checks again.
      } finally {
        setChecking(false);
      }
    });
  }, [definition.steps, save, sendToServer]);

  startAgain.current = async (resets: number) => {
    const startedAt = logRef.current?.startedAt ?? newLabLog().startedAt;
    const sandbox = hostRef.current ?? (await import("../terminal/hosts")).labHostFor(labKey, { scenario: definition.scenario, seed: definition.seed, startedAt });
    await sandbox.ready.catch(() => undefined);
    await sandbox.reset();
    save({ ...newLabLog(new Date(), resets), startedAt });
    setRecord({ kind: "reset" });
  };

  useEffect(() => {
    const stored = readLabLog(browserStorage(), definition.id) ?? newLabLog();
    save(stored);
    void isSignedIn().then(async (yes) => {
      if (!yes) return;
      // An instructor may have reset this lab since this browser last sent its log.
      const response = await fetch("/api/progress/labs", { credentials: "same-origin", cache: "no-store" }).catch(() => undefined);
      const labs = response?.ok ? ((await response.json()) as { labs: { labId: string; resets: number }[] }).labs : [];
      const resets = labs.find((lab) => lab.labId === definition.id)?.resets ?? 0;
      if (resets > (logRef.current?.resets ?? 0)) await startAgain.current(resets);
      else if (stored.commands.length > 0) void sendToServer();
    });
    let stop: (() => void) | undefined;
    let disposed = false;
    void import("../terminal/hosts").then(({ labHostFor }) => {
      if (disposed) return;
      const sandbox = labHostFor(labKey, { scenario: definition.scenario, seed: definition.seed, startedAt: stored.startedAt });
      hostRef.current = sandbox;
      setHost(sandbox);
      stop = sandbox.onCommand(({ command, stopped }) => {
        const current = logRef.current;
        // A stopped command's changes are discarded, so the replay must not run it either.
        if (current && !stopped) save({ ...current, commands: [...current.commands, command] });
        recheck();
        sendSoon();
      });
      void sandbox.ready.then((opened) => {
        const current = logRef.current;
        // The saved sandbox is gone (storage cleared) but the log is not: they start again together.
        if (opened.origin === "new" && current && current.commands.length > 0) save({ ...newLabLog(new Date(), current.resets), startedAt: current.startedAt });
        recheck();
      });
    });
    return () => {
      disposed = true;
      stop?.();
    };
  }, [definition.id, definition.scenario, definition.seed, recheck, save, sendToServer, sendSoon]);

  // Stable, so the terminal is not rendered again each time the log changes.
  const setConsole = useCallback((handle: ConsoleHandle | undefined) => {
    consoleRef.current = handle;
  }, []);

  const api = useMemo<LabApi>(
    () => ({
      definition,
      log,
      host,
      checking,
      record,
      storageRefused,
      showHint(stepId) {
        const current = logRef.current;
        if (current) save({ ...current, hintsShown: { ...current.hintsShown, [stepId]: (current.hintsShown[stepId] ?? 0) + 1 } });
      },
      showSolution(stepId) {
        const current = logRef.current;
        if (current && !current.solutionsShown.includes(stepId)) save({ ...current, solutionsShown: [...current.solutionsShown, stepId] });
      },
      runInTerminal(text) {
        consoleRef.current?.typeCommands(text);
      },
      setConsole,
      async reset() {
        const current = logRef.current;
        if (!hostRef.current || !current) return;
        await hostRef.current.reset();
        // The sandbox starts again at the same time from the same seed, so the log keeps its start.
        save({ ...newLabLog(new Date(), current.resets), startedAt: current.startedAt });
      },
      recordNow() {
        void sendToServer();
      },
    }),
    [definition, log, host, checking, record, storageRefused, save, sendToServer, setConsole],
  );
  return <LabContext.Provider value={api}>{children}</LabContext.Provider>;
}
