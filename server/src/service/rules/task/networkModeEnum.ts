import { child } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { checkEnum } from './common';

export const NETWORK_MODES = ['awsvpc', 'bridge', 'host', 'none'] as const;

/** `networkMode` takes the API's enumeration (lower case). */
export const networkModeEnum: TaskDefRule = {
  id: 'task/network-mode-enum',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid networkMode',
  docs: {
    what: `\`networkMode\` is one of ${NETWORK_MODES.join(', ')}.`,
    why: 'RegisterTaskDefinition rejects other values; they are case-sensitive (lower case).',
    fix: 'Use one of the listed values in lower case.',
  },
  check({ td, doc }) {
    if (!td.root) return [];
    return checkEnum({
      ruleId: this.id,
      doc,
      node: child(td.root, 'networkMode'),
      allowed: NETWORK_MODES,
      what: 'networkMode',
      why: 'RegisterTaskDefinition rejects it.',
    });
  },
};
