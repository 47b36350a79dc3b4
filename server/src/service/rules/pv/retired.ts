import { str } from '../../documents/ast';
import type { LaunchRule } from '../types';
import { finding, fix } from '../util';
import { RETIRED_LINUX } from './features';

/** Fargate Linux platform versions 1.0.0-1.3.0 are retired (1.3.0 since 2026-03-16). */
export const retired: LaunchRule = {
  id: 'pv/retired',
  scope: 'launch',
  severity: 'error',
  title: 'Retired Fargate platform version',
  docs: {
    what: 'The launch input pins Fargate Linux platform version 1.0.0, 1.1.0, 1.2.0 or 1.3.0.',
    why: 'AWS retired 1.0.0-1.2.0 on 2020-12-14 and 1.3.0 on 2026-03-16 (remaining 1.3.0 tasks were stopped on 2026-03-31); new tasks cannot be launched on them.',
    fix: 'Use `LATEST` (1.4.0) or `1.4.0`.',
  },
  check({ launch, targets, doc }) {
    const node = launch.platformVersion;
    const pv = str(node);
    if (!node || !pv || !RETIRED_LINUX.includes(pv)) return [];
    // 1.0.0 is the current Windows platform version: not retired there.
    if (pv === '1.0.0' && targets.some((t) => t.td.windows)) return [];
    return [finding(this.id, node, `Fargate platform version ${pv} is retired (${pv === '1.3.0' ? 'since 2026-03-16' : 'since 2020-12-14'}); tasks can no longer be launched on it. Use LATEST (1.4.0).`, {
      fixes: [fix('Set platformVersion to LATEST', [doc.edits.replaceValue(node, 'LATEST')], true)],
    })];
  },
};
