import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox";
import { decryptSampleCommand, keyActions } from "@/lib/visualize/key-lifecycle/actions";
import { afterDeletion } from "@/lib/visualize/key-lifecycle/after-deletion";
import { keyStateOf, LABEL_SIZE, labelWidth, layoutTimeline, stateTone, type ChartLayout } from "@/lib/visualize/key-lifecycle/chart";
import { encryptSample, keyTimeline, type KeyTimeline } from "@/lib/visualize/key-lifecycle/timeline";

/**
 * The Key lifecycle pane's drawing, its end of a deleted key's timeline and
 * its commands. Timelines come from the real engine (keyTimeline over a
 * sandbox session driven by CLI commands) where a case is a learner's
 * session, and are built by hand where a case is easier to state so.
 *
 * The drawing's scale, as the chart promises: the key's life runs from its
 * first segment to the last moment it knows of (now, the deletion date, the
 * next rotation, the last event; at least a day), with 8% more room after it
 * for that moment's label, across the width less 8 px padding on each side.
 * The widths below are picked so that a day (or an hour) is a round number
 * of pixels.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse("2026-01-01T00:00:00Z");

async function keyOfOwn() {
  const session = createSandbox({ scenario: "empty", seed: 9, now: "2026-01-01T00:00:00Z" });
  const result = await session.run("aws kms create-key --description chart --query KeyMetadata.KeyId --output text");
  expect(result.exitCode).toBe(0);
  return { session, id: result.stdout.trim() };
}

/** Positions to a thousandth of a pixel, so float noise does not matter. */
const px = (value: number) => Math.round(value * 1000) / 1000;
const round = <T extends { x: number; width?: number; labelX?: number }>(items: T[]) =>
  items.map((item) => ({ ...item, x: px(item.x), ...(item.width === undefined ? {} : { width: px(item.width) }), ...(item.labelX === undefined ? {} : { labelX: px(item.labelX) }) }));

/** A hand-built timeline of a key created at T0 and never changed. */
function quietKey(overrides: Partial<KeyTimeline> & { now: number }): KeyTimeline {
  return {
    keyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
    arn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    label: "alias/chart",
    createdAt: T0,
    state: "Enabled",
    events: [{ at: T0, eventName: "CreateKey", state: "Enabled" }],
    segments: [{ from: T0, state: "Enabled" }],
    materials: [{ version: 1, id: "m1", createdAt: T0, current: true }],
    historyComplete: true,
    ...overrides,
  };
}

/** Where each label of a layout lies, left to right, with the width the chart reckons for it. */
function labelSpan(mark: { labelX: number; anchor: "start" | "end" }, text: string) {
  const size = labelWidth(text);
  return mark.anchor === "start" ? { from: mark.labelX, to: mark.labelX + size } : { from: mark.labelX - size, to: mark.labelX };
}

function eventText(event: ChartLayout["events"][number]) {
  return event.materialVersion === undefined ? event.eventName : `${event.eventName} → v${event.materialVersion}`;
}

describe("states and their colours", () => {
  it("keyStateOf gives the KeyState AWS reports: the top of the machine's state", () => {
    expect(keyStateOf("PendingDeletion.WithKeyMaterial")).toBe("PendingDeletion");
    expect(keyStateOf("Enabled")).toBe("Enabled");
    expect(keyStateOf("Deleted")).toBe("Deleted");
  });

  it("stateTone: one colour family per KeyState, and one for anything else", () => {
    expect(stateTone("Enabled")).toBe("enabled");
    expect(stateTone("Disabled")).toBe("disabled");
    expect(stateTone("PendingDeletion.WithKeyMaterial")).toBe("pending-deletion");
    expect(stateTone("PendingDeletion")).toBe("pending-deletion");
    expect(stateTone("PendingImport")).toBe("pending-import");
    expect(stateTone("Deleted")).toBe("deleted");
    expect(stateTone("Unavailable")).toBe("other");
    expect(stateTone("PendingReplicaDeletion")).toBe("other");
  });

  it("labelWidth reckons a generous width: whole pixels, growing with the text and the font size, at least 0.6 of the size per character", () => {
    expect(labelWidth("")).toBe(0);
    expect(labelWidth("Enabled")).toBe(labelWidth("Enabled", LABEL_SIZE));
    for (const text of ["now", "Enabled", "ScheduleKeyDeletion"]) {
      expect(Number.isInteger(labelWidth(text)), text).toBe(true);
      expect(labelWidth(text), text).toBeGreaterThanOrEqual(text.length * LABEL_SIZE * 0.6);
      expect(labelWidth(text, 11), text).toBeLessThan(labelWidth(text, 12));
    }
    expect(labelWidth("ScheduleKeyDeletion")).toBeGreaterThan(labelWidth("EnableKey"));
  });
});

