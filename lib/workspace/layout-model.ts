/**
 * The arrangement of the workspace's panes: which panes sit in which tab
 * group, and how the groups split the space. The shape is
 * react-resizable-panels' WorkspaceModel, kept in the browser so the
 * learner's arrangement survives a reload.
 */

export interface PaneTabData {
  pane: string;
}

/** The arrangement a learner starts with on /sandbox: the terminal on the left, panes on the right. */
export function defaultPageLayout(titleOf: (pane: string) => string) {
  const tab = (pane: string) => ({ id: pane, title: titleOf(pane), data: { pane }, ...(pane === "terminal" ? { disableClose: true } : {}) });
  return {
    version: 1 as const,
    root: {
      type: "split" as const,
      orientation: "horizontal" as const,
      children: [
        { type: "tabset" as const, id: "main", size: 50, tabs: [tab("terminal")], selectedId: "terminal" },
        {
          type: "split" as const,
          orientation: "vertical" as const,
          size: 50,
          children: [
            { type: "tabset" as const, id: "side-top", size: 55, tabs: [tab("resources"), tab("activity")], selectedId: "resources" },
            { type: "tabset" as const, id: "side-bottom", size: 45, tabs: [tab("clock"), tab("envelope"), tab("rotation"), tab("key-lifecycle"), tab("machines")], selectedId: "clock" },
          ],
        },
      ],
    },
  };
}

/** The docked panel on chapter pages: the terminal and one group of panes beside it. */
export function defaultDockLayout(titleOf: (pane: string) => string) {
  const tab = (pane: string) => ({ id: pane, title: titleOf(pane), data: { pane }, ...(pane === "terminal" ? { disableClose: true } : {}) });
  return {
    version: 1 as const,
    root: {
      type: "split" as const,
      orientation: "horizontal" as const,
      children: [
        { type: "tabset" as const, id: "main", size: 60, tabs: [tab("terminal")], selectedId: "terminal" },
        { type: "tabset" as const, id: "side", size: 40, tabs: [tab("resources"), tab("activity"), tab("clock"), tab("envelope"), tab("rotation"), tab("key-lifecycle"), tab("machines")], selectedId: "resources" },
      ],
    },
  };
}

/**
 * A lab's workspace, beside its guide: the terminal over the panes that only
 * look (resources, activity, clock; the clock's buttons type commands). The
 * visualisers are left out: they change the sandbox without a command, and a
 * lab is graded by replaying its commands.
 */
export const LAB_PANES = ["resources", "activity", "clock"] as const;

export function defaultLabLayout(titleOf: (pane: string) => string) {
  const tab = (pane: string) => ({ id: pane, title: titleOf(pane), data: { pane }, ...(pane === "terminal" ? { disableClose: true } : {}) });
  return {
    version: 1 as const,
    root: {
      type: "split" as const,
      orientation: "vertical" as const,
      children: [
        { type: "tabset" as const, id: "main", size: 62, tabs: [tab("terminal")], selectedId: "terminal" },
        { type: "tabset" as const, id: "side", size: 38, tabs: LAB_PANES.map(tab), selectedId: "activity" },
      ],
    },
  };
}

/** Tab ids present anywhere in a model (layout and floating). */
export function openPanes(model: { root: unknown; floating?: unknown[] | undefined }): Set<string> {
  const ids = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const record = node as { type?: string; tabs?: { id: string }[]; children?: unknown[] };
    if (record.type === "tabset") for (const tab of record.tabs ?? []) ids.add(tab.id);
    for (const child of record.children ?? []) walk(child);
  };
  walk(model.root);
  for (const floating of model.floating ?? []) walk(floating);
  return ids;
}
