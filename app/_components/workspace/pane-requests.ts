/**
 * Asks a workspace to show a pane (a chapter's "Step through it in the
 * sandbox" button names one). A request carries a counter, so asking for the
 * same pane twice shows it twice.
 */
export class PaneRequests {
  private latest: { pane: string; count: number } | undefined;
  private readonly listeners = new Set<() => void>();

  get current(): { pane: string; count: number } | undefined {
    return this.latest;
  }

  request(pane: string): void {
    this.latest = { pane, count: (this.latest?.count ?? 0) + 1 };
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
