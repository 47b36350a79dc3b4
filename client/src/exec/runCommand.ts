/**
 * "Run Command in Container": runs one command through the container's /bin/sh with an exit-code
 * marker (commandLine.ts), streams its output to the output channel without the marker, and resolves
 * with the exit code. When the image has no /bin/sh it says so and runs the command as it is, whose
 * exit code ECS Exec does not report. The session gets a terminal size like every session: without a
 * terminal session-manager-plugin sends 300×100 (`shellsession/shellsession.go` `handleTerminalResize`),
 * and a 0×0 pty breaks programs that format for the screen.
 */
import { ExitMarkerFilter, missingShell, newMarker, SHELL, shellSyntaxIn, wrapInShell } from './commandLine';
import { channelFor, check, execute, pluginCommand, type Checked, type ExecDeps, type ExecSettings } from './flow';
import { runPlugin } from './plugin';
import { terminalName } from './target';
import type { Cancellation } from '../ui/port';
import { agentErrorText } from './terminal';

export const RUN_COMMAND_TIMEOUT_MS = 10 * 60 * 1000;
export const RUN_COMMAND_SIZE = { cols: 300, rows: 100 };

/** How one ExecuteCommand run ended. */
interface Run {
  exitCode?: number;
  /** The container has no /bin/sh for the wrapper. */
  noShell?: boolean;
  /** Reported already (ExecuteCommand refused, connection failed…). */
  failed?: boolean;
  /** Cancelled by the user. */
  cancelled?: boolean;
}

/**
 * Runs one command, streaming what it prints to the command output ("Fargate Lens: Command Output";
 * pre-flight and session events stay in the ECS Exec log); resolves with its exit code.
 * `cancellation` (the progress notification's Cancel) closes the session.
 */
export async function runCommandInContainer(
  deps: ExecDeps,
  arg: unknown,
  command: string,
  cancellation?: Cancellation,
): Promise<number | undefined> {
  const checked = await check(deps, arg, () => runCommandInContainer(deps, arg, command), 'Run command');
  if (!checked || cancellation?.cancelled) return undefined;
  deps.ui.showCommandOutput();
  deps.ui.commandOutput(`$ ${command}   (${terminalName(checked.target)})\n`);
  const marker = newMarker();
  let run = await runOnce(deps, checked, wrapInShell(command, marker), marker, cancellation);
  let direct = false;
  if (run.noShell) {
    direct = true;
    const syntax = shellSyntaxIn(command);
    deps.ui.commandOutput(
      `[the container has no ${SHELL}: running the command as it is, without a shell` +
        `${syntax.length ? ` — ${syntax.join(', ')} will reach the program as plain words` : ''}]\n`,
    );
    run = await runOnce(deps, checked, command, undefined, cancellation);
  }
  if (run.cancelled) deps.ui.commandOutput('\n[cancelled]\n');
  if (run.failed || run.cancelled) return undefined;
  const why = direct ? 'ECS Exec does not report it for a command run without a shell' : 'no exit status came back';
  deps.ui.commandOutput(`\n[exit code ${run.exitCode ?? `unknown: ${why}`}]\n`);
  return run.exitCode;
}

async function runOnce(
  deps: ExecDeps,
  checked: Checked,
  command: string,
  marker: string | undefined,
  cancellation: Cancellation | undefined,
): Promise<Run> {
  const settings = deps.settings();
  if (cancellation?.cancelled) return { cancelled: true };
  const s = await execute(deps, checked, command);
  if (!s) return { failed: true };
  const filter = marker ? new ExitMarkerFilter(marker) : undefined;
  const show = (text: string) => {
    const shown = filter ? filter.push(text) : text;
    if (shown) deps.ui.commandOutput(shown.replace(/\r\n/g, '\n'));
  };
  const flush = () => show(filter?.end() ?? '');
  if (settings.useSessionManagerPlugin) return runWithPlugin(deps, s, settings, show, flush, marker);
  const channel = channelFor(s, (line) => deps.ui.output(`[exec] ${line}\n`), deps.proxy?.());
  channel.resize(RUN_COMMAND_SIZE.cols, RUN_COMMAND_SIZE.rows);
  const decoder = new TextDecoder('utf-8');
  let exitCode: number | undefined;
  channel.onOutput((b) => show(decoder.decode(b, { stream: true })));
  channel.onExit((c) => void (exitCode = c)); // only agents running it without a pty send one
  let cancelled = false;
  cancellation?.onCancel(() => {
    cancelled = true;
    channel.close();
  });
  const closed = new Promise<{ problem?: string; agentError?: string }>((resolve) => {
    const timer = setTimeout(() => {
      channel.close();
      resolve({ problem: `timed out after ${RUN_COMMAND_TIMEOUT_MS / 60000} minutes` });
    }, RUN_COMMAND_TIMEOUT_MS);
    channel.onClose((c) => {
      clearTimeout(timer);
      if (c.reason === 'channel_closed') resolve({ agentError: agentErrorText(c.message) });
      else resolve(c.reason === 'client_closed' ? {} : { problem: c.message ?? c.reason });
    });
  });
  try {
    await channel.open();
    const end = await closed;
    flush();
    if (cancelled) return { cancelled: true };
    if (marker && missingShell(end.agentError)) return { noShell: true };
    const problem = end.problem ?? end.agentError;
    if (problem) {
      deps.ui.showError(`Run command in ${s.target.containerName}: ${problem}`);
      if (end.agentError) deps.ui.commandOutput(`${end.agentError}\n`);
    }
  } catch (e) {
    deps.ui.showError(s.redactor.error('ECS Exec connection failed', e).message);
    return { failed: true };
  } finally {
    channel.close();
    await s.api.terminateSession(s.session.sessionId).catch(() => undefined);
  }
  return { exitCode: filter?.code ?? exitCode };
}

/** The same through session-manager-plugin; its own exit status says nothing about the command's. */
async function runWithPlugin(
  deps: ExecDeps,
  s: NonNullable<Awaited<ReturnType<typeof execute>>>,
  settings: ExecSettings,
  show: (text: string) => void,
  flush: () => void,
  marker: string | undefined,
): Promise<Run> {
  let seen = '';
  try {
    await runPlugin(pluginCommand(s, settings), (t) => {
      const text = s.redactor.redact(t);
      seen = (seen + text).slice(-4096);
      show(text);
    });
    flush();
    if (marker && missingShell(seen)) return { noShell: true };
    return { exitCode: marker ? exitCodeFrom(seen, marker) : undefined };
  } catch (e) {
    deps.ui.showError(s.redactor.error('session-manager-plugin failed', e).message);
    return { failed: true };
  } finally {
    await s.api.terminateSession(s.session.sessionId).catch(() => undefined);
  }
}

function exitCodeFrom(text: string, marker: string): number | undefined {
  const m = new RegExp(`${marker}:(-?\\d+)`).exec(text);
  return m ? Number(m[1]) : undefined;
}
