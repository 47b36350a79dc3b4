import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { KNOWN_PLATFORM_VERSIONS } from '../../facts/platformVersions';
import { platformVersions, viaParam } from './features';

const KNOWN = KNOWN_PLATFORM_VERSIONS;

/** A platform version that Fargate does not know. */
export const unknownPv: LaunchRule = {
  id: 'pv/unknown',
  scope: 'launch',
  severity: 'warning',
  title: 'Unknown Fargate platform version',
  docs: {
    what: 'The platform version is none of LATEST, 1.4.0 (Linux) or 1.0.0 (Windows).',
    why: 'CreateService / RunTask reject a platform version that does not exist.',
    fix: 'Use `LATEST`.',
  },
  check({ launch, doc }) {
    const out: Finding[] = [];
    for (const pv of platformVersions(launch.platformVersion)) {
      if (KNOWN.includes(pv.value)) continue;
      out.push(
        finding(
          this.id,
          pv.node,
          `'${pv.value}'${viaParam(pv.via)} is not a Fargate platform version: Linux has LATEST and 1.4.0, Windows has LATEST and 1.0.0.`,
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
