import { bool, child, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { volumeLabel } from './volumes';

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
/** Volume kinds for which the API requires a name. */
const NEEDS_NAME = ['efsVolumeConfiguration', 's3filesVolumeConfiguration'];

/** Volume names: valid characters, unique, present where the API requires them. */
export const volName: TaskDefRule = {
  id: 'vol/name',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid or duplicate volume name',
  docs: {
    what: 'Each volume `name` matches `^[A-Za-z0-9_-]{1,255}$`, is unique in the task definition, and is present for EFS, S3 Files and `configuredAtLaunch` volumes.',
    why: 'RegisterTaskDefinition rejects invalid or duplicate volume names; containers refer to volumes by name in `mountPoints[].sourceVolume`.',
    fix: 'Use letters, digits, `_` and `-` only (up to 255 characters), and give each volume its own name.',
  },
  check({ td }) {
    const out: Finding[] = [];
    const seen = new Map<string, number>();
    td.volumes.forEach((v, i) => {
      const nameProp = prop(v, 'name');
      const name = nameProp?.value;
      if (!nameProp || name?.type === 'null') {
        const needy =
          NEEDS_NAME.find((k) => prop(v, k)) ??
          (bool(child(v, 'configuredAtLaunch')) === true ? 'configuredAtLaunch' : undefined);
        if (needy) {
          const p = prop(v, needy)!;
          out.push(
            finding(
              this.id,
              p,
              `${volumeLabel(v, i)} has no name; a volume with ${needy} must be named so that mountPoints[].sourceVolume can refer to it. Add a "name".`,
            ),
          );
        }
        return;
      }
      if (!name || name.unknown || name.type !== 'string') return;
      const value = String(name.value);
      if (!NAME.test(value)) {
        out.push(
          finding(
            this.id,
            name,
            `Volume name '${value}' is invalid: up to 255 letters, digits, hyphens and underscores are allowed. RegisterTaskDefinition rejects it.`,
          ),
        );
      }
      const first = seen.get(value);
      if (first !== undefined) {
        out.push(
          finding(
            this.id,
            name,
            `Volume name '${value}' is declared twice (also volume #${first + 1}); volume names must be unique within a task definition. Rename or remove one.`,
          ),
        );
      } else seen.set(value, i);
    });
    return out;
  },
};
