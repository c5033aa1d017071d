import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { createSandbox, type SessionSnapshot } from "@/lib/sandbox";
import type { TrailEvent } from "@/lib/sandbox/trail/trail";
import { snapshotFiles } from "@/lib/sandbox/vfs/snapshot";
import { IndexedDbSessionStore } from "@/lib/workspace/indexeddb-store";
import { MemorySessionStore } from "@/lib/workspace/memory-store";
import { planTrailSave, TRAIL_CHUNK, type SaveRequest, type SessionStore } from "@/lib/workspace/session-store";

const event = (id: number): TrailEvent =>
  ({ eventId: `e${id}`, eventTime: id, eventSource: "kms.amazonaws.com", eventName: "DescribeKey", awsRegion: "us-east-1", recipientAccountId: "123456789012", userIdentity: { type: "IAMUser", arn: "arn", accountId: "123456789012" }, readOnly: true, requestParameters: null, responseElements: null, resources: [], authorizations: [] }) as TrailEvent;
const events = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => event(from + index));

describe("planning a trail save", () => {
  it("writes every chunk the first time, numbered from zero", () => {
    const plan = planTrailSave(undefined, events(0, 600));
    expect(plan.rewrite).toBe(true);
    expect(plan.range).toEqual({ start: 0, end: 600, lastEventId: "e599" });
    expect(plan.chunks.map((chunk) => [chunk.index, chunk.first, chunk.events.length])).toEqual([
      [0, 0, 250],
      [1, 250, 250],
      [2, 500, 100],
    ]);
  });

  it("then rewrites only the chunk the new events fall in", () => {
    const first = planTrailSave(undefined, events(0, 600));
    const plan = planTrailSave(first.range, events(0, 603));
    expect(plan.rewrite).toBe(false);
    expect(plan.chunks.map((chunk) => [chunk.index, chunk.first, chunk.events.length])).toEqual([[2, 500, 103]]);
    expect(plan.range).toEqual({ start: 0, end: 603, lastEventId: "e602" });
  });

  it("writes nothing for the trail when no event was added", () => {
    const first = planTrailSave(undefined, events(0, 10));
    expect(planTrailSave(first.range, events(0, 10)).chunks).toEqual([]);
  });

  it("follows a trail the engine trimmed at its front, and lets the old chunks go", () => {
    const first = planTrailSave(undefined, events(0, 1000));
    // The engine dropped the oldest 400 events and 100 new ones came.
    const plan = planTrailSave(first.range, events(400, 1100));
    expect(plan.range).toEqual({ start: 400, end: 1100, lastEventId: "e1099" });
    expect(plan.keepFrom).toBe(Math.floor(400 / TRAIL_CHUNK));
    expect(plan.chunks.map((chunk) => [chunk.index, chunk.first, chunk.events[0]?.eventId])).toEqual([[4, 1000, "e1000"]]);
  });

  it("starts afresh when its last saved event is gone (restored or replaced trail)", () => {
    const first = planTrailSave(undefined, events(0, 10));
    const plan = planTrailSave(first.range, events(50, 55));
    expect(plan.rewrite).toBe(true);
    expect(plan.range).toEqual({ start: 0, end: 5, lastEventId: "e54" });
  });
});

function saveRequest(snapshot: SessionSnapshot, trail: readonly TrailEvent[], lineage = "one", filesChanged = true): SaveRequest {
  const { files, ...rest } = snapshot;
  return {
    scenario: "chapter-27",
    lineage,
    savedAt: "2026-12-04T10:00:00.000Z",
    session: { ...rest, engine: { ...rest.engine, trail: [] } },
    trail,
    files: { changed: filesChanged, take: () => files },
  };
}

