import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox";
import { STOPPED_MESSAGE, SandboxHost } from "@/lib/terminal/session-host";
import { legacyStorageKey } from "@/lib/workspace/legacy-save";
import { MemorySessionStore } from "@/lib/workspace/memory-store";
import { QUOTA_MESSAGE } from "@/lib/workspace/save-errors";
import { channelWorkers, hangOn } from "../workspace/channel-worker";

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

const newSandbox = { seed: 27, now: "2026-01-15T10:00:00Z" };

function hostOn(workers: ReturnType<typeof channelWorkers>, scenario = "chapter-27", legacyStorage?: ReturnType<typeof memoryStorage>) {
  return new SandboxHost({ scenario, spawnWorker: workers.spawn, newSandbox, legacyStorage });
}

describe("the sandbox on a page", () => {
  it("runs commands in the worker, follows the working directory for the prompt, and comes back from the store", async () => {
    const workers = channelWorkers();
    const host = hostOn(workers);
    await host.ready;
    await host.run("mkdir -p work && cd work && echo one > a.txt", "$ ");
    expect(host.cwd).toBe("/home/learner/work");
    await host.client.flush();
    host.dispose();

    const again = hostOn(workers);
    await again.ready;
    expect(again.origin).toBe("restored");
    expect(again.cwd).toBe("/home/learner/work");
    expect((await again.run("cat a.txt", "$ ")).stdout).toBe("one\n");
  });

  it("keeps a transcript for the views, emptied by clear", async () => {
    const host = hostOn(channelWorkers(), "empty");
    await host.run("echo hi", "$ ");
    expect(host.transcript).toEqual([{ prompt: "$ ", command: "echo hi", output: "hi\n" }]);
    await host.run("clear", "$ ");
    expect(host.transcript).toEqual([]);
  });

  it("resets to the scenario's start", async () => {
    const host = hostOn(channelWorkers());
    await host.run("echo mine > mine.txt", "$ ");
    await host.reset();
    expect(host.origin).toBe("reset");
    expect(host.generation).toBe(1);
    expect((await host.run("ls", "$ ")).stdout).toBe("plaintext.txt\n");
  });

  it("imports what it exported, and refuses bad files without changing anything", async () => {
    const host = hostOn(channelWorkers());
    await host.run("echo exported > mark.txt", "$ ");
    const exported = await host.exportJson();
    await host.reset();
    await host.run("echo other > other.txt", "$ ");

    expect(await host.importJson("{ nope")).toEqual({ ok: false, message: "That file is not a sandbox export: it is not JSON. Nothing was changed." });
    const foreign = await host.importJson(JSON.stringify({ hello: "world" }));
    expect(foreign.ok).toBe(false);
    expect(!foreign.ok && foreign.message).toMatch(/^That file could not be imported: This is not a sandbox session export.*Nothing was changed\.$/);
    expect((await host.run("cat other.txt", "$ ")).stdout).toBe("other\n");

    expect(await host.importJson(exported)).toEqual({ ok: true });
    expect(host.origin).toBe("imported");
    expect((await host.run("cat mark.txt", "$ ")).stdout).toBe("exported\n");
    expect((await host.run("cat other.txt", "$ ")).exitCode).toBe(1);
  });

  it("moves a sandbox the first version saved in localStorage into the worker's store, then removes it", async () => {
    const old = createSandbox({ scenario: "chapter-27", seed: 3, now: "2026-01-01T00:00:00Z" });
    await old.run("echo older > older.txt");
    const storage = memoryStorage();
    storage.values.set(legacyStorageKey("chapter-27"), JSON.stringify({ format: "keystone-sandbox-save", version: 1, scenario: "chapter-27", savedAt: "2026-11-30T08:00:00.000Z", snapshot: old.snapshot() }));
    const host = hostOn(channelWorkers(), "chapter-27", storage);
    await host.ready;
    expect(host.origin).toBe("restored");
    expect(host.restoredFrom).toBe("2026-11-30T08:00:00.000Z");
    expect(storage.values.size).toBe(0);
    expect((await host.run("cat older.txt", "$ ")).stdout).toBe("older\n");
  });

  it("says so, and starts fresh, when the saved sandbox cannot be read", async () => {
    const storage = memoryStorage();
    storage.values.set(legacyStorageKey("chapter-27"), "{ damaged");
    const host = hostOn(channelWorkers(), "chapter-27", storage);
    await host.ready;
    expect(host.status.notice).toBe("The sandbox saved by an earlier version is damaged. This is a fresh sandbox.");
  });

  it("reports a full storage with a message, and clears it once a save works", async () => {
    const store = new MemorySessionStore();
    const host = hostOn(channelWorkers({ store }));
    await host.ready;
    const save = store.save.bind(store);
    store.save = async () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    await host.run("echo big > big.txt", "$ ");
    await host.client.flush();
    expect(host.status.saveError).toBe(QUOTA_MESSAGE);
    store.save = save;
    await host.run("rm big.txt", "$ ");
    await host.client.flush();
    expect(host.status.saveError).toBeUndefined();
  });

  it("stops a running command: ^C and a message, and the sandbox as it was before that command", async () => {
    const host = hostOn(channelWorkers({ adjust: hangOn("forever") }), "empty");
    await host.run("echo before > before.txt", "$ ");
    const running = host.run("forever", "$ ");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(host.status.busy).toBe(true);
    host.interrupt();
    const result = await running;
    expect(result).toMatchObject({ exitCode: 130, output: STOPPED_MESSAGE });
    expect(host.transcript.at(-1)).toEqual({ prompt: "$ ", command: "forever", output: `^C${STOPPED_MESSAGE}` });
    expect(host.status.busy).toBe(false);
    expect((await host.run("ls", "$ ")).stdout).toBe("before.txt\n");
  });
});
