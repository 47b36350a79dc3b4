/**
 * The port-forwarding commands of the exec chunk: `fargateLens.forwardPort` (tree task or container,
 * or the palette) and `fargateLens.showPortForwards` (the status-bar item, or the palette). Each runs in
 * the one command guard, with the redacting UI, so any failure reaches the user as one secret-free
 * message; starting shows progress.
 */
import { guardCommand } from '../commands/guard';
import type { PortForwardCommandId } from '../exec/handlers';
import { chooseForward, startChosen, type PortForwardDeps } from './flow';
import { ForwardsView } from './vscodeForwards';

export function portForwardHandlers(
  deps: PortForwardDeps,
): Record<PortForwardCommandId, (arg?: unknown) => Promise<void>> & { view: ForwardsView } {
  const view = new ForwardsView((line) => deps.log(line));
  const sink = { error: (m: string) => deps.ui.showError(m), log: (l: string) => deps.log(l) };
  return {
    view,
    'fargateLens.forwardPort': guardCommand(
      'fargateLens.forwardPort',
      async (arg?: unknown) => {
        const chosen = await chooseForward(deps, arg);
        if (!chosen) return;
        const where = `${chosen.host ?? chosen.target.containerName}:${chosen.portNumber}`;
        const forward = await deps.ui.withProgress(`Starting port forward to ${where}`, () =>
          startChosen(deps, chosen),
        );
        if (forward) view.add(forward);
      },
      sink,
      'Port forward failed',
    ),
    'fargateLens.showPortForwards': guardCommand(
      'fargateLens.showPortForwards',
      () => view.show(),
      sink,
      'Port forwards',
    ),
  };
}
