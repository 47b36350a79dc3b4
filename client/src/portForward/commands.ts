/**
 * The port-forwarding commands of the exec chunk, free of VS Code: `fargateLens.forwardPort` (tree
 * task or container, or the palette) and `fargateLens.showPortForwards` (the status-bar item, or the
 * palette). The exec handler table (client/src/exec/handlers.ts) includes them, inside the same command
 * guard and redacting UI, so any failure reaches the user as one secret-free message. The list of active
 * forwards is a small port (`ForwardList`), implemented over VS Code in vscodeForwards.ts.
 */
import { guardCommand } from '../commands/guard';
import type { ExecDeps } from '../exec/flow';
import type { Ui } from '../ui/port';
import type { RecentStore } from './choices';
import { chooseForward, startChosen } from './flow';
import type { ActiveForward } from './start';

export interface ForwardList {
  add(forward: ActiveForward): void;
  show(): Promise<void>;
}

export interface PortForwardExtras {
  view: ForwardList;
  portUi: Pick<Ui, 'pick' | 'input'>;
  recent: RecentStore;
  log(line: string): void;
}

type Sink = { error(m: string): void; log?: (line: string) => void };

export function portForwardHandlers(
  deps: ExecDeps,
  sink: Sink,
  extras: PortForwardExtras | undefined,
): Record<'fargateLens.forwardPort' | 'fargateLens.showPortForwards', (arg?: unknown) => Promise<void>> {
  const need = (): PortForwardExtras => {
    if (!extras) throw new Error('port forwarding needs the VS Code window');
    return extras;
  };
  return {
    'fargateLens.forwardPort': guardCommand(
      'fargateLens.forwardPort',
      async (arg?: unknown) => {
        const x = need();
        const full = { ...deps, ...x };
        const chosen = await chooseForward(full, arg);
        if (!chosen) return;
        const where = `${chosen.host ?? chosen.target.containerName}:${chosen.portNumber}`;
        const forward = await deps.ui.withProgress(`Starting port forward to ${where}`, () =>
          startChosen(full, chosen),
        );
        if (forward) x.view.add(forward);
      },
      sink,
      'Port forward failed',
    ),
    'fargateLens.showPortForwards': guardCommand(
      'fargateLens.showPortForwards',
      () => need().view.show(),
      sink,
      'Port forwards',
    ),
  };
}
