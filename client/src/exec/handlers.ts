/**
 * The ECS Exec command handlers by id, free of VS Code (commands.ts supplies the VS Code UI; tests a
 * recorder). Each runs inside the one command guard, with a UI whose every text is redacted, so a
 * failure anywhere (resolving the container, pre-flight, ExecuteCommand, the session) reaches the
 * user as one secret-free message.
 */
import { guardCommand, redactingExecUi } from '../commands/guard';
import type { ChunkCommandId } from '../commands/registry';
import { openShell, type ExecDeps } from './flow';
import { resolveContainer } from './picker';
import { runCommandInContainer } from './runCommand';
import { terminalName } from './target';
import { portForwardHandlers, type PortForwardExtras } from '../portForward/commands';

/** Exactly the ids client/src/commands/registry.ts lists for the exec chunk (compile-checked). */
export type ExecHandlers = Record<ChunkCommandId<'exec'>, (arg?: unknown) => Promise<void>>;
export type PortForwardCommandId = 'fargateLens.forwardPort' | 'fargateLens.showPortForwards';

/**
 * `askCommand` asks for the command line when the argument carries none (undefined: cancelled); it is
 * asked after the container is chosen (target first, then command), with the target in its title.
 */
export function execHandlers(
  deps: ExecDeps,
  askCommand: (target: string) => Promise<string | undefined>,
  log?: (line: string) => void,
  ports?: PortForwardExtras,
): ExecHandlers {
  const ui = redactingExecUi(deps.ui);
  const safe: ExecDeps = { ...deps, ui };
  const sink = { error: (m: string) => ui.showError(m), log };
  return {
    ...portForwardHandlers(safe, sink, ports),
    'fargateLens.openShell': guardCommand(
      'fargateLens.openShell',
      (arg?: unknown) => openShell(safe, arg),
      sink,
      'Open shell failed',
    ),
    'fargateLens.runCommandInContainer': guardCommand(
      'fargateLens.runCommandInContainer',
      async (arg?: unknown) => {
        const given = typeof arg === 'object' && arg !== null ? (arg as { command?: unknown }).command : undefined;
        const target = await resolveContainer(arg, safe.apiFor, ui, safe.defaultTarget, 'Run command');
        if (!target) return;
        const command = typeof given === 'string' && given ? given : await askCommand(terminalName(target));
        if (!command) return;
        await ui.withProgress(`Running "${command}" in ${target.containerName}`, (cancellation) =>
          runCommandInContainer(safe, target, command, cancellation),
        );
      },
      sink,
      'Run command in container failed',
    ),
  };
}
