import { createRoot, type Root } from "react-dom/client";
import { currentSandboxTarget, type SandboxTarget } from "@/lib/terminal/bridge";
import { PaneRequests } from "../workspace/pane-requests";
import { DockedSandbox } from "./DockedSandbox";

/**
 * Opens the docked sandbox panel at the bottom of a page (or shows it again
 * after Close) and returns where to type commands. Loaded on the first
 * "Run in sandbox" click; commands given before the panel is up wait in
 * the inbox.
 */
let root: Root | undefined;
let isOpen = false;
const inbox: string[] = [];
const paneRequests = new PaneRequests();

export function openDock(scenario: string, opener: HTMLElement | null): SandboxTarget {
  if (!isOpen) {
    isOpen = true;
    if (!root) {
      const element = document.createElement("div");
      element.id = "sandbox-dock";
      document.body.append(element);
      root = createRoot(element);
    }
    root.render(
      <DockedSandbox
        scenario={scenario}
        inbox={inbox}
        paneRequests={paneRequests}
        onClose={() => {
          isOpen = false;
          root?.render(null);
          opener?.focus();
        }}
      />,
    );
  }
  return {
    typeCommands(text) {
      const target = currentSandboxTarget();
      if (target) target.typeCommands(text);
      else inbox.push(text);
    },
    showPane(pane) {
      paneRequests.request(pane);
    },
  };
}
