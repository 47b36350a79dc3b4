import { str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { arnLocationProblem, parseRef, secretRefs } from './refs';

/** `valueFrom` is a Secrets Manager ARN, an SSM parameter ARN, or a bare name (same Region). */
export const secretValueFrom: TaskDefRule = {
  id: 'secret/value-from',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid secret reference',
  docs: {
    what: '`secrets[].valueFrom` (and `secretOptions[].valueFrom`) is a Secrets Manager secret ARN, an SSM Parameter Store parameter ARN, or, for a secret or parameter in the same Region, its name.',
    why: "ECS resolves the reference when the task starts; anything else (another service's ARN, a malformed ARN, an empty value) fails with ResourceInitializationError and the task never starts.",
    fix: 'Use `arn:aws:secretsmanager:<region>:<account>:secret:<name>` or `arn:aws:ssm:<region>:<account>:parameter/<name>` (or the bare name for the same Region).',
  },
  check({ td }) {
    const out: Finding[] = [];
    for (const r of secretRefs(td)) {
      const v = str(r.valueFrom);
      if (!r.valueFrom || v === undefined) continue;
      const p = parseRef(v);
      if (p.kind === 'name') continue;
      const who = `${containerLabel(r.container, r.containerIndex)} ${r.where} '${str(r.name) ?? '?'}'`;
      if (p.kind === 'malformed') {
        out.push(
          finding(
            this.id,
            r.valueFrom,
            `${who}: valueFrom '${v}' is not a valid reference: ${p.reason}. Use a Secrets Manager secret ARN, an SSM parameter ARN, or a same-Region name; the task cannot start otherwise.`,
          ),
        );
      } else if (p.kind === 'other-arn') {
        out.push(
          finding(
            this.id,
            r.valueFrom,
            `${who}: valueFrom is an ARN of '${p.service}', but ECS can only inject Secrets Manager secrets and SSM parameters; the task cannot start. Use a secretsmanager or ssm ARN.`,
          ),
        );
      } else if (p.kind === 'secretsmanager' || p.kind === 'ssm') {
        const loc = arnLocationProblem(p);
        if (!loc) continue;
        out.push(
          finding(
            this.id,
            r.valueFrom,
            loc.placeholder
              ? `${who}: valueFrom looks like a sample value (${loc.text}); replace it with the real ARN before deploying.`
              : `${who}: valueFrom '${v}' is not a valid ARN: ${loc.text}. The secret cannot be resolved and the task cannot start.`,
            loc.placeholder ? { severity: 'warning' } : {},
          ),
        );
      }
    }
    return out;
  },
};
