import { bool, child, prop, type ObjectNode, type Property } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { RuleDocs } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { volumeLabel } from './volumes';

export const CONFIGURED_AT_LAUNCH_DOCS: RuleDocs = {
  what: 'At most one volume has `configuredAtLaunch: true`, and every service or run-task input that launches such a task definition supplies `volumeConfigurations`.',
  why: 'ECS allows a single volume configured at launch per task definition (RegisterTaskDefinition rejects more); the EBS volume itself is described only at launch, so a launch without `volumeConfigurations` has nothing to attach.',
  fix: 'Keep one volume with `configuredAtLaunch: true`; add `volumeConfigurations` (name = that volume, `managedEBSVolume` settings) to the CreateService / RunTask input.',
};

/** Task-definition side of `vol/configured-at-launch` (the launch side lives in rules/service). */
export const volConfiguredAtLaunch: TaskDefRule = {
  id: 'vol/configured-at-launch',
  scope: 'taskdef',
  severity: 'error',
  title: 'Volume configured at launch',
  docs: CONFIGURED_AT_LAUNCH_DOCS,
  check({ td }) {
    const flagged: { p: Property; i: number }[] = [];
    td.volumes.forEach((v, i) => {
      const p = prop(v, 'configuredAtLaunch');
      if (p && bool(p.value) === true) flagged.push({ p, i });
    });
    if (flagged.length < 2) return [];
    const first = volumeLabel(td.volumes[flagged[0].i], flagged[0].i);
    const out: Finding[] = [];
    for (const { p, i } of flagged.slice(1)) {
      out.push(finding(this.id, p, `${volumeLabel(td.volumes[i], i)}: only one volume per task definition can be configured at launch, and ${first} already is. Set configuredAtLaunch to false here or remove the volume.`));
    }
    return out;
  },
};

/** Name of the task definition's volume configured at launch, if there is one. */
export function launchConfiguredVolume(volumes: readonly ObjectNode[]): { name?: string; prop: Property } | undefined {
  for (const v of volumes) {
    const p = prop(v, 'configuredAtLaunch');
    if (p && bool(p.value) === true) {
      const n = child(v, 'name');
      return { name: n && n.type === 'string' && !n.unknown ? String(n.value) : undefined, prop: p };
    }
  }
  return undefined;
}
