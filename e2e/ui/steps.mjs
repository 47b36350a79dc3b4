// UI-level checks driven with Playwright on the real workbench, one step per feature, in the order they run:
// steps share the window, and a later step may use what an earlier one left (stop task stops the task run task
// started). Each step waits for workbench events (elements appearing) with a timeout, never for a fixed time, and
// saves screenshots. A step whose feature is not in the extension yet (per package.json / the source tree) is
// skipped with the reason. Add a step to the file of its concept under steps/ and list it here; what steps share
// is in helpers.mjs.
import { workbench, diagnostics, quickFix, completion } from './steps/editor.mjs';
import { explorerClusters, runTask, stopTask, profileRegion } from './steps/explorer.mjs';
import { ecsExec, portForward } from './steps/sessions.mjs';
import { deployFromFile, whyStopped, verifyAccount } from './steps/account.mjs';
import { followLogs } from './steps/logs.mjs';

export { notified, quickOpen, runCommand } from './helpers.mjs';

/** @type {import('./helpers.mjs').UiStep[]} */
export const steps = [
  workbench,
  diagnostics,
  explorerClusters,
  quickFix,
  completion,
  runTask,
  stopTask,
  ecsExec,
  deployFromFile,
  portForward,
  whyStopped,
  verifyAccount,
  followLogs,
  profileRegion,
];
