import { alternatives, child, type AstNode } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { viaNote } from './common';

export const ROLE_ARN = /^arn:aws[-a-z]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** Sample-file placeholders: `TASK_EXECUTION_ROLE`, or an ARN whose account is `XXXXXXXXXXXX`, `111111111111`, `ACCOUNT_ID`. */
const PLACEHOLDER = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
const PLACEHOLDER_ACCOUNT = /^arn:[^:]*:iam::([xX#*]+|(\d)\2*|[^:]*[A-Za-z_][^:]*):/;

function explain(v: string): string {
  const m = /^arn:([^:]*):iam::([^:]*):(.*)$/.exec(v);
  if (!m) return 'it is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)';
  if (!/^aws[-a-z]*$/.test(m[1])) return `the partition '${m[1]}' is not an AWS partition`;
  if (!/^\d{12}$/.test(m[2])) return `the account id '${m[2]}' is not 12 digits`;
  if (!m[3].startsWith('role/')) return `it names '${m[3].split('/')[0]}', not a role (expected ':role/<name>')`;
  return 'the role name has characters IAM does not allow';
}

/** `taskRoleArn` is a role name or ARN; `executionRoleArn` an ARN. */
export const roleArnFormat: TaskDefRule = {
  id: 'task/role-arn-format',
  scope: 'taskdef',
  severity: 'warning',
  title: 'Malformed IAM role ARN',
  docs: {
    what: '`taskRoleArn` is an IAM role ARN or role name; `executionRoleArn` is an IAM role ARN (`arn:aws:iam::<account>:role/<name>`).',
    why: 'A malformed ARN fails at registration or, worse, when the task starts and ECS cannot assume the role (no logs, no image pull, no AWS credentials in the container).',
    fix: 'Copy the role ARN from the IAM console (Roles → the role → ARN).',
  },
  check({ td }) {
    if (!td.root) return [];
    const out: Finding[] = [];
    checkRole(this.id, out, 'taskRoleArn', child(td.root, 'taskRoleArn'), true);
    checkRole(this.id, out, 'executionRoleArn', child(td.root, 'executionRoleArn'), false);
    return out;
  },
};

function checkRole(id: string, out: Finding[], key: string, node: AstNode | undefined, nameAllowed: boolean): void {
  for (const alt of alternatives(node)) {
    const v = alt.value.value;
    if (typeof v !== 'string') continue;
    // An empty role (CloudFormation parameter default '') means no role; placeholders are filled in later.
    if (v === '' || PLACEHOLDER.test(v) || PLACEHOLDER_ACCOUNT.test(v)) continue;
    if (ROLE_ARN.test(v) || (nameAllowed && ROLE_NAME.test(v))) continue;
    out.push(
      finding(
        id,
        alt.node,
        `${key} '${v}'${viaNote(alt.via)} looks malformed: ${explain(v)}.${nameAllowed ? ' A plain role name is accepted too.' : ''} ECS cannot assume a role it cannot resolve.`,
      ),
    );
  }
}
