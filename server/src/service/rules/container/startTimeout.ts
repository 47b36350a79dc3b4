import type { TaskDefRule } from '../types';
import { checkContainerRange } from './rangeCheck';

/** On Fargate, `startTimeout` is 2–120 seconds. */
export const startTimeout: TaskDefRule = {
  id: 'ctr/start-timeout',
  scope: 'taskdef',
  severity: 'error',
  title: 'startTimeout out of range on Fargate',
  docs: {
    what: "On Fargate, a container's `startTimeout` (how long ECS waits for its dependencies to reach their condition) is 2–120.",
    why: 'The API documents 2–120 seconds for Fargate; other values are rejected.',
    fix: 'Use a value from 2 to 120.',
  },
  needs: { container: ['startTimeout'] },
  check(ctx) {
    return checkContainerRange(this.id, ctx, 'startTimeout', 2, 120, 'Fargate allows 2–120 seconds.');
  },
};