async function describeStore(name: string, open: () => Promise<SessionStore>) {
  describe(name, () => {
    it("brings back what it saved, trail and files included", async () => {
      const store = await open();
      const session = createSandbox({ scenario: "chapter-27", seed: 7, now: "2026-01-01T00:00:00Z" });
      await session.run("aws kms create-key --description saved > key.json");
      await session.run("echo hello > notes.txt");
      const snapshot = session.snapshot();
      await store.save(saveRequest(snapshot, snapshot.engine.trail));
      const loaded = await store.load("chapter-27");
      expect(loaded.status).toBe("found");
      if (loaded.status !== "found") return;
      expect(loaded.snapshot).toEqual(snapshot);
      const again = createSandbox({ scenario: "chapter-27", seed: 1 });
      again.restore(loaded.snapshot);
      expect((await again.run("cat notes.txt")).stdout).toBe("hello\n");
      expect((await again.run("jq -r .KeyMetadata.Description key.json")).stdout).toBe("saved\n");
    });

    it("keeps the newest lineage whole when two savers take turns (two tabs)", async () => {
      const store = await open();
      const a = createSandbox({ scenario: "chapter-27", seed: 1, now: "2026-01-01T00:00:00Z" });
      const b = createSandbox({ scenario: "chapter-27", seed: 2, now: "2026-01-01T00:00:00Z" });
      for (let i = 0; i < 3; i++) await a.run("aws kms list-keys > /dev/null");
      await store.save(saveRequest(a.snapshot(), a.engine.peek().trail, "a"));
      await b.run("aws kms describe-key --key-id 1234abcd-12ab-34cd-56ef-1234567890ab > /dev/null");
      await store.save(saveRequest(b.snapshot(), b.engine.peek().trail, "b"));
      await a.run("aws kms list-aliases > /dev/null");
      // A saves incrementally as far as it knows (files unchanged), but the store holds B's lineage: A must write everything.
      await store.save(saveRequest(a.snapshot(), a.engine.peek().trail, "a", false));
      const loaded = await store.load("chapter-27");
      expect(loaded.status).toBe("found");
      if (loaded.status !== "found") return;
      expect(loaded.snapshot).toEqual(a.snapshot());
    });

    it("writes the files with a lineage's first save even when they did not change, and clear forgets the scenario", async () => {
      const store = await open();
      const session = createSandbox({ scenario: "empty", seed: 1 });
      await store.save({ ...saveRequest(session.snapshot(), [], "x", false), scenario: "empty" });
      const loaded = await store.load("empty");
      expect(loaded.status === "found" && loaded.snapshot.files).toEqual(snapshotFiles(session.fs));
      expect((await store.load("empty")).status).toBe("found");
      await store.clear("empty");
      expect((await store.load("empty")).status).toBe("none");
    });
  });
}

describeStore("the in-memory store", async () => new MemorySessionStore());
describeStore("the IndexedDB store", () => IndexedDbSessionStore.open(new IDBFactory()));

describe("incremental saving", () => {
  it("writes one trail chunk per command, however long the trail", async () => {
    const store = new MemorySessionStore();
    const session = createSandbox({ scenario: "chapter-27", seed: 3, now: "2026-01-01T00:00:00Z" });
    for (let i = 0; i < 300; i++) session.engine.call("kms", "ListKeys", {});
    let snapshot = session.snapshot();
    await store.save(saveRequest(snapshot, session.engine.peek().trail));
    const before = store.chunkWrites;
    session.engine.call("kms", "ListAliases", {});
    await store.save(saveRequest(session.snapshot(), session.engine.peek().trail, "one", false));
    expect(store.chunkWrites - before).toBe(1);
    const loaded = await store.load("chapter-27");
    snapshot = session.snapshot();
    expect(loaded.status === "found" && loaded.snapshot.engine.trail.length).toBe(snapshot.engine.trail.length);
  });

  it("reads a sandbox whose trail chunks went missing, with a notice and an empty trail", async () => {
    const store = new MemorySessionStore();
    const session = createSandbox({ scenario: "chapter-27", seed: 3, now: "2026-01-01T00:00:00Z" });
    session.engine.call("kms", "ListKeys", {});
    await store.save(saveRequest(session.snapshot(), session.engine.peek().trail));
    store.trail.get("chapter-27")?.clear();
    const loaded = await store.load("chapter-27");
    expect(loaded.status).toBe("found");
    if (loaded.status !== "found") return;
    expect(loaded.notice).toMatch(/activity history could not be read back/);
    expect(loaded.snapshot.engine.trail).toEqual([]);
    expect(loaded.snapshot.files).toEqual(snapshotFiles(session.fs));
  });
});
