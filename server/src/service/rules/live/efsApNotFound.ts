import type { TaskDefRule } from '../types';

/** Documentation entry for the access-point half of the live EFS check (reported by efsFsNotFound). */
export const efsApNotFound: TaskDefRule = {
  id: 'efs/ap-not-found',
  scope: 'taskdef',
  severity: 'warning',
  title: 'EFS access point not in the connected account',
  docs: {
    what: 'While connected to AWS, an `accessPointId` that is not an access point of the referenced file system in the connected account and region.',
    why: 'The mount fails at task start when the access point does not exist or belongs to another file system.',
    fix: 'Use an access point of that file system (completion offers them).',
  },
  check: () => [],
};
