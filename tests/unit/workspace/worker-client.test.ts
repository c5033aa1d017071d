import { proxy, wrap } from "comlink";
import { describe, expect, it } from "vitest";
import type { SandboxWorkerApi, WorkerEvent } from "@/lib/workspace/protocol";
import { InterruptedError, SandboxWorkerClient, type ClientEvent } from "@/lib/workspace/worker-client";
import { channelWorkers, hangOn } from "./channel-worker";

function harness(options: { hangOn?: string } = {}) {
  const workers = channelWorkers(options.hangOn ? { adjust: hangOn(options.hangOn) } : {});
  const client = new SandboxWorkerClient(workers.spawn, { scenario: "empty", seed: 4, now: "2026-01-01T00:00:00Z" });
  return { client, store: workers.store, spawned: workers.services };
}

describe("the worker client", () => {
  it("opens the sandbox once and runs commands through the channel", async () => {
    const { client, spawned } = harness();
    const [first, second] = await Promise.all([client.open(), client.open()]);
    expect(first).toBe(second);
    expect(spawned).toHaveLength(1);
    const reply = await client.run("echo hello; pwd");
    expect(reply).toMatchObject({ stdout: "hello\n/home/learner\n", exitCode: 0, cwd: "/home/learner" });
    expect(await client.needsMoreInput("if true; then")).toBe(true);
    expect(await client.complete("ech", 3)).toEqual({ start: 0, end: 3, candidates: ["echo"] });
    client.dispose();
  });

  it("tells listeners when a command runs and when the sandbox changed", async () => {
    const { client } = harness();
    const events: ClientEvent[] = [];
    client.subscribe((event) => events.push(event));
    await client.run("true");
    await client.flush();
    expect(events).toEqual(expect.arrayContaining([{ type: "busy", busy: true }, { type: "busy", busy: false }, { type: "changed", revision: 1 }]));
    client.dispose();
  });

  it("stops a command that never ends: the call rejects, a new worker opens the sandbox as it was before that command", async () => {
    const { client, spawned } = harness({ hangOn: "while :" });
    await client.run("echo kept > kept.txt");
    const running = client.run("while :; do :; done").catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.busy).toBe(true);
    const reopened = await client.interrupt();
    expect(await running).toBeInstanceOf(InterruptedError);
    expect(spawned).toHaveLength(2);
    expect(reopened.origin).toBe("restored");
    expect(client.busy).toBe(false);
    expect((await client.run("cat kept.txt")).stdout).toBe("kept\n");
    // What the stopped command did before it was stopped is gone with it.
    expect((await client.run("ls")).stdout).toBe("kept.txt\n");
    client.dispose();
  });

  it("rejects calls after dispose instead of hanging", async () => {
    const { client } = harness();
    await client.open();
    client.dispose();
    await expect(client.run("true")).rejects.toBeInstanceOf(InterruptedError);
  });
});

describe("a worker started early", () => {
  it("is adopted when it opened the same sandbox, with the events it sent before", async () => {
    const workers = channelWorkers();
    const options = { scenario: "empty", seed: 4, now: "2026-01-01T00:00:00Z" };
    const worker = workers.spawn();
    const remote = wrap<SandboxWorkerApi>(worker);
    const waiting: WorkerEvent[] = [];
    let reader: ((event: WorkerEvent) => void) | undefined;
    const opened = remote.open(options, proxy((event: WorkerEvent) => (reader ? reader(event) : waiting.push(event))));
    const early = { worker, remote, opened, listen: (listener: (event: WorkerEvent) => void) => ((reader = listener), waiting.splice(0).forEach(listener)) };
    const client = new SandboxWorkerClient(workers.spawn, options, () => early);
    await client.open();
    expect(workers.services).toHaveLength(1);
    expect((await client.run("echo adopted")).stdout).toBe("adopted\n");
    client.dispose();
  });
});
