import { child, objects, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';

/** Names that are credentials by themselves. */
const EXACT = /^(AWS_ACCESS_KEY_ID|AWS_ACCESS_KEY|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)$/;
/** Names whose last word says "secret": DB_PASSWORD, JWT_SECRET, GITHUB_TOKEN, STRIPE_SECRET_KEY, API_KEY. */
const LAST_WORD =
  /((^|_)(PASSWORD|PASSWD|SECRET|TOKEN|APIKEY|API_KEY|SECRET_KEY|PRIVATE_KEY|ACCESS_KEY|CLIENT_SECRET|AUTH_KEY|CREDENTIALS?)|_(PASS|PWD))$/i;

/**
 * Every name above ends in D, T, N, Y, L or S (either case; the `i` flag folds ASCII letters only):
 * a one-character test spares both expressions for most names (SETTING_1, PORT, NODE_ENV ...).
 */
const LAST_LETTERS = new Set([0x64, 0x74, 0x6e, 0x79, 0x6c, 0x73]);

export function looksSecret(name: string): boolean {
  if (!LAST_LETTERS.has(name.charCodeAt(name.length - 1) | 0x20)) return false;
  return EXACT.test(name) || LAST_WORD.test(name);
}

/** Secret-looking variables in plain `environment`. */
export const envLooksSecret: TaskDefRule = {
  id: 'ctr/env-looks-secret',
  scope: 'taskdef',
  severity: 'warning',
  title: 'Secret in plain environment variable',
  docs: {
    what: 'Plain `environment` variables are not named like credentials (`*_PASSWORD`, `*_SECRET`, `*_TOKEN`, `*_API_KEY`, `AWS_SECRET_ACCESS_KEY`, ...).',
    why: 'Environment values are stored in clear text in the task definition: anyone with ecs:DescribeTaskDefinition reads them, and they end up in CI logs and git (Security Hub ECS.8, AWS Config ecs-no-environment-secrets).',
    fix: 'Store the value in Secrets Manager or SSM Parameter Store and reference it from `secrets` (`{"name": "DB_PASSWORD", "valueFrom": "<ARN>"}`); the execution role needs read access.',
  },
  check({ td }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      for (const e of objects(child(c, 'environment'))) {
        const nameNode = child(e, 'name');
        const name = str(nameNode);
        if (!nameNode || name === undefined || !looksSecret(name)) continue;
        const value = child(e, 'value');
        // An empty value leaks nothing.
        // An empty value leaks nothing; an ARN is a reference to a secret, not the secret.
        const literal = str(value);
        if (!value || value.type === 'null' || literal === '' || (literal !== undefined && /^arn:/.test(literal)))
          continue;
        out.push(
          finding(
            this.id,
            nameNode,
            `${containerLabel(c, i)}: ${name} looks like a secret but is a plain environment variable, readable by anyone who can describe the task definition. Move it to "secrets" (Secrets Manager or SSM Parameter Store).`,
          ),
        );
      }
    });
    return out;
  },
};
