/**
 * Rules of the 'exec' area: ECS Exec readiness of the task definition, checked on the
 * launch inputs that enable ECS Exec. `exec/ssmmessages-perms` is a live check (client side), not here.
 * One rule per file, listed here.
 */
import type { Rule } from '../types';
import { execAwsKeysEnv } from './awsKeysEnv';
import { execInitProcess } from './initProcess';
import { execNanoServer } from './nanoServer';
import { execPidModeTask } from './pidModeTask';
import { execPv } from './pv';
import { execReadonlyRoot } from './readonlyRoot';
import { execResources } from './resources';
import { execTaskRole } from './taskRole';

export const rules: Rule[] = [
  execTaskRole,
  execPv,
  execReadonlyRoot,
  execInitProcess,
  execPidModeTask,
  execAwsKeysEnv,
  execResources,
  execNanoServer,
];
