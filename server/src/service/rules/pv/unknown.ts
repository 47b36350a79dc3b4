import { str } from '../../documents/ast';
import type { LaunchRule } from '../types';
import { finding, fix } from '../util';
import { RETIRED_LINUX } from './features';

const KNOWN = ['LATEST', '1.4.0', '1.0.0', ...RETIRED_LINUX];

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
    const node = launch.platformVersion;
    const pv = str(node);
    if (!node || pv === undefined || KNOWN.includes(pv)) return [];
    return [finding(this.id, node, `'${pv}' is not a Fargate platform version: Linux has LATEST and 1.4.0, Windows has LATEST and 1.0.0.`, {
      fixes: [fix('Set platformVersion to LATEST', [doc.edits.replaceValue(node, 'LATEST')], true)],
    })];
  },
};
