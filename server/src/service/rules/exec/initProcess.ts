import { at, bool } from '../../documents/ast';
import type { LaunchRule } from '../types';
import { containersFinding } from './execLaunch';

/** Advice: with ECS Exec, run an init process so exec'd processes are reaped. */
export const execInitProcess: LaunchRule = {
  id: 'exec/init-process',
  scope: 'launch',
  severity: 'info',
  title: 'ECS Exec without an init process',
  docs: {
    what: 'ECS Exec is enabled for containers without `linuxParameters.initProcessEnabled: true`.',
    why: 'The ECS Exec documentation recommends an init process: processes started by exec sessions are otherwise left as zombies when sessions end.',
    fix: 'Set `linuxParameters.initProcessEnabled: true` in the task definition.',
  },
  check(ctx) {
    return containersFinding(
      this.id,
      ctx,
      (t, c, label) => {
        if (t.td.windows) return undefined;
        const node = at(c, 'linuxParameters', 'initProcessEnabled');
        if (node && (node.unknown || bool(node) === true)) return undefined;
        return { node: at(c, 'name') ?? c, note: `${label} has no init process` };
      },
      (names) =>
        `ECS Exec is enabled; ${names.join(', ')} ${names.length === 1 ? 'runs' : 'run'} without initProcessEnabled, so processes left by exec sessions become zombies. Consider linuxParameters.initProcessEnabled: true.`,
    );
  },
};
