import { launchIsFargate } from '../../shapes/model';
import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { platformVersions, RETIRED_LINUX, viaParam } from './features';

/** A Fargate launch pinned to a platform version instead of LATEST. */
export const notLatest: LaunchRule = {
  id: 'pv/not-latest',
  scope: 'launch',
  severity: 'info',
  title: 'Fargate platform version pinned',
  docs: {
    what: 'A Fargate service, task set, run-task input or scheduled target sets `platformVersion` to a version number (1.4.0, 1.0.0) instead of LATEST. Retired versions are `pv/retired` (error).',
    why: 'A pinned version does not move to the next platform version (kernel and runtime updates) when AWS releases one. Compliance checks ask for LATEST: Control Tower CT.ECS.PR.1, Security Hub ECS.10, Checkov CKV_AWS_332. Today LATEST is 1.4.0 (Linux) and 1.0.0 (Windows), so the pinned task runs the same platform: information.',
    fix: 'Set `platformVersion` to LATEST, or omit it (the default).',
  },
  check({ launch, doc }) {
    if (launchIsFargate(launch) !== true) return [];
    const out: Finding[] = [];
    for (const pv of platformVersions(launch.platformVersion)) {
      if (pv.value === 'LATEST' || RETIRED_LINUX.includes(pv.value) || !/^\d+\.\d+\.\d+$/.test(pv.value)) continue;
      out.push(
        finding(
          this.id,
          pv.node,
          `platformVersion ${pv.value}${viaParam(pv.via)} is pinned: the tasks stay on it when AWS releases a newer platform version (Control Tower CT.ECS.PR.1). Use LATEST.`,
          {
            fixes: pv.via ? [] : [fix('Set platformVersion to LATEST', [doc.edits.replaceValue(pv.node, 'LATEST')])],
          },
        ),
      );
    }
    return out;
  },
};
