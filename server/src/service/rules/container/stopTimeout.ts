import type { TaskDefRule } from '../types';
import { checkContainerRange } from './rangeCheck';

/** On Fargate, `stopTimeout` is 2–120 seconds. */
export const stopTimeout: TaskDefRule = {
  id: 'ctr/stop-timeout',
  scope: 'taskdef',
  severity: 'error',
  title: 'stopTimeout out of range on Fargate',
  docs: {
    what: "On Fargate, a container's `stopTimeout` (seconds between SIGTERM and SIGKILL) is 2–120; the default is 30.",
    why: 'The API documents 2–120 seconds for Fargate; other values are rejected.',
    fix: 'Use a value from 2 to 120.',
  },
  needs: { container: ['stopTimeout'] },
  check(ctx) {
    return checkContainerRange(this.id, ctx, 'stopTimeout', 2, 120, 'Fargate allows 2–120 seconds (default 30).');
  },
};
