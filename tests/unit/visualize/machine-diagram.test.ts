import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StateMachineDiagram } from "@/app/_components/diagrams/StateMachineDiagram";
import { machineGraph } from "@/lib/visualize/machine-graph";
import { machineDiagram, stateName } from "@/lib/visualize/machine-diagram";
import { textWidth, wrap } from "@/lib/visualize/machine-layout";
import { describeEvent, machineNames, machines } from "@/lib/visualize/machines";

const render = (props: Parameters<typeof StateMachineDiagram>[0]) => renderToStaticMarkup(createElement(StateMachineDiagram, props));
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

describe.each(machineNames)("the %s entry of the machine registry", (name) => {
  const entry = machines[name];
  const graph = machineGraph(entry.machine);

  it("labels exactly the machine's events and guards", () => {
    expect(Object.keys(entry.events).sort()).toEqual([...graph.eventTypes].sort());
    const guards = new Set([...graph.transitions.flatMap((edge) => edge.events), ...graph.states.flatMap((state) => state.accepts)].flatMap((ref) => (ref.guard ? [ref.guard] : [])));
    expect(Object.keys(entry.guards ?? {}).sort()).toEqual([...guards].sort());
  });

  it("names only states and meta fields the machine has", () => {
    const ids = graph.states.map((state) => state.id);
    for (const start of entry.otherStarts ?? []) expect(ids).toContain(start.state);
    const fields = new Set(graph.states.flatMap((state) => state.facts.map((fact) => fact.name)));
    for (const field of Object.keys(entry.facts ?? {})) expect(fields).toContain(field);
  });
});

describe.each(machineNames.flatMap((name) => [[name, false], [name, true]] as const))("the drawing of %s (compact: %s)", (name, compact) => {
  const model = machineDiagram(name, compact);
  const { layout, graph } = model;
  const html = render({ machine: name, compact });

  it("is an image with a name, with a box for every state and an arrow for every transition", () => {
    expect(html).toContain(`role="img" aria-label="${escape(`${model.title}: a state diagram.`)}"`);
    for (const state of graph.states) expect(html).toContain(`data-state="${state.id}"`);
    for (const edge of graph.transitions) expect(html).toContain(`data-edge="${escape(edge.id)}"`);
  });

  it("lists every state and every 'event: from → to' in its text equivalent", () => {
    const text = html.slice(html.indexOf("<details"));
    for (const state of graph.states) expect(text).toContain(`data-state="${state.id}"`);
    for (const edge of graph.transitions) {
      for (const ref of edge.events) expect(text).toContain(escape(`${describeEvent(machines[name], ref)}: ${stateName(edge.from)} → ${stateName(edge.to)}`));
    }
    for (const state of graph.states) for (const ref of state.accepts) expect(text).toContain(escape(describeEvent(machines[name], ref)));
  });

  it("lays boxes out inside the drawing, without overlaps, each wide enough for its text", () => {
    const boxes = layout.states;
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
      for (const line of [box.title, ...box.facts, ...box.accepts.map((accept) => `• ${accept.text}`)]) expect(textWidth(line, 13)).toBeLessThanOrEqual(box.width);
    }
    const nested = (outer: string, inner: string) => inner.startsWith(`${outer}.`);
    for (const a of boxes) {
      for (const b of boxes) {
        if (a === b || nested(a.id, b.id) || nested(b.id, a.id)) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    }
    if (compact) for (const box of boxes) expect(box.accepts).toEqual([]);
  });

  it("starts every arrow at its source box and ends its head at its target box", () => {
    const near = (x: number, y: number, id: string) => {
      const box = layout.states.find((state) => state.id === id)!;
      return x >= box.x - 2 && x <= box.x + box.width + 2 && y >= box.y - 2 && y <= box.y + box.height + 2;
    };
    for (const edge of layout.edges) {
      const [startX, startY] = edge.path.slice(1).split(/[ LQ]/)[0]!.split(",").map(Number);
      const [tipX, tipY] = edge.arrow.split(" ")[0]!.split(",").map(Number);
      if (edge.from !== null) expect(near(startX!, startY!, edge.from), `${edge.id} starts at ${edge.from}`).toBe(true);
      expect(near(tipX!, tipY!, edge.to), `${edge.id} ends at ${edge.to}`).toBe(true);
    }
  });
});

describe("highlighting the learner's resource", () => {
  it("marks the current state, its parent box, and draws the transition just taken", () => {
    const html = render({ machine: "kms-key", current: "PendingDeletion.WithKeyMaterial", previous: "Disabled" });
    expect(html).toMatch(/<g data-state="PendingDeletion.WithKeyMaterial" class="machine-state machine-state-current" aria-current="true">/);
    expect(html).toContain('data-current="PendingDeletion.WithKeyMaterial"');
    expect(html).toContain('data-edge="Disabled-&gt;PendingDeletion.WithKeyMaterial" class="machine-edge machine-edge-taken"');
    expect(html.match(/machine-edge-taken/g)).toHaveLength(1);
    expect(html).toContain("Current state: PendingDeletion (WithKeyMaterial).");
    expect(html).toContain('role="status">Now PendingDeletion (WithKeyMaterial), from Disabled by ScheduleKeyDeletion.</p>');
    expect(html).toContain("<strong> (current state)</strong>");
  });

  it("takes xstate state values and top-level names as the workspace knows them", () => {
    const html = render({ machine: "kms-key", current: { PendingDeletion: "AwaitingImport" }, previous: "PendingImport" });
    expect(html).toContain('data-edge="PendingImport-&gt;PendingDeletion.AwaitingImport" class="machine-edge machine-edge-taken"');
    const top = render({ machine: "kms-key", current: "Deleted", previous: "PendingDeletion" });
    expect(top).toContain('data-edge="PendingDeletion-&gt;Deleted" class="machine-edge machine-edge-taken"');
  });

  it("highlights nothing for a state the machine does not have, and animates nothing without a previous state", () => {
    expect(render({ machine: "kms-key", current: "Creating" })).not.toContain("aria-current");
    expect(render({ machine: "kms-key", current: "Enabled" })).not.toContain("machine-edge-taken");
  });
});

describe("wrapping labels", () => {
  it("breaks at spaces within the width and keeps long words whole", () => {
    expect(wrap("PutParameter --overwrite (Advanced tier)", 30)).toEqual(["PutParameter --overwrite", "(Advanced tier)"]);
    expect(wrap("GetKeyRotationStatus", 10)).toEqual(["GetKeyRotationStatus"]);
  });
});
