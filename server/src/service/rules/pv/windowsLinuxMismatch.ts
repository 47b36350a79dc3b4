import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { platformVersions, viaParam } from './features';

/** Windows task definitions run on Fargate Windows platform version 1.0.0; 1.4.0 is a Linux number. */
export const windowsLinuxMismatch: LaunchRule = {
  id: 'pv/windows-linux-mismatch',
  scope: 'launch',
  severity: 'error',
  title: 'Linux platform version for a Windows task',
  docs: {
    what: 'A Windows task definition is launched with platform version 1.4.0 (a Linux platform version).',
    why: 'Fargate Windows has only platform version 1.0.0; its numbers are unrelated to the Linux ones.',
    fix: 'Use `LATEST` or `1.0.0`.',
  },
  check({ launch, targets, doc }) {
    const win = targets.find((t) => t.td.windows);
    if (!win) return [];
    const out: Finding[] = [];
    for (const pv of platformVersions(launch.platformVersion)) {
      if (pv.value !== '1.4.0') continue;
      out.push(
        finding(
          this.id,
          pv.node,
          `Task definition '${win.td.label}' runs Windows, whose only Fargate platform version is 1.0.0; 1.4.0${viaParam(pv.via)} is a Linux platform version. Use LATEST.`,
          {
            related: [{ uri: win.uri, span: win.td.span, message: 'Windows task definition' }],
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
