import { child, isArray, objects, prop, str } from '../../documents/ast';
import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { CONFIGURED_AT_LAUNCH_DOCS, launchConfiguredVolume } from '../volume/configuredAtLaunch';

/** Launch inputs that can (and must) describe the volume configured at launch. */
const KINDS = ['create-service', 'run-task', 'cfn-service'];

/**
 * Launch side of `vol/configured-at-launch`: a task definition with a volume configured at launch needs
 * `volumeConfigurations` naming it. Same id as the task-definition side (one catalogue entry, two views).
 */
export const volumeConfigurationsSupplied: LaunchRule = {
  id: 'vol/configured-at-launch',
  scope: 'launch',
  severity: 'error',
  title: 'Volume configured at launch',
  docs: CONFIGURED_AT_LAUNCH_DOCS,
  check({ launch, targets }) {
    if (!KINDS.includes(launch.kind)) return [];
    const out: Finding[] = [];
    for (const t of targets) {
      const vol = launchConfiguredVolume(t.td.volumes);
      if (!vol) continue;
      const related = [{ uri: t.uri, span: { offset: vol.prop.keySpan.offset, length: vol.prop.keySpan.length }, message: `volume${vol.name ? ` '${vol.name}'` : ''} is configured at launch` }];
      const vcProp = prop(launch.node, 'volumeConfigurations');
      if (vcProp && (vcProp.value.unknown || (isArray(vcProp.value) && vcProp.value.items.some((i) => i.unknown || child(i, 'name')?.unknown)))) continue;
      const configs = objects(vcProp?.value);
      if (configs.length === 0) {
        out.push(finding(this.id, vcProp ?? launch.anchor, `Task definition '${t.td.label}' has volume${vol.name ? ` '${vol.name}'` : ''} configured at launch, but ${launch.label} supplies no volumeConfigurations; the EBS volume is only described at launch, so it cannot be attached. Add volumeConfigurations with name '${vol.name ?? '<volume>'}' and managedEBSVolume settings.`, { severity: 'warning', related }));
        continue;
      }
      const names = configs.map((c) => str(child(c, 'name')));
      if (vol.name && !names.includes(vol.name) && names.every((n) => n !== undefined)) {
        const at = child(configs[0], 'name') ?? vcProp!;
        out.push(finding(this.id, at, `volumeConfigurations name ${names.map((n) => `'${n}'`).join(', ')} does not match the volume configured at launch in task definition '${t.td.label}' ('${vol.name}'). Use '${vol.name}'.`, { severity: 'warning', related }));
      }
    }
    return out;
  },
};