describe("the drawing of a key's timeline", () => {
  it("a key disabled, enabled, scheduled for deletion and cancelled: bands, material, events in lanes, now, rows (a day is 100 px)", async () => {
    const { session, id } = await keyOfOwn();
    await session.run("clock advance 1d");
    await session.run(`aws kms disable-key --key-id ${id}`);
    await session.run("clock advance 2d");
    await session.run(`aws kms enable-key --key-id ${id}`);
    await session.run(`aws kms schedule-key-deletion --key-id ${id} --pending-window-in-days 7`);
    await session.run("clock advance 3d");
    await session.run(`aws kms cancel-key-deletion --key-id ${id}`);
    // Six days of life plus 8% is 6.48 days over 648 px: 100 px a day from x = 8.
    const layout = layoutTimeline(keyTimeline(session.engine, id)!, 664);

    expect(layout.width).toBe(664);
    expect(layout.start).toBe(T0);
    expect(px(layout.end)).toBe(T0 + 6.48 * DAY);
    // Eight labels fit in 648 px, so a tick a day.
    expect(round(layout.ticks)).toEqual(["1 Jan", "2 Jan", "3 Jan", "4 Jan", "5 Jan", "6 Jan", "7 Jan"].map((label, day) => ({ x: 8 + 100 * day, label })));

    expect(round(layout.bands)).toEqual([
      { x: 8, width: 100, state: "Enabled", tone: "enabled", label: "Enabled" },
      { x: 108, width: 200, state: "Disabled", tone: "disabled", label: "Disabled" },
      // EnableKey and ScheduleKeyDeletion at the same moment: an Enabled instant, drawn 2 px wide, too narrow for its name.
      { x: 308, width: 2, state: "Enabled", tone: "enabled" },
      { x: 308, width: 300, state: "PendingDeletion.WithKeyMaterial", tone: "pending-deletion", label: "PendingDeletion" },
      // Disabled since the cancellation, which is now.
      { x: 608, width: 2, state: "Disabled", tone: "disabled" },
    ]);
    expect(layout.ahead).toBeUndefined();
    expect(round(layout.materials)).toEqual([{ x: 8, width: 600, version: 1, current: true, label: "v1 (current)" }]);

    expect(round(layout.events).map(({ eventName, x, lane, anchor, labelX }) => ({ eventName, x, lane, anchor, labelX }))).toEqual([
      { eventName: "CreateKey", x: 8, lane: 0, anchor: "start", labelX: 11 },
      { eventName: "DisableKey", x: 108, lane: 0, anchor: "start", labelX: 111 },
      { eventName: "EnableKey", x: 308, lane: 0, anchor: "start", labelX: 311 },
      // Same moment as EnableKey: the next lane down.
      { eventName: "ScheduleKeyDeletion", x: 308, lane: 1, anchor: "start", labelX: 311 },
      // Too close to the right edge for its label to run right: it runs left, and clears EnableKey's label in lane 0.
      { eventName: "CancelKeyDeletion", x: 608, lane: 0, anchor: "end", labelX: 605 },
    ]);
    expect(layout.lanes).toBe(2);

    expect(round([layout.now])).toEqual([{ x: 608, at: T0 + 6 * DAY, label: "now", anchor: "start", labelX: 611, lane: 0 }]);
    expect(layout.deletion).toBeUndefined();
    expect(layout.nextRotation).toBeUndefined();
    // One lane of markers, two lanes of event labels.
    expect(layout.rows).toEqual({ axis: 14, markers: 32, state: 40, stateHeight: 30, material: 76, materialHeight: 22, events: 116, lane: 16 });
    expect(layout.height).toBe(116 + 16 + 8);
  });

  it("a key pending deletion: the state continues ahead as a waiting period up to the deletion marker (a day is 50 px)", async () => {
    const { session, id } = await keyOfOwn();
    await session.run("clock advance 3d");
    expect((await session.run(`aws kms schedule-key-deletion --key-id ${id} --pending-window-in-days 7`)).exitCode).toBe(0);
    const timeline = keyTimeline(session.engine, id)!;
    expect(timeline.deletionDate).toBe(T0 + 10 * DAY);
    // Ten days (to the deletion date) plus 8% is 10.8 days over 540 px.
    const layout = layoutTimeline(timeline, 556);

    // Six labels fit: a tick every two days.
    expect(round(layout.ticks)).toEqual(["1 Jan", "3 Jan", "5 Jan", "7 Jan", "9 Jan", "11 Jan"].map((label, index) => ({ x: 8 + 100 * index, label })));
    expect(round(layout.bands)).toEqual([
      { x: 8, width: 150, state: "Enabled", tone: "enabled", label: "Enabled" },
      { x: 158, width: 2, state: "PendingDeletion.WithKeyMaterial", tone: "pending-deletion" },
    ]);
    expect(round([layout.ahead!])).toEqual([{ x: 158, width: 350, state: "PendingDeletion.WithKeyMaterial", tone: "pending-deletion", label: "waiting period" }]);
    // The material exists until now; the waiting period is ahead of it.
    expect(round(layout.materials)).toEqual([{ x: 8, width: 150, version: 1, current: true, label: "v1 (current)" }]);
    expect(layout.events.map((event) => [event.eventName, px(event.x), event.lane])).toEqual([
      ["CreateKey", 8, 0],
      ["ScheduleKeyDeletion", 158, 0],
    ]);
    expect(round([layout.now])).toEqual([{ x: 158, at: T0 + 3 * DAY, label: "now", anchor: "start", labelX: 161, lane: 0 }]);
    // The deletion date is the last moment: its label runs left, in the same lane as now's.
    expect(round([layout.deletion!])).toEqual([{ x: 508, at: T0 + 10 * DAY, label: "deletion", anchor: "end", labelX: 505, lane: 0 }]);
    expect(layout.rows.state).toBe(40);
    expect(layout.height).toBe(124);
  });

  it("now and the next rotation close together: their labels take two marker lanes, and the bands move down a lane", () => {
    // Created at T0, now 81 days later, next rotation at 90 days: 97.2 days over 540 px (50 px every 9 days).
    const layout = layoutTimeline(quietKey({ now: T0 + 81 * DAY, nextRotationAt: T0 + 90 * DAY }), 556);
    expect(round([layout.now])).toEqual([{ x: 458, at: T0 + 81 * DAY, label: "now", anchor: "start", labelX: 461, lane: 0 }]);
    expect(round([layout.nextRotation!])).toEqual([{ x: 508, at: T0 + 90 * DAY, label: "next rotation", anchor: "end", labelX: 505, lane: 1 }]);
    expect(layout.ahead).toBeUndefined();
    expect(layout.rows).toMatchObject({ markers: 32, state: 56, material: 92, events: 132 });
    expect(layout.height).toBe(140);
    // Ticks every 30 days (counted from 1970), labelled with the day; 7 Apr (x 536) has no room for its label and is left out.
    expect(layout.ticks.map((tick) => tick.label)).toEqual(["7 Jan", "6 Feb", "8 Mar"]);
  });

  it("a key a few hours old spans at least a day, with ticks every six hours labelled with the hour", () => {
    // Ten hours old: the span is a day, plus 8%: 25.92 hours over 540 px.
    const layout = layoutTimeline(quietKey({ now: T0 + 10 * HOUR }), 556);
    expect(px(layout.end)).toBe(T0 + 25.92 * HOUR);
    expect(round(layout.ticks)).toEqual([
      { x: 8, label: "1 Jan 00:00" },
      { x: 133, label: "1 Jan 06:00" },
      { x: 258, label: "1 Jan 12:00" },
      { x: 383, label: "1 Jan 18:00" },
    ]);
    // 2 Jan 00:00 would fall at x 508, and its label (about 76 px) would run past 556 px: left out.
    expect(px(layout.now.x)).toBe(px(8 + (10 * 540) / 25.92));
  });

  it("a key two years old: ticks every 180 days labelled with the month and year", () => {
    const layout = layoutTimeline(quietKey({ now: T0 + 730 * DAY }), 556);
    // 180-day multiples (from 1970) after 1 Jan 2026 fall on 8 Mar 2026, 4 Sep 2026, 3 Mar 2027, 30 Aug 2027, 26 Feb 2028;
    // the last is 12 px from the right edge, too near for its label.
    expect(layout.ticks.map((tick) => tick.label)).toEqual(["Mar 2026", "Sep 2026", "Mar 2027", "Aug 2027"]);
  });

  it("rotations: one material band per version, end to end, the last current and running to now; rotation events name the version they added", async () => {
    const { session, id } = await keyOfOwn();
    await session.run(`aws kms enable-key-rotation --key-id ${id} --rotation-period-in-days 90`);
    await session.run("clock advance 91d");
    await session.run(`aws kms rotate-key-on-demand --key-id ${id}`);
    const timeline = keyTimeline(session.engine, id)!;
    const layout = layoutTimeline(timeline, 900);

    expect(layout.materials.map((material) => [material.version, material.current])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(px(layout.materials[0]!.x)).toBe(8);
    for (let index = 1; index < layout.materials.length; index++) {
      const before = layout.materials[index - 1]!;
      expect(px(before.x + before.width), `v${index} ends where v${index + 1} begins`).toBe(px(layout.materials[index]!.x));
    }
    const last = layout.materials.at(-1)!;
    // The on-demand rotation is now: the current version is an instant, too narrow for a label.
    expect(px(last.x + last.width)).toBe(px(layout.now.x + 2));
    expect(last.label).toBeUndefined();
    // 90 days of v1 are wide enough for its name.
    expect(layout.materials[0]!.label).toBe("v1");

    expect(layout.events.map((event) => [event.eventName, event.materialVersion])).toEqual([
      ["CreateKey", undefined],
      ["RotateKey", 2],
      ["RotateKeyOnDemand", 3],
    ]);
    // The next automatic rotation is ahead of now and has its marker.
    expect(layout.nextRotation?.at).toBe(timeline.nextRotationAt);
    expect(layout.nextRotation!.x).toBeGreaterThan(layout.now.x);
  });

  it("keeps every event and marker label inside the drawing, and labels in one lane apart", async () => {
    const { session, id } = await keyOfOwn();
    await session.run(`aws kms enable-key-rotation --key-id ${id} --rotation-period-in-days 90`);
    await session.run("clock advance 1d");
    await session.run(`aws kms disable-key --key-id ${id}`);
    await session.run(`aws kms enable-key --key-id ${id}`);
    await session.run("clock advance 91d");
    await session.run(`aws kms rotate-key-on-demand --key-id ${id}`);
    await session.run(`aws kms schedule-key-deletion --key-id ${id} --pending-window-in-days 7`);
    const timeline = keyTimeline(session.engine, id)!;
    for (const width of [480, 640, 900, 1400]) {
      const layout = layoutTimeline(timeline, width);
      const spans = [
        ...layout.events.map((event) => ({ lane: `event ${event.lane}`, ...labelSpan(event, eventText(event)) })),
        ...[layout.now, layout.deletion, layout.nextRotation].flatMap((marker) => (marker ? [{ lane: `marker ${marker.lane}`, ...labelSpan(marker, marker.label) }] : [])),
      ];
      for (const span of spans) {
        expect(span.from, `${width}px`).toBeGreaterThanOrEqual(0);
        expect(span.to, `${width}px`).toBeLessThanOrEqual(width);
      }
      const lanes = new Map<string, typeof spans>();
      for (const span of spans) lanes.set(span.lane, [...(lanes.get(span.lane) ?? []), span]);
      for (const [lane, inLane] of lanes) {
        const sorted = [...inLane].sort((a, b) => a.from - b.from);
        for (let index = 1; index < sorted.length; index++) expect(sorted[index]!.from, `${width}px, ${lane}`).toBeGreaterThan(sorted[index - 1]!.to);
      }
      expect(layout.lanes).toBe(Math.max(...layout.events.map((event) => event.lane)) + 1);
    }
  });

  // Ticks run up to the end of the scale, the 8% kept after the last moment;
  // a tick's label is drawn to its right at 11 px, so the last tick can be too
  // near the edge for its label (found at 556 px, a key after "+91 days").
  it("keeps every tick's label inside the drawing (a key 91 days old)", async () => {
    const { session, id } = await keyOfOwn();
    await session.run("clock advance 91d");
    const layout = layoutTimeline(keyTimeline(session.engine, id)!, 556);
    for (const tick of layout.ticks) expect(tick.x + 3 + labelWidth(tick.label, 11), tick.label).toBeLessThanOrEqual(layout.width);
  });
});

describe("a deleted key's timeline", () => {
  async function scheduledKey() {
    const { session, id } = await keyOfOwn();
    await session.run("clock advance 1d");
    expect((await session.run(`aws kms schedule-key-deletion --key-id ${id} --pending-window-in-days 7`)).exitCode).toBe(0);
    return { session, id, last: keyTimeline(session.engine, id)! };
  }

  it("ends the last timeline seen with a Deleted segment and a DeleteKey event at the deletion date, once KMS has forgotten the key", async () => {
    const { session, id, last } = await scheduledKey();
    expect(last.deletionDate).toBe(T0 + 8 * DAY);
    await session.run("clock advance 8d");
    // The engine forgets the key, as DescribeKey answers NotFoundException.
    expect(keyTimeline(session.engine, id)).toBeUndefined();
    expect((await session.run(`aws kms describe-key --key-id ${id}`)).stderr).toContain("NotFoundException");

    const now = T0 + 9 * DAY;
    expect(session.engine.now).toBe(now);
    const ended = afterDeletion(last, now)!;
    expect(ended.now).toBe(now);
    expect(ended.state).toBe("Deleted");
    expect(ended.segments).toEqual([
      { from: T0, to: T0 + 1 * DAY, state: "Enabled" },
      { from: T0 + 1 * DAY, to: T0 + 8 * DAY, state: "PendingDeletion.WithKeyMaterial" },
      { from: T0 + 8 * DAY, state: "Deleted" },
    ]);
    expect(ended.events).toEqual([
      { at: T0, eventName: "CreateKey", state: "Enabled" },
      { at: T0 + 1 * DAY, eventName: "ScheduleKeyDeletion", state: "PendingDeletion.WithKeyMaterial" },
      { at: T0 + 8 * DAY, eventName: "DeleteKey", state: "Deleted" },
    ]);
    // Nothing is scheduled for a deleted key, and no material is current.
    expect(ended.deletionDate).toBeUndefined();
    expect(ended.nextRotationAt).toBeUndefined();
    expect("deletionDate" in ended).toBe(false);
    expect(ended.materials.map((material) => [material.version, material.current])).toEqual([[1, false]]);
    // What does not change: who the key is and when it was made.
    expect(ended).toMatchObject({ keyId: last.keyId, arn: last.arn, label: last.label, createdAt: T0, historyComplete: true });
    // The last timeline seen is left as it was.
    expect(last.state).toBe("PendingDeletion.WithKeyMaterial");
    expect(last.segments.at(-1)!.to).toBeUndefined();
  });

  it("answers undefined before the deletion date, and for a key never scheduled for deletion; at the deletion date itself the key is deleted", async () => {
    const { last } = await scheduledKey();
    expect(afterDeletion(last, T0 + 5 * DAY)).toBeUndefined();
    expect(afterDeletion(last, T0 + 8 * DAY - 1)).toBeUndefined();
    expect(afterDeletion(last, T0 + 8 * DAY)).toMatchObject({ state: "Deleted", now: T0 + 8 * DAY });
    expect(afterDeletion(quietKey({ now: T0 + DAY }), T0 + 400 * DAY)).toBeUndefined();
  });

  it("drops the next rotation of a key that had rotation on", () => {
    const last = quietKey({
      now: T0 + 2 * DAY,
      state: "PendingDeletion.WithKeyMaterial",
      segments: [
        { from: T0, to: T0 + 2 * DAY, state: "Enabled" },
        { from: T0 + 2 * DAY, state: "PendingDeletion.WithKeyMaterial" },
      ],
      deletionDate: T0 + 9 * DAY,
      nextRotationAt: T0 + 90 * DAY,
    });
    const ended = afterDeletion(last, T0 + 10 * DAY)!;
    expect("nextRotationAt" in ended).toBe(false);
    expect(ended.segments.map((segment) => [segment.state, segment.from, segment.to])).toEqual([
      ["Enabled", T0, T0 + 2 * DAY],
      ["PendingDeletion.WithKeyMaterial", T0 + 2 * DAY, T0 + 9 * DAY],
      ["Deleted", T0 + 9 * DAY, undefined],
    ]);
  });

  it("draws as a Deleted band from the deletion date to now, with the material ending at the deletion date and no deletion marker (a day is 50 px)", async () => {
    const { last } = await scheduledKey();
    // Nine days plus 8% is 9.72 days over 486 px.
    const layout = layoutTimeline(afterDeletion(last, T0 + 9 * DAY)!, 502);
    expect(round(layout.bands)).toEqual([
      { x: 8, width: 50, state: "Enabled", tone: "enabled" },
      { x: 58, width: 350, state: "PendingDeletion.WithKeyMaterial", tone: "pending-deletion", label: "PendingDeletion" },
      { x: 408, width: 50, state: "Deleted", tone: "deleted" },
    ]);
    expect(round(layout.materials)).toEqual([{ x: 8, width: 400, version: 1, current: false, label: "v1" }]);
    expect(layout.ahead).toBeUndefined();
    expect(layout.deletion).toBeUndefined();
    expect(layout.nextRotation).toBeUndefined();
    expect(px(layout.now.x)).toBe(458);
    expect(layout.events.at(-1)).toMatchObject({ eventName: "DeleteKey", x: 408 });
  });
});

describe("the pane's commands", () => {
  const LABELS = ["Disable", "Enable", "Schedule deletion in 7 days", "Cancel deletion", "Rotate every 90 days", "Rotate now (on demand)", "+8 days", "+30 days", "+91 days"] as const;
  type Label = (typeof LABELS)[number];

  it("are grouped by what they change", () => {
    const groups = keyActions("1234abcd-12ab-34cd-56ef-1234567890ab");
    expect(groups.map((group) => [group.title, group.actions.map((action) => action.label)])).toEqual([
      ["Change its state", ["Disable", "Enable", "Schedule deletion in 7 days", "Cancel deletion"]],
      ["Rotate its key material", ["Rotate every 90 days", "Rotate now (on demand)"]],
      ["Move the simulated clock", ["+8 days", "+30 days", "+91 days"]],
    ]);
    for (const action of groups.slice(0, 2).flatMap((group) => group.actions)) expect(action.command, action.label).toMatch(/^aws kms [a-z-]+ --key-id 1234abcd-12ab-34cd-56ef-1234567890ab( |$)/);
  });

  /**
   * What AWS allows in each key state ("Key states of AWS KMS keys"): a
   * disabled key cannot rotate (DisabledException), a key pending deletion
   * can only have its deletion cancelled (KMSInvalidStateException), and
   * there is no deletion to cancel on a key not pending deletion. The clock
   * moves whatever the key's state.
   */
  const ALLOWED: Record<"Enabled" | "Disabled" | "PendingDeletion", { setup: string[]; refused: Partial<Record<Label, string>> }> = {
    Enabled: { setup: [], refused: { "Cancel deletion": "KMSInvalidStateException" } },
    Disabled: { setup: ["disable-key"], refused: { "Cancel deletion": "KMSInvalidStateException", "Rotate every 90 days": "DisabledException", "Rotate now (on demand)": "DisabledException" } },
    PendingDeletion: {
      setup: ["schedule-key-deletion --pending-window-in-days 7"],
      refused: {
        Disable: "KMSInvalidStateException",
        Enable: "KMSInvalidStateException",
        "Schedule deletion in 7 days": "KMSInvalidStateException",
        "Rotate every 90 days": "KMSInvalidStateException",
        "Rotate now (on demand)": "KMSInvalidStateException",
      },
    },
  };

  for (const [state, { setup, refused }] of Object.entries(ALLOWED)) {
    it(`run in the sandbox on a ${state} key: each works where AWS allows it, and is refused where it does not`, async () => {
      for (const label of LABELS) {
        const { session, id } = await keyOfOwn();
        for (const command of setup) expect((await session.run(`aws kms ${command} --key-id ${id}`)).exitCode, command).toBe(0);
        const action = keyActions(id)
          .flatMap((group) => group.actions)
          .find((candidate) => candidate.label === label)!;
        const result = await session.run(action.command);
        const refusal = refused[label];
        if (refusal === undefined) {
          expect(result.exitCode, `${state}: ${action.command}: ${result.stderr}`).toBe(0);
        } else {
          expect(result.exitCode, `${state}: ${action.command}`).not.toBe(0);
          expect(result.stderr, `${state}: ${action.command}`).toContain(refusal);
        }
      }
    });
  }

  it("each does what its label says", async () => {
    const { session, id } = await keyOfOwn();
    const command = (label: Label) =>
      keyActions(id)
        .flatMap((group) => group.actions)
        .find((action) => action.label === label)!.command;
    const state = async () => (await session.run(`aws kms describe-key --key-id ${id} --query KeyMetadata.KeyState --output text`)).stdout.trim();

    await session.run(command("Disable"));
    expect(await state()).toBe("Disabled");
    await session.run(command("Enable"));
    expect(await state()).toBe("Enabled");
    await session.run(command("Schedule deletion in 7 days"));
    expect(await state()).toBe("PendingDeletion");
    expect(keyTimeline(session.engine, id)!.deletionDate).toBe(T0 + 7 * DAY);
    await session.run(command("Cancel deletion"));
    expect(await state()).toBe("Disabled");
    await session.run(command("Enable"));

    await session.run(command("Rotate every 90 days"));
    expect(JSON.parse((await session.run(`aws kms get-key-rotation-status --key-id ${id}`)).stdout)).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 90 });
    await session.run(command("Rotate now (on demand)"));
    expect(keyTimeline(session.engine, id)!.materials).toHaveLength(2);

    await session.run(command("+8 days"));
    expect(session.engine.now).toBe(T0 + 8 * DAY);
    await session.run(command("+30 days"));
    expect(session.engine.now).toBe(T0 + 38 * DAY);
    await session.run(command("+91 days"));
    expect(session.engine.now).toBe(T0 + 129 * DAY);
  });

  it("decryptSampleCommand decrypts a kept sample from any directory and prints its plaintext", async () => {
    const { session, id } = await keyOfOwn();
    const made = encryptSample(session.engine, session.fs, id);
    if (!made.ok) throw new Error(made.failure.message);
    expect(decryptSampleCommand(made.sample.file)).toBe(`aws kms decrypt --ciphertext-blob fileb://~/${made.sample.file} --query Plaintext --output text | base64 --decode`);
    const home = await session.run(decryptSampleCommand(made.sample.file));
    expect(home.exitCode).toBe(0);
    expect(home.stdout).toBe("sample encrypted at 2026-01-01T00:00:00.000Z");
    // The path is under the home directory, so the command works wherever the learner is.
    expect((await session.run("cd /tmp && pwd")).stdout).toBe("/tmp\n");
    // From here the sample's path relative to the home directory finds nothing...
    expect((await session.run(`aws kms decrypt --ciphertext-blob fileb://${made.sample.file} --query Plaintext --output text`)).exitCode).not.toBe(0);
    // ...but the pane's command does.
    const elsewhere = await session.run(decryptSampleCommand(made.sample.file));
    expect(elsewhere.stdout).toBe("sample encrypted at 2026-01-01T00:00:00.000Z");
  });

  it("decryptSampleCommand still decrypts an old sample after the key's material rotated", async () => {
    const { session, id } = await keyOfOwn();
    const made = encryptSample(session.engine, session.fs, id);
    if (!made.ok) throw new Error(made.failure.message);
    await session.run(`aws kms rotate-key-on-demand --key-id ${id}`);
    await session.run("clock advance 1d");
    const result = await session.run(decryptSampleCommand(made.sample.file));
    expect(result.stdout).toBe("sample encrypted at 2026-01-01T00:00:00.000Z");
  });
});
