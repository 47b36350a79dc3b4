import { child, objects, str } from '../../documents/ast';
import type { LaunchRule } from '../types';
import type { Finding, RelatedLocation } from '../../types';
import { containerLabel, finding } from '../util';
import { execFlag, related } from './execLaunch';

const KEYS = ['AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];

/** Static AWS keys in the environment take precedence over the task role for the SSM agent. */
export const execAwsKeysEnv: LaunchRule = {
  id: 'exec/aws-keys-env',
  scope: 'launch',
  severity: 'warning',
  title: 'ECS Exec with AWS keys in the environment',
  docs: {
    what: 'ECS Exec is enabled for containers that set AWS_ACCESS_KEY, AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY.',
    why: 'The SSM agent picks up these credentials before the task role; unless they carry the ssmmessages permissions, exec sessions fail (amazon-ecs-exec-checker checks this).',
    fix: 'Remove the static keys and grant the permissions to the task role instead.',
  },
  check({ launch, targets }) {
    const flag = execFlag(launch);
    if (!flag) return [];
    const rel: RelatedLocation[] = [];
    const found: string[] = [];
    for (const t of targets) {
      t.td.containers.forEach((c, i) => {
        for (const list of ['environment', 'secrets']) {
          for (const item of objects(child(c, list))) {
            const nameNode = child(item, 'name');
            const name = str(nameNode);
            if (!nameNode || !name || !KEYS.includes(name)) continue;
            rel.push(related(t, nameNode, `${containerLabel(c, i)} sets ${name}`));
            found.push(`${name} (${containerLabel(c, i)})`);
          }
        }
      });
    }
    if (rel.length === 0) return [];
    const out: Finding[] = [
      finding(
        this.id,
        flag,
        `ECS Exec is enabled, but ${found.join(', ')} override${found.length === 1 ? 's' : ''} the task role for the SSM agent; exec sessions fail unless those keys allow the ssmmessages actions. Use the task role instead.`,
        { related: rel },
      ),
    ];
    return out;
  },
};
