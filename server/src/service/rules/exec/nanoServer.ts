import { child, str } from '../../documents/ast';
import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { execFlag, related } from './execLaunch';

/** ECS Exec does not work in Windows Nano Server containers. */
export const execNanoServer: LaunchRule = {
  id: 'exec/nano-server',
  scope: 'launch',
  severity: 'warning',
  title: 'ECS Exec with a Nano Server image',
  docs: {
    what: 'ECS Exec is enabled for a Windows container whose image is Nano Server.',
    why: 'The ECS Exec documentation lists Windows Nano Server images as unsupported; sessions cannot start there.',
    fix: 'Use a Server Core based image for containers you need to exec into.',
  },
  check({ launch, targets }) {
    const flag = execFlag(launch);
    if (!flag) return [];
    const out: Finding[] = [];
    for (const t of targets) {
      if (!t.td.windows) continue;
      t.td.containers.forEach((c, i) => {
        const img = child(c, 'image');
        if (!img || !/nanoserver/i.test(str(img) ?? '')) return;
        out.push(
          finding(
            this.id,
            flag,
            `ECS Exec is enabled, but ${containerLabel(c, i)} uses a Nano Server image, which ECS Exec does not support. Use a Server Core image to exec into it.`,
            {
              related: [related(t, img, 'Nano Server image')],
            },
          ),
        );
      });
    }
    return out;
  },
};
