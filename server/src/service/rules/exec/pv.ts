import { str } from '../../documents/ast';
import { launchIsFargate } from '../../shapes/model';
import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { RETIRED_LINUX } from '../pv/features';
import { finding, fix } from '../util';
import { execFlag } from './execLaunch';

/** ECS Exec on Fargate needs Linux platform version 1.4.0 (Windows 1.0.0). */
export const execPv: LaunchRule = {
  id: 'exec/pv',
  scope: 'launch',
  severity: 'error',
  title: 'ECS Exec needs platform version 1.4.0',
  docs: {
    what: 'A launch input enables ECS Exec on Fargate Linux with a platform version below 1.4.0.',
    why: 'ECS Exec is supported on Fargate Linux platform version 1.4.0 and later (Windows 1.0.0); older platform versions have no managed SSM agent.',
    fix: 'Set `platformVersion` to `LATEST` or `1.4.0`.',
  },
  check({ launch, targets, doc }) {
    const flag = execFlag(launch);
    const node = launch.platformVersion;
    const pv = str(node);
    if (!flag || !node || !pv || !RETIRED_LINUX.includes(pv) || launchIsFargate(launch) === false) return [];
    if (targets.length > 0 && targets.every((t) => t.td.windows)) return [];
    const out: Finding[] = [];
    out.push(
      finding(
        this.id,
        node,
        `${launch.label} enables ECS Exec, which on Fargate Linux needs platform version 1.4.0 or later; ${pv} has no managed SSM agent. Set platformVersion to LATEST.`,
        {
          related: [
            { uri: doc.uri, span: { offset: flag.offset, length: flag.length }, message: 'ECS Exec enabled here' },
          ],
          fixes: [fix('Set platformVersion to LATEST', [doc.edits.replaceValue(node, 'LATEST')], true)],
        },
      ),
    );
    return out;
  },
};
