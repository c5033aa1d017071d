/**
 * The panes of the sandbox workspace, by id: what chapters may name in
 * <OpenInSandbox pane="..."> and what the workspace's pane registry
 * (app/_components/workspace/panes.tsx) must implement, no more, no less.
 */
export const paneIds = ["resources", "activity", "clock", "envelope", "machines", "rotation", "key-lifecycle"] as const;
export type SidePaneId = (typeof paneIds)[number];
