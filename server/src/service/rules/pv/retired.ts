import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { RETIRED_SINCE } from '../../facts/platformVersions';
import { platformVersions, RETIRED_LINUX, viaParam } from './features';

/** Fargate Linux platform versions 1.0.0-1.3.0 are retired (1.3.0 since 2026-03-16). */
export const retired: LaunchRule = {
  id: 'pv/retired',
  scope: 'launch',
  severity: 'error',
  title: 'Retired Fargate platform version',
  docs: {
    what: 'The launch input pins Fargate Linux platform version 1.0.0, 1.1.0, 1.2.0 or 1.3.0.',
    why: 'AWS retired 1.0.0-1.2.0 on 2020-12-14 and 1.3.0 on 2026-03-16 (remaining 1.3.0 tasks were stopped on 2026-03-31; "Fargate platform version deprecation" page of the Amazon ECS Developer Guide); CreateService / RunTask no longer launch tasks on them.',
    fix: 'Use `LATEST` (1.4.0) or `1.4.0`.',
  },
  check({ launch, targets, doc }) {
    const out: Finding[] = [];
    for (const pv of platformVersions(launch.platformVersion)) {
      if (!RETIRED_LINUX.includes(pv.value)) continue;
      // 1.0.0 is the current Windows platform version: not retired there.
      if (pv.value === '1.0.0' && targets.some((t) => t.td.windows)) continue;
      const since = `since ${RETIRED_SINCE[pv.value]}`;
      out.push(
        finding(
          this.id,
          pv.node,
          `Fargate platform version ${pv.value}${viaParam(pv.via)} is retired (${since}); tasks can no longer be launched on it. Use LATEST (1.4.0).`,
          {
            fixes: pv.via
              ? []
              : [fix('Set platformVersion to LATEST', [doc.edits.replaceValue(pv.node, 'LATEST')], true)],
          },
        ),
      );
    }
    return out;
  },
};
