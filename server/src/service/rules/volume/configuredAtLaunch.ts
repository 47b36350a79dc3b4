import { bool, child, isArray, objects, prop, str, type Property } from '../../documents/ast';
import type { TaskDefModel } from '../../shapes/model';
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
    what: 'At most one volume has `configuredAtLaunch: true`, every service or run-task input that launches such a task definition supplies `volumeConfigurations` naming it, and (the reverse) every volume a launch input configures is a volume of the task definition configured at launch.',
    why: 'The ECS API (Volume.configuredAtLaunch): "Each task definition revision may only have one volume configured at launch in the volume configuration. To configure a volume at launch time, use this task definition revision and specify a volumeConfigurations object when calling the CreateService, UpdateService, RunTask or StartTask APIs." The EBS volume itself is described only at launch, so a launch without `volumeConfigurations` has nothing to attach.',
    fix: 'Keep one volume with `configuredAtLaunch: true`; add `volumeConfigurations` (name = that volume, `managedEBSVolume` settings) to the CreateService / RunTask input.',
  },
  check({ td, launches }) {
    const flagged: { p: Property; i: number }[] = [];
    td.volumes.forEach((v, i) => {
      const p = prop(v, 'configuredAtLaunch');
      if (p && bool(p.value) === true) flagged.push({ p, i });
    });
    if (flagged.length === 0) return launches.length ? unmatchedConfigs(this.id, td, launches) : [];
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
    out.push(...unmatchedConfigs(this.id, td, launches));
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

/**
 * The reverse direction: a launch input's `volumeConfigurations` naming a volume the task definition
 * does not configure at launch (ECS API ServiceVolumeConfiguration.name / TaskVolumeConfiguration.name:
 * "This value must match the volume name from the Volume object in the task definition", and only a
 * volume with `configuredAtLaunch: true` takes its configuration at launch).
 */
function unmatchedConfigs(id: string, td: TaskDefModel, launches: readonly LinkedLaunch[]): Finding[] {
  const out: Finding[] = [];
  if (td.volumes.some((v) => v.unknown || child(v, 'name')?.unknown || child(v, 'configuredAtLaunch')?.unknown))
    return out;
  const atLaunch = new Set(
    td.volumes.filter((v) => bool(child(v, 'configuredAtLaunch')) === true).map((v) => str(child(v, 'name'))),
  );
  for (const l of launches) {
    if (!LAUNCH_KINDS.includes(l.launch.kind)) continue;
    for (const c of objects(child(l.launch.node, 'volumeConfigurations'))) {
      const n = child(c, 'name');
      const name = str(n);
      if (!n || n.unknown || name === undefined || atLaunch.has(name)) continue;
      const volume = td.volumes.find((v) => str(child(v, 'name')) === name);
      const anchor = volume ? (prop(volume, 'configuredAtLaunch') ?? prop(volume, 'name') ?? volume) : td.span;
      out.push(
        finding(
          id,
          anchor,
          `${l.launch.label} supplies volumeConfigurations for '${name}', but ${volume ? `volume '${name}' of this task definition is not configured at launch (configuredAtLaunch: true)` : `this task definition has no volume '${name}'`}. The name must match a volume of the task definition that is configured at launch, so the launch fails.`,
          {
            related: [{ uri: l.uri, span: n, message: `${l.launch.label} names the volume here` }],
          },
        ),
      );
    }
  }
  return out;
}
