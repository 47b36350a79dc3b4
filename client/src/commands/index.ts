/**
 * The registration table: command id → handler. register.ts binds it to VS Code; tests call handlers
 * directly with fake deps. ECS Exec commands are registered by client/src/exec, not here.
 */
import { copyArn } from './copyArn';
import { editTaskDefinition } from './editTaskDefinition';
import { openAsJson } from './openAsJson';
import { openInConsole } from './openInConsole';
import { loadMore, refreshAll, refreshNode } from './refresh';
import { registerTaskDefinition } from './registerTaskDefinition';
import { runTask } from './runTask';
import { selectProfile } from './selectProfile';
import { selectRegions } from './selectRegions';
import { stopTask } from './stopTask';
import { disableExec, enableExec } from './toggleExec';
import type { CommandHandler } from './types';

export const COMMANDS: Readonly<Record<string, CommandHandler>> = {
  'fargateLens.refresh': refreshAll,
  'fargateLens.refreshNode': refreshNode,
  'fargateLens.loadMore': loadMore,
  'fargateLens.selectProfile': selectProfile,
  'fargateLens.selectRegions': selectRegions,
  'fargateLens.runTask': runTask,
  'fargateLens.stopTask': stopTask,
  'fargateLens.openAsJson': openAsJson,
  'fargateLens.editTaskDefinition': editTaskDefinition,
  'fargateLens.registerTaskDefinition': registerTaskDefinition,
  'fargateLens.enableServiceExec': enableExec,
  'fargateLens.disableServiceExec': disableExec,
  'fargateLens.copyArn': copyArn,
  'fargateLens.openInConsole': openInConsole,
};
