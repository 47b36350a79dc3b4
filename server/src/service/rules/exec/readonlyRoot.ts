import { bool, prop } from '../../documents/ast';
import type { LaunchRule } from '../types';
import { containersFinding } from './execLaunch';

/** A read-only root file system keeps the SSM agent from writing its state. */
export const execReadonlyRoot: LaunchRule = {
  id: 'exec/readonly-root',
  scope: 'launch',
  severity: 'warning',
  title: 'ECS Exec with a read-only root file system',
  docs: {
    what: 'ECS Exec is enabled for a task definition in which a container sets `readonlyRootFilesystem: true`.',
    why: 'The SSM agent that ECS Exec bind-mounts into the container writes to its file system; with a read-only root it cannot start, so exec sessions fail (aws/containers-roadmap#1359).',
    fix: 'Mount writable volumes at /managed-agents, /var/lib/amazon/ssm and /var/log/amazon/ssm, or turn off readonlyRootFilesystem in containers you need to exec into.',
  },
  check(ctx) {
    return containersFinding(
      this.id,
      ctx,
      (_t, c, label) => {
        const p = prop(c, 'readonlyRootFilesystem');
        if (!p || bool(p.value) !== true) return undefined;
        return { node: p.value, note: `${label} has a read-only root file system` };
      },
      (names) =>
        `ECS Exec is enabled, but ${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} readonlyRootFilesystem: true; the SSM agent cannot write its state there, so exec sessions into ${names.length === 1 ? 'it' : 'them'} fail. Add writable volumes at /managed-agents, /var/lib/amazon/ssm and /var/log/amazon/ssm.`,
    );
  },
};
