import { at, bool } from '../../documents/ast';
import type { LaunchRule } from '../types';
import type { Finding, RelatedLocation } from '../../types';
import { containerLabel, finding } from '../util';
import { execFlag, related } from './execLaunch';

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
  check({ launch, targets }) {
    const flag = execFlag(launch);
    if (!flag) return [];
    const rel: RelatedLocation[] = [];
    const names: string[] = [];
    for (const t of targets) {
      if (t.td.windows) continue;
      t.td.containers.forEach((c, i) => {
        const node = at(c, 'linuxParameters', 'initProcessEnabled');
        if (node && (node.unknown || bool(node) === true)) return;
        const name = at(c, 'name') ?? c;
        rel.push(related(t, name, `${containerLabel(c, i)} has no init process`));
        names.push(containerLabel(c, i));
      });
    }
    if (rel.length === 0) return [];
    const out: Finding[] = [
      finding(
        this.id,
        flag,
        `ECS Exec is enabled; ${names.join(', ')} ${names.length === 1 ? 'runs' : 'run'} without initProcessEnabled, so processes left by exec sessions become zombies. Consider linuxParameters.initProcessEnabled: true.`,
        { related: rel },
      ),
    ];
    return out;
  },
};
