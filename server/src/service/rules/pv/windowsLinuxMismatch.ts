import { str } from '../../documents/ast';
import type { LaunchRule } from '../types';
import { finding, fix } from '../util';

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
    const node = launch.platformVersion;
    const win = targets.find((t) => t.td.windows);
    if (!node || str(node) !== '1.4.0' || !win) return [];
    return [finding(this.id, node, `Task definition '${win.td.label}' runs Windows, whose only Fargate platform version is 1.0.0; 1.4.0 is a Linux platform version. Use LATEST.`, {
      related: [{ uri: win.uri, span: win.td.span, message: 'Windows task definition' }],
      fixes: [fix('Set platformVersion to LATEST', [doc.edits.replaceValue(node, 'LATEST')], true)],
    })];
  },
};
