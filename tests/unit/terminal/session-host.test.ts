import { describe, expect, it } from "vitest";
import { createBrowserSession } from "@/lib/terminal/browser-session";
import { QUOTA_MESSAGE, sandboxStorageKey, SnapshotSaver, loadSaved } from "@/lib/terminal/persistence";
import { SandboxHost } from "@/lib/terminal/session-host";

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    values,
    failWith: undefined as Error | undefined,
    getItem(key: string) {
      return values.get(key) ?? null;
    },
    setItem(key: string, value: string) {
      if (this.failWith) throw this.failWith;
      values.set(key, value);
    },
    removeItem(key: string) {
      values.delete(key);
    },
  };
}

/** Timers run by hand, so the debounce is visible. */
function manualTimers() {
  let pending: (() => void) | undefined;
  return {
    setTimer: (callback: () => void) => ((pending = callback), 1),
    clearTimer: () => (pending = undefined),
    fire: () => pending?.(),
    get waiting() {
      return pending !== undefined;
    },
  };
}

const newSession = (scenario: string) => createBrowserSession(scenario, { seed: 27, now: "2026-01-15T10:00:00Z" });

describe("the sandbox on a page: saving, reset, export and import", () => {
  it("saves after commands, once per quiet moment, and comes back from storage", async () => {
    const storage = memoryStorage();
    const timers = manualTimers();
    const host = new SandboxHost({ scenario: "chapter-27", createSession: newSession, storage, ...timers });
    await host.run("echo one > a.txt", "$ ");
    await host.run("echo two >> a.txt", "$ ");
    expect(storage.values.size).toBe(0);
    expect(timers.waiting).toBe(true);
    timers.fire();
    expect(storage.values.has(sandboxStorageKey("chapter-27"))).toBe(true);

    const again = new SandboxHost({ scenario: "chapter-27", createSession: newSession, storage });
    expect(again.origin).toBe("restored");
    expect((await again.session.run("cat a.txt")).stdout).toBe("one\ntwo\n");
  });

  it("keeps a transcript for the views, emptied by clear", async () => {
    const host = new SandboxHost({ scenario: "empty", createSession: newSession, storage: undefined });
    await host.run("echo hi", "$ ");
    expect(host.transcript).toEqual([{ prompt: "$ ", command: "echo hi", output: "hi\n" }]);
    await host.run("clear", "$ ");
    expect(host.transcript).toEqual([]);
  });

  it("resets to the scenario's start and forgets the saved copy", async () => {
    const storage = memoryStorage();
    const host = new SandboxHost({ scenario: "chapter-27", createSession: newSession, storage });
    await host.run("echo mine > mine.txt", "$ ");
    host.flush();
    host.reset();
    expect(storage.values.size).toBe(0);
    expect(host.origin).toBe("reset");
    expect((await host.session.run("ls")).stdout).toBe("plaintext.txt\n");
  });

  it("imports what it exported, and refuses bad files without changing anything", async () => {
    const host = new SandboxHost({ scenario: "chapter-27", createSession: newSession, storage: memoryStorage() });
    await host.run("echo exported > mark.txt", "$ ");
    const exported = host.exportJson();
    host.reset();
    await host.run("echo other > other.txt", "$ ");

    const notJson = host.importJson("{ nope");
    expect(notJson).toEqual({ ok: false, message: "That file is not a sandbox export: it is not JSON. Nothing was changed." });
    const foreign = host.importJson(JSON.stringify({ hello: "world" }));
    expect(foreign.ok).toBe(false);
    expect(!foreign.ok && foreign.message).toMatch(/^That file could not be imported: This is not a sandbox session export.*Nothing was changed\.$/);
    expect((await host.session.run("cat other.txt")).stdout).toBe("other\n");

    expect(host.importJson(exported)).toEqual({ ok: true });
    expect(host.origin).toBe("imported");
    expect((await host.session.run("cat mark.txt")).stdout).toBe("exported\n");
    expect((await host.session.run("cat other.txt")).exitCode).toBe(1);
  });

  it("says so, and starts fresh, when the saved sandbox cannot be read", () => {
    const storage = memoryStorage();
    storage.values.set(sandboxStorageKey("chapter-27"), "{ damaged");
    const host = new SandboxHost({ scenario: "chapter-27", createSession: newSession, storage });
    expect(host.status.notice).toBe("The saved sandbox is damaged. This is a fresh sandbox.");
    storage.values.set(sandboxStorageKey("chapter-27"), JSON.stringify({ format: "keystone-sandbox-save", version: 1, scenario: "chapter-27", savedAt: "x", snapshot: { format: "other" } }));
    const second = new SandboxHost({ scenario: "chapter-27", createSession: newSession, storage });
    expect(second.status.notice).toMatch(/^Your saved sandbox could not be restored \(This is not a sandbox session export/);
  });

  it("reports a full storage with a message, and clears it once a save works", async () => {
    const storage = memoryStorage();
    const host = new SandboxHost({ scenario: "chapter-27", createSession: newSession, storage });
    const quota = new Error("The quota has been exceeded.");
    quota.name = "QuotaExceededError";
    storage.failWith = quota;
    await host.run("echo big > big.txt", "$ ");
    host.flush();
    expect(host.status.saveError).toBe(QUOTA_MESSAGE);
    storage.failWith = undefined;
    await host.run("rm big.txt", "$ ");
    host.flush();
    expect(host.status.saveError).toBeUndefined();
  });
});

describe("saved sandboxes in storage", () => {
  it("are kept one per scenario and read back only for that scenario", () => {
    const storage = memoryStorage();
    new SnapshotSaver({ storage, scenario: "empty", now: () => new Date("2026-02-01T00:00:00Z") }).save({ any: "snapshot" });
    expect(loadSaved(storage, "empty")).toEqual({ status: "found", saved: { format: "keystone-sandbox-save", version: 1, scenario: "empty", savedAt: "2026-02-01T00:00:00.000Z", snapshot: { any: "snapshot" } } });
    expect(loadSaved(storage, "chapter-27")).toEqual({ status: "none" });
  });
});
