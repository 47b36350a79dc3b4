import { bool, child, isArray, objects, prop, str, type Property } from '../../documents/ast';
import type { LinkedLaunch, TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { volumeLabel } from './volumes';

/** Launch inputs that can (and must) describe the volume configured at launch. */
const LAUNCH_KINDS = ['create-service', 'run-task', 'cfn-service'];

/**
 * `vol/configured-at-launch`: at most one volume configured at launch (error), and every linked
 * create-service / run-task input supplies `volumeConfigurations` for it (warning, with related
 * information pointing at the launch input, usually another file).
 */
export const volConfiguredAtLaunch: TaskDefRule = {
  id: 'vol/configured-at-launch',
  scope: 'taskdef',
  severity: 'error',
  title: 'Volume configured at launch',
  docs: {
    what: 'At most one volume has `configuredAtLaunch: true`, and every service or run-task input that launches such a task definition supplies `volumeConfigurations` naming it.',
    why: 'The ECS API (Volume.configuredAtLaunch): "Each task definition revision may only have one volume configured at launch in the volume configuration. To configure a volume at launch time, use this task definition revision and specify a volumeConfigurations object when calling the CreateService, UpdateService, RunTask or StartTask APIs." The EBS volume itself is described only at launch, so a launch without `volumeConfigurations` has nothing to attach.',
    fix: 'Keep one volume with `configuredAtLaunch: true`; add `volumeConfigurations` (name = that volume, `managedEBSVolume` settings) to the CreateService / RunTask input.',
  },
  needs: { volume: ['configuredAtLaunch'] },
  check({ td, launches }) {
    const flagged: { p: Property; i: number }[] = [];
    td.volumes.forEach((v, i) => {
      const p = prop(v, 'configuredAtLaunch');
      if (p && bool(p.value) === true) flagged.push({ p, i });
    });
    if (flagged.length === 0) return [];
    const first = volumeLabel(td.volumes[flagged[0].i], flagged[0].i);
    const out: Finding[] = [];
    for (const { p, i } of flagged.slice(1)) {
      out.push(
        finding(
          this.id,
          p,
          `${volumeLabel(td.volumes[i], i)}: only one volume per task definition can be configured at launch, and ${first} already is. Set configuredAtLaunch to false here or remove the volume.`,
        ),
      );
    }
    const name = str(child(td.volumes[flagged[0].i], 'name'));
    for (const l of launches) {
      const problem = launchProblem(l, name);
      if (!problem) continue;
      out.push(
        finding(
          this.id,
          flagged[0].p,
          `${first} is configured at launch, but ${l.launch.label} ${problem}; the EBS volume is only described at launch, so it cannot be attached. Add volumeConfigurations with name '${name ?? '<volume>'}' and managedEBSVolume settings there.`,
          {
            severity: 'warning',
            related: [
              { uri: l.uri, span: l.launch.anchor, message: `${l.launch.label} launches this task definition` },
            ],
          },
        ),
      );
    }
    return out;
  },
};

function launchProblem(l: LinkedLaunch, name: string | undefined): string | undefined {
  if (!LAUNCH_KINDS.includes(l.launch.kind)) return undefined;
  const vc = prop(l.launch.node, 'volumeConfigurations');
  if (
    vc &&
    (vc.value.unknown || (isArray(vc.value) && vc.value.items.some((i) => i.unknown || child(i, 'name')?.unknown)))
  )
    return undefined;
  const configs = objects(vc?.value);
  if (configs.length === 0) return 'supplies no volumeConfigurations';
  const names = configs.map((c) => str(child(c, 'name')));
  if (name && names.every((n) => n !== undefined) && !names.includes(name))
    return `names ${names.map((n) => `'${n}'`).join(', ')} in volumeConfigurations, not '${name}'`;
  return undefined;
}
