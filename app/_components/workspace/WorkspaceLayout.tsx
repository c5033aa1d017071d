"use client";

import { memo, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { normalizeWorkspaceModel, Separator, TabsetMaximizeButton, useParentTabset, useParentTabsetState, useParentWorkspace, useWorkspaceRef, Workspace, type TabNode, type TabRenderProps, type WorkspaceModel, type WorkspaceNode } from "react-resizable-panels";
import { defaultDockLayout, defaultLabLayout, defaultPageLayout, LAB_PANES, openPanes, type PaneTabData } from "@/lib/workspace/layout-model";
import { browserStorage } from "../terminal/hosts";
import { isPaneId, PANES, paneTitle, SIDE_PANES, type PaneId } from "./panes";
import type { PaneRequests } from "./pane-requests";
import "./workspace.css";

/**
 * The workspace's panes around the terminal. On a wide screen they are tab
 * groups the learner arranges (drag a tab onto another group or an edge to
 * split it, drag the separators or focus them and use the arrow keys, close
 * a pane and open it again from a group's "Add pane" menu, maximise a
 * group); the arrangement is kept in the browser. On a narrow screen the
 * panes stack under the terminal.
 */
const WIDE = "(min-width: 56rem)";

function useWide(): boolean {
  return useSyncExternalStore(
    (listener) => {
      const query = window.matchMedia(WIDE);
      query.addEventListener("change", listener);
      return () => query.removeEventListener("change", listener);
    },
    () => window.matchMedia(WIDE).matches,
    () => true,
  );
}

type LayoutMode = "page" | "dock" | "lab";

/** The panes a mode offers: all of them, or in a lab only those that change nothing. */
function panesOf(mode: LayoutMode): Exclude<PaneId, "terminal">[] {
  return mode === "lab" ? [...LAB_PANES] : SIDE_PANES;
}

function loadLayout(storageKey: string, mode: LayoutMode): WorkspaceModel<PaneTabData> {
  const fallback = (mode === "page" ? defaultPageLayout : mode === "lab" ? defaultLabLayout : defaultDockLayout)((pane) => (isPaneId(pane) ? paneTitle(pane) : pane));
  const allowed = new Set<string>(["terminal", ...panesOf(mode)]);
  try {
    const saved = browserStorage()?.getItem(storageKey);
    if (saved) {
      const model = normalizeWorkspaceModel<PaneTabData>(JSON.parse(saved), {
        // Panes that no longer exist are dropped; titles come from the code, not the save.
        mapTab: (tab) => {
          const pane = (tab.data as PaneTabData | undefined)?.pane;
          return isPaneId(pane) && allowed.has(pane) ? { ...tab, title: paneTitle(pane) } : null;
        },
      });
      if (model && openPanes(model).has("terminal")) return model;
    }
  } catch {
    // A damaged arrangement: start from the default one.
  }
  return normalizeWorkspaceModel<PaneTabData>(fallback) ?? (fallback as unknown as WorkspaceModel<PaneTabData>);
}

export const WorkspaceLayout = memo(function WorkspaceLayout({
  mode,
  terminal,
  storageKey,
  onReset,
  paneRequests,
}: {
  mode: LayoutMode;
  terminal: ReactNode;
  storageKey: string;
  onReset?: (reset: () => void) => void;
  /** Requests to show a pane (from a chapter's button). */
  paneRequests?: PaneRequests;
}) {
  const wide = useWide();
  const workspaceRef = useWorkspaceRef<PaneTabData>();
  const requested = useSyncExternalStore(
    (listener) => paneRequests?.subscribe(listener) ?? (() => undefined),
    () => paneRequests?.current,
    () => undefined,
  );
  const [model, setModel] = useState<WorkspaceModel<PaneTabData> | undefined>();
  const [generation, setGeneration] = useState(0);
  useEffect(() => setModel(loadLayout(storageKey, mode)), [storageKey, mode, generation]);

  // Show a requested pane: select its tab, or open it beside the terminal when it is closed.
  useEffect(() => {
    const workspace = workspaceRef.current;
    if (!requested || !workspace || !isPaneId(requested.pane) || requested.pane === "terminal") return;
    const pane = requested.pane;
    if (openPanes(workspace.getModel()).has(pane)) workspace.selectTab(pane);
    else {
      const side = findTabset(workspace.getModel().root, (tabset) => !tabset.tabs.some((tab) => tab.id === "terminal"));
      workspace.addTab({ id: pane, title: PANES[pane].title, data: { pane } }, { select: true, ...(side ? { tabsetId: side } : {}) });
    }
  }, [requested, workspaceRef, model]);

  const resetLayout = useCallback(() => {
    try {
      browserStorage()?.removeItem(storageKey);
    } catch {
      // Nothing saved to remove.
    }
    setGeneration((value) => value + 1);
  }, [storageKey]);
  useEffect(() => onReset?.(resetLayout), [onReset, resetLayout]);

  // The tab contents stay mounted across renders: the terminal element is read through a ref, so a new one never re-renders every tab.
  const terminalRef = useRef(terminal);
  terminalRef.current = terminal;
  const renderTabContent = useCallback((tab: TabNode<PaneTabData>) => <PaneBody pane={tab.data.pane as PaneId} terminal={<TerminalSlot source={terminalRef} />} />, []);
  const open = useMemo(() => (model ? openPanes(model) : new Set<string>()), [model]);
  const saveModel = useCallback(
    (next: WorkspaceModel<PaneTabData>) => {
      setModel(next);
      try {
        browserStorage()?.setItem(storageKey, JSON.stringify(next));
      } catch {
        // The arrangement holds for this page.
      }
    },
    [storageKey],
  );
  const renderToolbar = useCallback(() => <TabsetToolbar closed={panesOf(mode).filter((pane) => !open.has(pane))} />, [open, mode]);

  if (!wide) return <StackedPanes terminal={terminal} mode={mode} requested={requested?.pane} />;
  if (!model) return null;
  return (
    <Workspace<PaneTabData>
      key={generation}
      workspaceRef={workspaceRef}
      className="ws h-full min-h-0"
      defaultModel={model}
      onModelChanged={saveModel}
      // The terminal is always mounted (commands sent to it run even while another pane covers it); other panes mount when first shown.
      lazyTabContent={mountsLazily}
      hiddenTabBehavior="keep-mounted"
      tabsetMinWidth="14rem"
      tabsetMinHeight="6rem"
      classNames={CLASS_NAMES}
      renderSeparator={renderSeparator}
      renderTab={renderTab}
      renderTabsetToolbar={renderToolbar}
      renderTabContent={renderTabContent}
    />
  );
});

// Stable props: the Workspace re-renders its tabsets when they change.
const CLASS_NAMES = { tabset: "ws-tabset", header: "ws-header", tabList: "ws-tablist", tab: "ws-tab", toolbar: "ws-toolbar", tabPanels: "ws-panels", tabContent: "ws-content", dropIndicator: "ws-drop", dragPreview: "ws-drag" };

function renderSeparator(orientation: "horizontal" | "vertical") {
  return <Separator className={`ws-separator ws-separator-${orientation}`} aria-label="Resize panes" />;
}

function mountsLazily(tab: TabNode<PaneTabData>): boolean {
  return tab.data.pane !== "terminal";
}

function renderTab(tab: TabNode<PaneTabData>, props: TabRenderProps) {
  return <div {...props}>{tab.title}</div>;
}

/** The id of the first tab group (in layout order) that `accept`s. */
function findTabset(node: WorkspaceNode<PaneTabData>, accept: (tabset: Extract<WorkspaceNode<PaneTabData>, { type: "tabset" }>) => boolean): string | undefined {
  if (node.type === "tabset") return accept(node) ? node.id : undefined;
  for (const child of node.children) {
    const found = findTabset(child, accept);
    if (found) return found;
  }
  return undefined;
}

function TerminalSlot({ source }: { source: { current: ReactNode } }) {
  return <>{source.current}</>;
}

function PaneBody({ pane, terminal }: { pane: PaneId; terminal: ReactNode }) {
  if (pane === "terminal") return <div className="h-full min-h-0">{terminal}</div>;
  const Component = PANES[pane].component;
  return (
    <div className="h-full min-h-0 overflow-auto" role="region" aria-label={`${PANES[pane].title} pane`} data-testid={`pane-${pane}`}>
      <Suspense fallback={<p className="p-2 text-sm text-slate-600 dark:text-slate-400">Loading {PANES[pane].title}…</p>}>
        <Component />
      </Suspense>
    </div>
  );
}

/**
 * A group's toolbar: open a closed pane here, close the pane shown (the
 * Delete key on a focused tab does the same; the terminal stays), maximise
 * the group.
 */
function TabsetToolbar({ closed }: { closed: Exclude<PaneId, "terminal">[] }) {
  const tabset = useParentTabset<PaneTabData>();
  const state = useParentTabsetState();
  const workspace = useParentWorkspace<PaneTabData>();
  const id = useId();
  const selected = state?.selectedTabId;
  return (
    <div className="flex items-center gap-1 pr-1">
      {closed.length > 0 && tabset ? (
        <>
          <label htmlFor={id} className="sr-only">
            Add a pane to this group
          </label>
          <select
            id={id}
            value=""
            onChange={(event) => {
              const pane = event.target.value as Exclude<PaneId, "terminal">;
              if (pane) tabset.addTab({ id: pane, title: PANES[pane].title, data: { pane } });
            }}
            className="ws-add rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
          >
            <option value="">+ Add pane</option>
            {closed.map((pane) => (
              <option key={pane} value={pane}>
                {PANES[pane].title}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {selected && selected !== "terminal" && isPaneId(selected) ? (
        <button type="button" className="ws-icon" aria-label={`Close the ${paneTitle(selected)} pane`} title={`Close ${paneTitle(selected)}`} onClick={() => workspace?.closeTab(selected)}>
          ×
        </button>
      ) : null}
      <TabsetMaximizeButton className="ws-icon" title={({ isMaximized }) => (isMaximized ? "Restore the layout" : "Maximise this group")}>
        {({ isMaximized }) => (isMaximized ? "⤡" : "⤢")}
      </TabsetMaximizeButton>
    </div>
  );
}

/** Narrow screens: the terminal, then every pane in a section that opens and closes. */
function StackedPanes({ terminal, mode, requested }: { terminal: ReactNode; mode: LayoutMode; requested?: string | undefined }) {
  const [openPane, setOpenPane] = useState<string | undefined>(requested ?? (mode === "page" ? "resources" : undefined));
  useEffect(() => {
    if (requested) setOpenPane(requested);
  }, [requested]);
  return (
    <div className="flex h-full min-h-0 flex-col gap-2 overflow-auto">
      <div className={mode === "dock" ? "h-[60%] min-h-[12rem] shrink-0" : "h-[60vh] min-h-[18rem] shrink-0"}>{terminal}</div>
      {panesOf(mode).map((pane) => (
        <details
          key={pane}
          open={openPane === pane}
          onToggle={(event) => {
            const isOpen = (event.currentTarget as HTMLDetailsElement).open;
            if (isOpen) setOpenPane(pane);
            else if (openPane === pane) setOpenPane(undefined);
          }}
          className="shrink-0 rounded-lg border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-950"
        >
          <summary className="cursor-pointer px-3 py-2 text-sm font-semibold">
            {PANES[pane].title} <span className="font-normal text-slate-600 dark:text-slate-400">· {PANES[pane].description}</span>
          </summary>
          {openPane === pane ? <PaneBody pane={pane} terminal={null} /> : null}
        </details>
      ))}
    </div>
  );
}
