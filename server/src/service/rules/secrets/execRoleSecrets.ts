import { at, child, items, prop, str, type AstNode, type Property } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { containerLabel, finding } from '../util';
import { canJudgeExecutionRole, hasExecutionRole } from './refs';

/** Secrets, registry credentials, env files and FireLens S3 config are fetched with the execution role. */
export const execRoleSecrets: TaskDefRule = {
  id: 'exec-role/secrets',
  scope: 'taskdef',
  severity: 'error',
  title: 'Secrets need an execution role',
  docs: {
    what: 'A task definition uses `secrets`, `logConfiguration.secretOptions`, `repositoryCredentials`, `environmentFiles` or a FireLens config file from S3 without `executionRoleArn`.',
    why: 'The ECS agent (or Fargate) retrieves Secrets Manager secrets, SSM parameters, private-registry credentials and S3 files with the task execution role before the container starts; without one the task fails to start (ResourceInitializationError) or is rejected at registration.',
    fix: 'Add `executionRoleArn` with a role allowed to read those resources (secretsmanager:GetSecretValue, ssm:GetParameters, kms:Decrypt, s3:GetObject).',
  },
  check({ td }) {
    if (!canJudgeExecutionRole(td) || hasExecutionRole(td)) return [];
    const uses: { node: AstNode | Property; what: string }[] = [];
    td.containers.forEach((c, i) => {
      const label = containerLabel(c, i);
      const key = (k: string) => prop(c, k);
      const secrets = key('secrets');
      if (secrets && items(secrets.value).length > 0) uses.push({ node: secrets, what: `${label} uses secrets` });
      const secretOptions = prop(child(c, 'logConfiguration'), 'secretOptions');
      if (secretOptions && items(secretOptions.value).length > 0)
        uses.push({ node: secretOptions, what: `${label} uses log secretOptions` });
      const creds = key('repositoryCredentials');
      if (creds && creds.value.type === 'object' && str(child(creds.value, 'credentialsParameter'))?.trim() !== '')
        uses.push({ node: creds, what: `${label} uses repositoryCredentials` });
      const envFiles = key('environmentFiles');
      if (envFiles && items(envFiles.value).length > 0)
        uses.push({ node: envFiles, what: `${label} uses environmentFiles` });
      const cfgType = at(c, 'firelensConfiguration', 'options', 'config-file-type');
      if (str(cfgType) === 's3' && cfgType)
        uses.push({ node: cfgType, what: `${label} loads its FireLens config from S3` });
    });
    if (uses.length === 0) return [];
    const more = uses.length > 1 ? ` (and ${uses.length - 1} more such use${uses.length > 2 ? 's' : ''})` : '';
    return [
      finding(
        this.id,
        uses[0].node,
        `${uses[0].what}${more}, but the task definition has no executionRoleArn; they are fetched with the task execution role before the container starts, so the task cannot start. Add executionRoleArn with access to the secrets/parameters.`,
      ),
    ];
  },
};
