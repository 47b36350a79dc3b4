/**
 * The explorer chunk's handlers, by the ids client/src/commands/registry.ts lists for it: the type
 * requires exactly those (a missing or extra id is a compile error). register.ts binds them to their
 * deps; tests call handlers directly with fake deps.
 */
import { copyArn } from './copyArn';
import { diagnose } from './diagnose';
import { verifyAgainstAccount } from './verify';
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
import { compareWithRegisteredRevision } from '../deploy/commands/compare';
import { deployFile } from '../deploy/commands/deployFile';
import { refreshDrift } from '../deploy/commands/refreshDrift';
import {
  desiredCount,
  forceDeployment,
  rollBack,
  setCircuitBreaker,
  showServiceEvents,
  updateServiceRevision,
  watchRolloutCommand,
} from '../deploy/commands/serviceOps';
import type { ChunkCommandId } from './registry';
import type { CommandHandler } from './types';

export const COMMANDS: Readonly<Record<ChunkCommandId<'explorer'>, CommandHandler>> = {
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
  'fargateLens.compareWithRegistered': compareWithRegisteredRevision,
  'fargateLens.deployTaskDefinitionFile': deployFile,
  'fargateLens.refreshDrift': refreshDrift,
  'fargateLens.updateServiceRevision': updateServiceRevision,
  'fargateLens.forceNewDeployment': forceDeployment,
  'fargateLens.setDesiredCount': desiredCount,
  'fargateLens.rollBackService': rollBack,
  'fargateLens.setCircuitBreaker': setCircuitBreaker,
  'fargateLens.watchRollout': watchRolloutCommand,
  'fargateLens.showServiceEvents': showServiceEvents,
  'fargateLens.diagnose': diagnose,
  'fargateLens.verifyAgainstAccount': verifyAgainstAccount,
};
