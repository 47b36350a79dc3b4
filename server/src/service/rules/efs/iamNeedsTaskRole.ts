import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { efsVolumes, iamEnabled } from './efsVolumes';

/** EFS IAM authorization mounts with the task role; without one there is no identity to authorize. */
export const efsIamNeedsTaskRole: TaskDefRule = {
  id: 'efs/iam-needs-task-role',
  scope: 'taskdef',
  severity: 'error',
  title: 'EFS IAM authorization needs a task role',
  docs: {
    what: 'An EFS volume with `authorizationConfig.iam: ENABLED` needs `taskRoleArn` on the task definition (or a task-role override where it is launched).',
    why: 'The ECS API: "Determines whether to use the Amazon ECS task role defined in a task definition when mounting the Amazon EFS file system." Without a task role the mount has no IAM identity and the task fails to start (on Fargate there is no instance role to fall back to).',
    fix: 'Add `taskRoleArn` with a role allowed `elasticfilesystem:ClientMount` (and `ClientWrite` if needed) on the file system.',
  },
  check({ td, launches }) {
    if (!td.root) return [];
    const role = prop(td.root, 'taskRoleArn');
    if (role && role.value.type !== 'null' && !(role.value.type === 'string' && role.value.value === '')) return [];
    const overridden = launches.some((l) => l.launch.taskRoleOverride);
    const out: Finding[] = [];
    for (const e of efsVolumes(td)) {
      const iam = iamEnabled(e);
      if (!iam) continue;
      const soft = overridden || !td.fargate;
      const note = overridden
        ? ' A launch input overrides the task role; make sure every launch does.'
        : !td.fargate
          ? ' (On EC2 this also fails unless the mount can use another identity; safer to set it.)'
          : '';
      out.push(
        finding(
          this.id,
          iam,
          `${e.label} mounts EFS with IAM authorization, which uses the task role, but the task definition has no taskRoleArn; the mount fails and the task cannot start. Add a taskRoleArn allowed elasticfilesystem:ClientMount.${note}`,
          soft ? { severity: 'warning' } : {},
        ),
      );
    }
    return out;
  },
};
