/**
 * The rollouts being watched, by service ARN, for the explorer's service nodes (treeItems shows the
 * latest snapshot while a watch runs, and the final phase until the node is refreshed).
 */
import type { RolloutSnapshot } from './rollout';

export class RolloutStore {
  private readonly byService = new Map<string, RolloutSnapshot>();
  private readonly listeners = new Set<(serviceArn: string) => void>();

  get(serviceArn: string): RolloutSnapshot | undefined {
    return this.byService.get(serviceArn);
  }

  set(serviceArn: string, snap: RolloutSnapshot | undefined): void {
    if (snap) this.byService.set(serviceArn, snap);
    else this.byService.delete(serviceArn);
    for (const l of this.listeners) l(serviceArn);
  }

  onDidChange(listener: (serviceArn: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
