import { describe, expect, it } from "vitest";
import { createSandbox, sessionTools } from "@/lib/sandbox";
import { SandboxSession, type SessionTools } from "@/lib/sandbox/session";
import { MemorySessionStore } from "@/lib/workspace/memory-store";
import type { WorkerEvent } from "@/lib/workspace/protocol";
import { SandboxService } from "@/lib/workspace/sandbox-service";
import type { SessionStore } from "@/lib/workspace/session-store";

const NOW = "2026-01-01T00:00:00Z";

function service(store: SessionStore = new MemorySessionStore(), options: { failOpen?: boolean } = {}) {
  let lineage = 0;
  return new SandboxService({
    openStore: async () => {
      if (options.failOpen) throw new Error("no IndexedDB");
      return store;
    },
    fallbackStore: () => new MemorySessionStore(),
    createSession: (settings) => createSandbox(settings),
    wallClock: () => Date.parse("2026-12-04T10:00:00Z"),
    newLineage: () => `lineage-${++lineage}`,
  });
}

describe("the worker's sandbox service", () => {
  it("opens a new sandbox of the scenario and saves it at once", async () => {
    const store = new MemorySessionStore();
    const result = await service(store).open({ scenario: "chapter-27", seed: 5, now: NOW });
    expect(result).toMatchObject({ origin: "new", persistence: "memory", cwd: "/home/learner", home: "/home/learner" });
    expect(store.sessions.get("chapter-27")?.savedAt).toBe("2026-12-04T10:00:00.000Z");
  });

  it("runs commands, and a second worker on the same store finds the sandbox as the first left it", async () => {
    const store = new MemorySessionStore();
    const first = service(store);
    await first.open({ scenario: "chapter-27", seed: 5, now: NOW });
    const created = await first.run("aws kms create-key --description kept --query KeyMetadata.KeyId --output text");
    expect(created.exitCode).toBe(0);
    await first.run("mkdir work && cd work && echo data > file.txt");
    await first.flush();

    const second = service(store);
    const reopened = await second.open({ scenario: "chapter-27" });
    expect(reopened.origin).toBe("restored");
    expect(reopened.cwd).toBe("/home/learner/work");
    expect((await second.run("cat file.txt")).stdout).toBe("data\n");
    const described = await second.run(`aws kms describe-key --key-id ${created.stdout.trim()} --query KeyMetadata.Description --output text`);
    expect(described.stdout).toBe("kept\n");
    expect((await second.activity({ text: "CreateKey kept" })).matched).toBe(1);
  });

  it("saves each command before running the next, so the store always holds the state before a running command", async () => {
    const store = new MemorySessionStore();
    const api = service(store);
    await api.open({ scenario: "empty", seed: 1, now: NOW });
    await api.run("echo one > a.txt");
    // The save of the first command may still be in flight: the second command waits for it.
    const second = api.run("echo two > b.txt");
    await second;
    await api.flush();
    const loaded = await store.load("empty");
    expect(loaded.status === "found" && loaded.snapshot.files.entries.map((entry) => entry.path)).toEqual(expect.arrayContaining(["/home/learner/a.txt", "/home/learner/b.txt"]));
  });

  it("moves a sandbox saved by the first version (localStorage) into the store", async () => {
    const old = createSandbox({ scenario: "chapter-27", seed: 9, now: NOW });
    await old.run("echo from-localstorage > old.txt");
    const legacySave = JSON.stringify({ format: "keystone-sandbox-save", version: 1, scenario: "chapter-27", savedAt: "2026-11-30T12:00:00.000Z", snapshot: old.snapshot() });
    const store = new MemorySessionStore();
    const api = service(store);
    const result = await api.open({ scenario: "chapter-27", legacySave });
    expect(result).toMatchObject({ origin: "migrated", savedAt: "2026-11-30T12:00:00.000Z" });
    expect((await api.run("cat old.txt")).stdout).toBe("from-localstorage\n");
    expect(store.sessions.has("chapter-27")).toBe(true);
  });

  it("starts fresh with a notice when the save cannot be read, and when the browser allows no storage", async () => {
    const legacySave = "{not json";
    const damaged = await service().open({ scenario: "chapter-27", legacySave });
    expect(damaged.origin).toBe("new");
    expect(damaged.notice).toMatch(/damaged.*fresh sandbox/);
    const noStorage = await service(undefined, { failOpen: true }).open({ scenario: "empty" });
    expect(noStorage.persistence).toBe("memory");
    expect(noStorage.notice).toMatch(/lasts until you close this tab/);
  });

  it("reports a failed save to the page and recovers when saving works again", async () => {
    const events: WorkerEvent[] = [];
    const store = new MemorySessionStore();
    const api = service(store);
    await api.open({ scenario: "empty", seed: 1, now: NOW }, (event) => events.push(event));
    const save = store.save.bind(store);
    store.save = async () => {
      throw new DOMException("full", "QuotaExceededError");
    };
    await api.run("echo a > a.txt");
    await api.flush();
    expect(events).toContainEqual({ type: "save-failed", message: expect.stringMatching(/storage for this site is full/) });
    store.save = save;
    await api.run("echo b > b.txt");
    await api.flush();
    expect(events.at(-1)).toMatchObject({ type: "saved" });
    const loaded = await store.load("empty");
    expect(loaded.status === "found" && loaded.snapshot.files.entries.map((entry) => entry.path)).toEqual(expect.arrayContaining(["/home/learner/a.txt", "/home/learner/b.txt"]));
  });

  it("imports an export, refuses a bad file without changing anything, and resets", async () => {
    const api = service();
    await api.open({ scenario: "chapter-27", seed: 2, now: NOW });
    await api.run("echo keep > keep.txt");
    const exported = await api.exportSnapshot();
    expect(await api.importSnapshot("nope")).toEqual({ ok: false, message: "That file is not a sandbox export: it is not JSON. Nothing was changed." });
    expect(await api.importSnapshot('{"format":"other"}')).toMatchObject({ ok: false, message: expect.stringMatching(/^That file could not be imported: .*Nothing was changed\.$/) });
    expect((await api.run("cat keep.txt")).stdout).toBe("keep\n");
    await api.reset();
    expect((await api.run("cat keep.txt")).exitCode).toBe(1);
    expect(await api.importSnapshot(exported)).toMatchObject({ ok: true });
    expect((await api.run("cat keep.txt")).stdout).toBe("keep\n");
  });

  it("answers AWS calls for the visualisers as the current identity, errors in AWS's words", async () => {
    const api = service();
    await api.open({ scenario: "chapter-27", seed: 2, now: NOW });
    const ok = await api.call("kms", "DescribeKey", { KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" });
    expect(ok).toMatchObject({ ok: true, output: { KeyMetadata: { KeyState: "Enabled" } } });
    const missing = await api.call("kms", "DescribeKey", { KeyId: "alias/nothing-here" });
    expect(missing).toEqual({ ok: false, code: "NotFoundException", message: "Alias arn:aws:kms:us-east-1:123456789012:alias/nothing-here is not found." });
    const resources = await api.resources();
    expect(resources.keys.map((key) => key.keyId)).toContain("1234abcd-12ab-34cd-56ef-1234567890ab");
    const page = await api.activity({ outcome: "failed" });
    expect(page.events.map((event) => event.eventName)).toEqual(["DescribeKey"]);
  });
});

describe("a worker whose sessions open before their tools are loaded", () => {
  /** Tools that arrive when the test says so, or fail to, as a chunk can. */
  function lateTools() {
    const loads: { resolve(tools: SessionTools): void; reject(error: Error): void }[] = [];
    const worker = new SandboxService({
      openStore: async () => new MemorySessionStore(),
      fallbackStore: () => new MemorySessionStore(),
      createSession: (settings) => new SandboxSession(settings),
      loadTools: () => new Promise<SessionTools>((resolve, reject) => loads.push({ resolve, reject })),
      newLineage: () => "lineage",
    });
    return { worker, loads };
  }

  it("opens at once, starts loading the tools after answering, and the first command waits for them", async () => {
    const { worker, loads } = lateTools();
    const opened = await worker.open({ scenario: "chapter-27", seed: 5, now: NOW });
    expect(opened.origin).toBe("new");
    expect(loads).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toHaveLength(1);

    let answered = false;
    const running = worker.run("echo ready && aws kms describe-key --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --query KeyMetadata.KeyState --output text").then((reply) => {
      answered = true;
      return reply;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    loads[0]!.resolve(sessionTools());
    const reply = await running;
    expect(reply).toMatchObject({ exitCode: 0, stdout: "ready\nEnabled\n" });
    expect(loads).toHaveLength(1);
    expect((await worker.complete("aws km", 6))?.candidates).toEqual(["kms"]);
  });

  it("says so when the tools fail to load, and loads them again on the next command", async () => {
    const { worker, loads } = lateTools();
    await worker.open({ scenario: "empty", seed: 5, now: NOW });
    await new Promise((resolve) => setTimeout(resolve, 0));
    loads[0]!.reject(new Error("Failed to fetch"));
    await expect(worker.run("echo hi")).rejects.toThrow("The sandbox's commands could not be loaded (Failed to fetch.) Try the command again.");
    const again = worker.run("echo hi");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toHaveLength(2);
    loads[1]!.resolve(sessionTools());
    expect((await again).stdout).toBe("hi\n");
  });

  it("gives the tools to a sandbox that replaces the open one (reset)", async () => {
    const { worker, loads } = lateTools();
    await worker.open({ scenario: "empty", seed: 5, now: NOW });
    await new Promise((resolve) => setTimeout(resolve, 0));
    loads[0]!.resolve(sessionTools());
    await worker.run("echo before > note.txt");
    await worker.reset();
    expect((await worker.run("ls")).stdout).toBe("");
    expect(loads).toHaveLength(1);
  });
});

describe("a session without its tools", () => {
  it("can be built, saved and restored, refuses to run a command until it has them, then runs", async () => {
    const bare = new SandboxSession({ scenario: "chapter-27", seed: 3, now: NOW });
    expect(bare.hasTools).toBe(false);
    expect(() => bare.runSync("echo hi")).toThrow("The sandbox's commands are not loaded yet");
    expect(() => bare.complete("ec", 2)).toThrow("The sandbox's commands are not loaded yet");
    const copy = new SandboxSession({ scenario: "chapter-27" });
    copy.restore(bare.snapshot());
    copy.attachTools(sessionTools());
    expect(copy.runSync("cat plaintext.txt")).toMatchObject({ exitCode: 0, stdout: "Hello, KMS!\n" });
    expect(copy.history().at(-1)).toBe("cat plaintext.txt");
  });
});
