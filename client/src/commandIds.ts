/**
 * The command ids activation registers before their code is loaded (client/src/lazy.ts): the explorer
 * chunk's table (client/src/commands/index.ts) and the ECS Exec chunk's (client/src/exec/commands.ts).
 * A unit test checks these against the tables and package.json's contributes.commands.
 */
export const EXPLORER_COMMAND_IDS = [
  'fargateLens.refresh',
  'fargateLens.refreshNode',
  'fargateLens.loadMore',
  'fargateLens.selectProfile',
  'fargateLens.selectRegions',
  'fargateLens.runTask',
  'fargateLens.stopTask',
  'fargateLens.openAsJson',
  'fargateLens.editTaskDefinition',
  'fargateLens.registerTaskDefinition',
  'fargateLens.enableServiceExec',
  'fargateLens.disableServiceExec',
  'fargateLens.copyArn',
  'fargateLens.openInConsole',
] as const;

export const EXEC_COMMAND_IDS = ['fargateLens.openShell', 'fargateLens.runCommandInContainer'] as const;
