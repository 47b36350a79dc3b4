/**
 * Rules of the 'secrets' area: execution-role requirements (exec-role/*), secret
 * references (secret/*), environment files (envfile/*) and private-registry credentials (repo-creds/*).
 * One rule per file, listed here.
 */
import type { Rule } from '../types';
import { envFileRules } from './envFiles';
import { execRoleAwslogs } from './execRoleAwslogs';
import { execRoleEcr } from './execRoleEcr';
import { execRoleSecrets } from './execRoleSecrets';
import { secretNameUnique } from './nameUnique';
import { repoCredsArn } from './repoCredsArn';
import { smJsonKeyPv } from './smJsonKeyPv';
import { smSuffixColons } from './smSuffixColons';
import { secretValueFrom } from './valueFrom';

export const rules: Rule[] = [
  execRoleAwslogs,
  execRoleEcr,
  execRoleSecrets,
  secretValueFrom,
  smSuffixColons,
  smJsonKeyPv,
  secretNameUnique,
  envFileRules,
  repoCredsArn,
];
