/**
 * THE command registry, as data: every command the extension contributes, once. Activation
 * (client/src/lazy.ts) registers each id at once as a thin forwarder; the handler lives in the chunk
 * the entry names and is loaded on first use. The title, icon and menus are in package.json
 * (contributes.commands / menus); a unit test checks both lists name the same ids, and that a
 * trusted-only command's menus and palette entry say `isWorkspaceTrusted`.
 *
 * To add a command: an entry here, a `contributes.commands` entry in package.json, and a handler in
 * its chunk's table (client/src/commands/index.ts for `explorer`, client/src/exec/commands.ts for
 * `exec`, client/src/logs/view/handlers.ts for `logs`) whose type requires exactly the ids listed here for that chunk.
 */
import type { LogChannelId } from '../ui/logChannels';

export type CommandChunk = 'explorer' | 'exec' | 'logs' | 'core';

export interface CommandSpec {
  readonly id: string;
  /** Where the handler is: a lazily loaded chunk, or `core` (registered by activation itself). */
  readonly chunk: CommandChunk;
  /** Runs only in a trusted workspace (its AWS calls would be driven by workspace content). */
  readonly trustedOnly?: boolean;
  /** The channel its failures are logged to and its "Show Logs" button opens (default: aws). */
  readonly log?: LogChannelId;
}

export const COMMAND_SPECS = [
  { id: 'fargateLens.refresh', chunk: 'explorer' },
  { id: 'fargateLens.refreshNode', chunk: 'explorer' },
  { id: 'fargateLens.loadMore', chunk: 'explorer' },
  { id: 'fargateLens.selectProfile', chunk: 'explorer' },
  { id: 'fargateLens.selectRegions', chunk: 'explorer' },
  { id: 'fargateLens.runTask', chunk: 'explorer' },
  { id: 'fargateLens.stopTask', chunk: 'explorer' },
  { id: 'fargateLens.openAsJson', chunk: 'explorer' },
  { id: 'fargateLens.editTaskDefinition', chunk: 'explorer' },
  { id: 'fargateLens.registerTaskDefinition', chunk: 'explorer', trustedOnly: true },
  { id: 'fargateLens.enableServiceExec', chunk: 'explorer' },
  { id: 'fargateLens.disableServiceExec', chunk: 'explorer' },
  { id: 'fargateLens.copyArn', chunk: 'explorer' },
  { id: 'fargateLens.openInConsole', chunk: 'explorer' },
  // From a file to a running service (client/src/deploy): the file commands send what a workspace file
  // says to AWS, so they are trusted-only; the service operations act on the account from the explorer.
  { id: 'fargateLens.compareWithRegistered', chunk: 'explorer', trustedOnly: true },
  { id: 'fargateLens.deployTaskDefinitionFile', chunk: 'explorer', trustedOnly: true },
  { id: 'fargateLens.refreshDrift', chunk: 'explorer', trustedOnly: true },
  { id: 'fargateLens.updateServiceRevision', chunk: 'explorer' },
  { id: 'fargateLens.forceNewDeployment', chunk: 'explorer' },
  { id: 'fargateLens.setDesiredCount', chunk: 'explorer' },
  { id: 'fargateLens.rollBackService', chunk: 'explorer' },
  { id: 'fargateLens.setCircuitBreaker', chunk: 'explorer' },
  { id: 'fargateLens.watchRollout', chunk: 'explorer' },
  { id: 'fargateLens.showServiceEvents', chunk: 'explorer' },
  // Why did it stop? On a stopped task, a service or from the palette (also offered after a failed rollout).
  { id: 'fargateLens.diagnose', chunk: 'explorer' },
  // Pre-deploy verification of the open file against the account: sends what the file references.
  { id: 'fargateLens.verifyAgainstAccount', chunk: 'explorer', trustedOnly: true },
  { id: 'fargateLens.openShell', chunk: 'exec', log: 'exec' },
  { id: 'fargateLens.runCommandInContainer', chunk: 'exec', log: 'exec' },
  // Port forwarding through a task (client/src/portForward): same chunk, same agent, same pre-flight.
  { id: 'fargateLens.forwardPort', chunk: 'exec', log: 'exec' },
  { id: 'fargateLens.showPortForwards', chunk: 'exec', log: 'exec' },
  { id: 'fargateLens.showContainerLogs', chunk: 'logs' },
  { id: 'fargateLens.followContainerLogs', chunk: 'logs' },
  { id: 'fargateLens.showPreviousContainerLogs', chunk: 'logs' },
  { id: 'fargateLens.restartServer', chunk: 'core', log: 'server' },
  { id: 'fargateLens.showLogs', chunk: 'core' },
  { id: 'fargateLens.openSettings', chunk: 'core' },
] as const satisfies readonly CommandSpec[];

type Spec = (typeof COMMAND_SPECS)[number];
export type CommandId = Spec['id'];
/** The ids whose handlers a chunk must provide. */
export type ChunkCommandId<C extends CommandChunk> = Extract<Spec, { chunk: C }>['id'];

export function specsOf(chunk: CommandChunk): readonly CommandSpec[] {
  return COMMAND_SPECS.filter((s) => s.chunk === chunk);
}
